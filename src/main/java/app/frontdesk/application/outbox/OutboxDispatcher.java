package app.frontdesk.application.outbox;

import app.frontdesk.application.Meter;
import app.frontdesk.application.Repositories;
import app.frontdesk.application.Transactions;
import app.frontdesk.domain.model.audit.AuditEvent;
import app.frontdesk.domain.model.outbox.OutboundMail;
import app.frontdesk.domain.model.outbox.OutboxState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends due outbox mails, one transaction per mail over one SMTP connection per round. A mail is
 * claimed with a row lock held while it is sent, so two dispatchers never send one mail, and it is
 * marked sent in the same transaction right after the server accepted it. A crash before that
 * commit leaves the row pending and the mail is sent again with the same Message-ID: at least once,
 * never lost, and the window for a second copy is one commit, not a batch.
 */
public final class OutboxDispatcher {

    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class.getName());

    private final Transactions transactions;
    private final MailTransport transport;
    private final Clock clock;
    private final Meter meter;
    private final int batchSize;
    private final int maxAttempts;
    private final Duration firstRetry;
    private final SendGuard guard;

    /**
     * Asked right before a mail is sent, in the transaction that sends it and with its row locked:
     * false cancels the mail (the guard records why on its own records).
     */
    @FunctionalInterface
    public interface SendGuard {
        boolean mayGo(Repositories repos, OutboundMail mail);
    }

    /** Sends everything that is due: no guard. */
    public static final SendGuard NO_GUARD = (repos, mail) -> true;

    /**
     * Told, in the transaction that gives a mail up (refused at once, or out of attempts), so that the people who were
     * told "we wrote to them" learn that we could not.
     */
    @FunctionalInterface
    public interface GiveUpListener {
        void givenUp(Repositories repos, OutboundMail mail, String why, Instant now);
    }

    /** How often an idle dispatcher that saw the relay fail asks whether it is back. */
    static final Duration PROBE_EVERY = Duration.ofSeconds(2);

    /** A send failed for a reason of the connection: the relay is probed until it answers, then every waiting mail is due. */
    private volatile boolean relayAway;
    private volatile Instant lastProbe = Instant.EPOCH;

    private GiveUpListener giveUps = (repos, mail, why, now) -> { };

    /** Who hears of a mail given up (one listener; set once at wiring time). */
    public OutboxDispatcher onGiveUp(GiveUpListener listener) {
        this.giveUps = listener;
        return this;
    }

    public OutboxDispatcher(Transactions transactions, MailTransport transport, Clock clock, Meter meter,
                            int batchSize, int maxAttempts) {
        this(transactions, transport, clock, meter, batchSize, maxAttempts, Duration.ofSeconds(30), NO_GUARD);
    }

    /**
     * @param batchSize  mails sent over one connection before it is closed
     * @param firstRetry the wait after the first failed attempt; it doubles with every further one, up to an hour
     * @param guard      asked before each mail is sent (the dunning gate checks a notice once more)
     */
    public OutboxDispatcher(Transactions transactions, MailTransport transport, Clock clock, Meter meter,
                            int batchSize, int maxAttempts, Duration firstRetry, SendGuard guard) {
        this.guard = guard;
        this.transactions = transactions;
        this.transport = transport;
        this.clock = clock;
        this.meter = meter;
        this.batchSize = batchSize;
        this.maxAttempts = maxAttempts;
        this.firstRetry = firstRetry;
    }

    /** Sends up to one batch of due mails; answers how many were claimed (0: nothing is due). */
    public int dispatchDue() {
        recordSentEarlier();
        Round round = new Round();
        try {
            for (int i = 0; i < batchSize; i++) {
                if (!transactions.inTransaction(round::sendOne)) {
                    break;
                }
                round.sentNow = null;
            }
        } catch (RuntimeException e) {
            if (round.sentNow != null) {
                // the relay took it, the database did not take "sent" (it went away in between): say so once it is back,
                // before anyone claims the row again, so that this instance does not send it twice
                sentNotRecorded.add(round.sentNow);
                LOG.warning("outbox mail " + round.sentNow + " was sent but could not be marked sent (" + e.getMessage()
                        + "); it is marked when the database answers again");
            }
            throw e;
        } finally {
            round.close();
        }
        meter.add("outbox_sent", round.outcome[0]);
        meter.add("outbox_failed", round.outcome[1]);
        meter.add("outbox_retrying", round.outcome[2]);
        return round.claimed > 0 ? round.claimed : probeRelay();
    }

    /**
     * While the relay is known away and nothing is due: asks it (every {@link #PROBE_EVERY}) whether it takes
     * connections again; when it does, the mails waiting out their backoff become due at once, here and for every
     * other instance (their rows are shared). Before this, the backoff decided recovery: after a 131 s outage the
     * last mail left 85 s after the relay was back (issue 17).
     *
     * @return how many mails became due (the worker goes on at once when any did)
     */
    private int probeRelay() {
        Instant now = clock.instant();
        if (!relayAway || now.isBefore(lastProbe.plus(PROBE_EVERY))) {
            return 0;
        }
        lastProbe = now;
        try {
            transport.probe();
        } catch (Exception e) {
            return 0; // still away; each mail's failure said so already
        }
        relayAway = false;
        int due = transactions.inTransaction(repos -> repos.outbox().retryNow(clock.instant()));
        LOG.info("the mail relay answers again: " + due + " waiting mails are due now");
        return due;
    }

    /** Mails the relay took whose "sent" did not commit: marked sent first thing when the database answers again. */
    private final java.util.Set<Long> sentNotRecorded = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private void recordSentEarlier() {
        if (sentNotRecorded.isEmpty()) {
            return;
        }
        List<Long> ids = List.copyOf(sentNotRecorded);
        transactions.run(repos -> ids.forEach(id -> repos.outbox().byId(id).filter(m -> m.state() == OutboxState.PENDING)
                .ifPresent(m -> m.sent(clock.instant()))));
        sentNotRecorded.removeAll(ids);
    }

    /** One connection's worth of sending. */
    private final class Round {
        /** The mail of the transaction under way once the relay took it (null before, and after its commit). */
        private Long sentNow;
        private MailTransport.Connection connection;
        private String openError;
        private final int[] outcome = new int[3];
        private int claimed;

        boolean sendOne(Repositories repos) {
            List<OutboundMail> due = repos.outbox().claimDue(clock.instant(), 1);
            if (due.isEmpty()) {
                return false;
            }
            claimed++;
            OutboundMail mail = due.get(0);
            if (!guard.mayGo(repos, mail)) {
                mail.cancel("stopped right before sending by the check of its own rules", clock.instant());
                return true;
            }
            String error = openError;
            boolean away = openError != null; // no connection: the relay is away, not refusing this mail
            if (connection == null && openError == null) {
                try {
                    connection = transport.open();
                } catch (Exception e) {
                    error = openError = describe(e);
                    away = true;
                    relayAway = true;
                }
            }
            if (connection != null) {
                try {
                    connection.send(mail, MailBytes.of(mail, repos.inbound()));
                } catch (MailTransport.Refused refused) {
                    refuse(repos, mail, refused.getMessage());
                    return true;
                } catch (Exception e) {
                    error = describe(e);
                    if (unreachable(e)) {
                        away = true;
                        relayAway = true; // not a refusal of this mail (a greylisting 4xx keeps its own backoff)
                    }
                }
            }
            if (error == null) {
                mail.sent(clock.instant());
                sentNow = mail.id();
                outcome[0]++;
                if (relayAway) {
                    relayAway = false; // it took this one: the others need not wait out their backoff
                    repos.outbox().retryNow(clock.instant());
                }
            } else {
                mail.failed(error, backoff(firstRetry, mail.attempts()), maxAttempts, clock.instant(), away);
                outcome[mail.state() == OutboxState.FAILED ? 1 : 2]++;
                LOG.log(Level.WARNING, "outbox mail {0} to {1} not sent (attempt {2}): {3}",
                        new Object[] {mail.id(), mail.recipients(), mail.attempts(), error});
                if (mail.state() == OutboxState.FAILED) {
                    giveUps.givenUp(repos, mail, error, clock.instant());
                }
            }
            return true;
        }

        /** Given up at once, with the reason on the mail, in the audit log and in its case's timeline. */
        private void refuse(Repositories repos, OutboundMail mail, String why) {
            Instant now = clock.instant();
            mail.refused("not sent: " + why, now);
            outcome[1]++;
            repos.audit().record(new AuditEvent(now, "outbox", "mail-refused", "outbox", mail.id(), why));
            if (mail.caseId() != null) {
                repos.cases().find(mail.caseId()).ifPresent(c -> c.record(now, "outbox", "mail-not-sent",
                        mail.kind().name().toLowerCase(java.util.Locale.ROOT) + " to " + String.join(", ", mail.recipients()) + ": " + why));
            }
            LOG.log(Level.WARNING, "outbox mail {0} to {1} refused, not sent: {2}", new Object[] {mail.id(), mail.recipients(), why});
            giveUps.givenUp(repos, mail, why, now);
        }

        void close() {
            if (connection != null) {
                connection.close();
            }
        }
    }

    /** {@code first}, twice that, four times ... capped at one hour. */
    static Duration backoff(Duration first, int attemptsSoFar) {
        long seconds = first.toSeconds() << Math.min(attemptsSoFar, 12);
        return Duration.ofSeconds(Math.min(seconds, 3600));
    }

    /** Whether {@code e} says the server could not be reached or the connection broke, not that it refused something. */
    static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.SocketException || t instanceof java.net.SocketTimeoutException
                    || t instanceof java.net.UnknownHostException || t instanceof java.io.EOFException) {
                return true;
            }
        }
        return false;
    }

    static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message.strip());
    }
}
