package app.frontdesk.infrastructure.imap;

import app.frontdesk.application.DatabaseUnavailableException;
import app.frontdesk.application.Meter;
import app.frontdesk.application.mailbox.MailboxDrain;
import app.frontdesk.application.mailbox.RemoteMailbox.MailboxException;
import app.frontdesk.domain.model.inbound.Envelope;
import app.frontdesk.infrastructure.config.ImapMailboxSettings;
import app.frontdesk.infrastructure.config.ImapSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads one mailbox for as long as it runs: connect, resync, then IDLE where the server has it (else
 * poll every {@code FRONTDESK_IMAP_POLL_SECONDS}), a full resync every {@code FRONTDESK_IMAP_RESYNC_SECONDS};
 * any failure (the server, the network, our database) closes the connection and tries again after a
 * backoff that doubles from 1 s to 5 minutes. Its state is read by health.
 */
final class MailboxWatcher implements Runnable {

    private static final Logger LOG = Logger.getLogger(MailboxWatcher.class.getName());

    /** IDLE is restarted at least this often: below the read timeout and far below the 30 minutes servers allow. */
    static final Duration IDLE_RESTART = Duration.ofMinutes(4);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    /** What health shows for a mailbox. */
    enum State { STARTING, CONNECTING, IDLE, POLLING, RECONNECTING, STOPPED }

    private final ImapMailboxSettings box;
    private final ImapSettings settings;
    private final MailboxDrain drain;
    private final Clock clock;
    private final Meter meter;
    private final ScheduledExecutorService poker;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running = true;
    private volatile State state = State.STARTING;
    private volatile Instant lastSuccess;
    private volatile String lastError;
    private volatile ImapConnection current;

    MailboxWatcher(ImapMailboxSettings box, ImapSettings settings, MailboxDrain drain, Clock clock, Meter meter, ScheduledExecutorService poker) {
        this.box = box;
        this.settings = settings;
        this.drain = drain;
        this.clock = clock;
        this.meter = meter;
        this.poker = poker;
    }

    @Override
    public void run() {
        Duration backoff = FIRST_BACKOFF;
        while (running) {
            state = State.CONNECTING;
            try (ImapConnection c = ImapConnection.open(box, Secrets.of(box))) {
                current = c;
                boolean useIdle = settings.idle() && c.supportsIdle();
                LOG.info("IMAP mailbox " + box + " connected; " + (useIdle ? "waiting in IDLE" : "polling every " + settings.poll().toSeconds() + " s")
                        + (c.supportsMove() ? "" : "; no MOVE on this server: COPY, \\Deleted and EXPUNGE instead"));
                Instant nextResync = Instant.MIN; // the first look after a connect is a resync: leftovers of a crash are taken at once
                while (running) {
                    boolean resync = !clock.instant().isBefore(nextResync);
                    if (resync) {
                        nextResync = clock.instant().plus(settings.resync());
                    }
                    // again until a look finds nothing: what arrived while we moved mail is not waited for until the next IDLE
                    while (running && moved(drain.drain(box.name(), new Envelope(null, box.recipient()), settings.since(), c, resync))) {
                        resync = false;
                    }
                    lastSuccess = clock.instant();
                    lastError = null;
                    backoff = FIRST_BACKOFF;
                    Duration untilResync = Duration.between(clock.instant(), nextResync);
                    if (useIdle) {
                        state = State.IDLE;
                        c.idle(min(untilResync, IDLE_RESTART), poker);
                    } else {
                        state = State.POLLING;
                        wake.tryAcquire(Math.max(1, min(untilResync, settings.poll()).toMillis()), TimeUnit.MILLISECONDS);
                    }
                }
            } catch (MailboxException | RuntimeException e) {
                if (!running) {
                    break;
                }
                state = State.RECONNECTING;
                if (e instanceof DatabaseUnavailableException) {
                    // not the mailbox's fault, and said once per outage by the database layer: the message stays in the
                    // mailbox and is taken when the database is back; a warning per backoff would repeat that line
                    lastError = "the database is unreachable";
                    LOG.fine("IMAP mailbox " + box.name() + " waits for the database; looking again in " + backoff.toSeconds() + " s");
                } else {
                    lastError = e instanceof MailboxException ? e.getMessage() : ImapConnection.describe(e);
                    meter.increment("imap_reconnects", "mailbox", box.name());
                    LOG.log(Level.WARNING, "IMAP mailbox " + box.name() + ": " + lastError + "; connecting again in " + backoff.toSeconds() + " s");
                }
                try {
                    wake.tryAcquire(backoff.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
                backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                current = null;
            }
        }
        state = State.STOPPED;
    }

    private static boolean moved(MailboxDrain.Result r) {
        return r.stored() + r.duplicates() > 0;
    }

    private static Duration min(Duration a, Duration b) {
        Duration m = a.compareTo(b) < 0 ? a : b;
        return m.isNegative() || m.isZero() ? Duration.ofMillis(1) : m;
    }

    /** Stops after the current step: IDLE and waits end at once. */
    void stop() {
        running = false;
        wake.release();
        ImapConnection c = current;
        if (c != null) {
            try {
                poker.execute(c::poke); // ends an IDLE (otherwise one NOOP more); not on this thread: a dead connection may hang
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // intake is stopping altogether
            }
        }
    }

    String name() {
        return box.name();
    }

    State state() {
        return state;
    }

    Instant lastSuccess() {
        return lastSuccess;
    }

    String lastError() {
        return lastError;
    }
}
