package app.frontdesk.infrastructure.imap;

import app.frontdesk.application.Meter;
import app.frontdesk.application.mailbox.MailboxDrain;
import app.frontdesk.infrastructure.config.ImapMailboxSettings;
import app.frontdesk.infrastructure.config.ImapSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * IMAP intake: one watcher thread per configured mailbox. Started and stopped through {@link #start} and
 * {@link #stop} only, so that whoever decides where it runs has one switch: the gateway starts it on the
 * instance elected leader and stops it when that instance loses the lead (two readers would race to store
 * and move each message).
 */
public final class ImapIntake {

    private final ImapSettings settings;
    private final MailboxDrain drain;
    private final Clock clock;
    private final Meter meter;
    private final List<MailboxWatcher> watchers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private ScheduledExecutorService poker;

    public ImapIntake(ImapSettings settings, MailboxDrain drain, Clock clock, Meter meter) {
        this.settings = settings;
        this.drain = drain;
        this.clock = clock;
        this.meter = meter;
    }

    /** Starts a watcher per mailbox on threads from {@code threads}; nothing when none is configured, or when running. */
    public synchronized void start(ThreadFactory threads) {
        if (!watchers.isEmpty() || !settings.enabled()) {
            return;
        }
        poker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = threads.newThread(r);
            t.setName("frontdesk-imap-idle-restart");
            t.setDaemon(true);
            return t;
        });
        for (ImapMailboxSettings box : settings.mailboxes()) {
            MailboxWatcher w = new MailboxWatcher(box, settings, drain, clock, meter, poker);
            Thread t = threads.newThread(w);
            t.setName("frontdesk-imap-" + box.name());
            t.setDaemon(true);
            watchers.add(w);
            this.threads.add(t);
            t.start();
        }
    }

    /**
     * Stops every watcher and waits (up to 10 s each) until it has logged out, so that whoever stops intake
     * (shutdown, or losing leadership) knows this instance no longer touches the mailboxes. A later
     * {@link #start} begins again from the stored positions.
     */
    public synchronized void stop() {
        stopTaking();
        awaitStopped(Duration.ofSeconds(10L * Math.max(1, threads.size())));
    }

    /**
     * Tells every watcher to stop and returns at once: a message being stored finishes its commit (and its move);
     * one not yet moved is found again by the next reader. The gateway stops every door before it waits for any.
     */
    public synchronized void stopTaking() {
        watchers.forEach(MailboxWatcher::stop);
    }

    /**
     * After {@link #stopTaking()}: waits until every watcher has logged out, at most {@code limit} in all.
     *
     * @return whether every one did
     */
    public synchronized boolean awaitStopped(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        boolean all = true;
        try {
            for (int i = 0; i < threads.size(); i++) {
                // a watcher that was just entering IDLE when it was told missed the poke: it is poked again each second
                while (threads.get(i).isAlive()) {
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    if (left <= 0) {
                        break;
                    }
                    threads.get(i).join(Math.min(1000, left));
                    watchers.get(i).stop();
                }
                all &= !threads.get(i).isAlive();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            all = false;
        }
        threads.clear();
        watchers.clear();
        if (poker != null) {
            poker.shutdownNow(); // the pending IDLE restarts are of no use now
            poker = null;
        }
        return all;
    }

    /** Each mailbox's state for health: {@code imap.<name>} to "IDLE, last success 2026-...Z" (or the last error). */
    public synchronized Map<String, String> states() {
        Map<String, String> states = new LinkedHashMap<>();
        for (MailboxWatcher w : watchers) {
            Instant last = w.lastSuccess();
            String error = w.lastError();
            states.put("imap." + w.name(), w.state() + ", last success " + (last == null ? "never" : last.toString())
                    + (error == null ? "" : ", last error: " + error));
        }
        return states;
    }

    /** Mailboxes that are not connected now, in words, for the health warnings. */
    public synchronized List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (MailboxWatcher w : watchers) {
            if (w.state() == MailboxWatcher.State.RECONNECTING) {
                problems.add("IMAP mailbox " + w.name() + " is not connected: " + w.lastError());
            }
        }
        return problems;
    }
}
