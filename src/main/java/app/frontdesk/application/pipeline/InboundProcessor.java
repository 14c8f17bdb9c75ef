package app.frontdesk.application.pipeline;

import app.frontdesk.application.DatabaseUnavailableException;
import app.frontdesk.application.FailureText;
import app.frontdesk.application.Meter;
import app.frontdesk.application.Repositories;
import app.frontdesk.application.Transactions;
import app.frontdesk.application.outbox.AdminAlert;
import app.frontdesk.domain.model.audit.AuditEvent;
import app.frontdesk.domain.model.inbound.InboundMessage;
import app.frontdesk.domain.model.inbound.InboundState;
import app.frontdesk.domain.model.inbound.Route;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes stored messages through the pipeline. A batch is claimed and its attempt counted in a short
 * transaction of its own, then decided in one transaction: the new state, the outbox rows and the
 * audit events commit together, or not at all (then the rows are simply still waiting). Whatever a
 * message throws, a {@link StackOverflowError} from a parser included, is caught for that message:
 * when a batch fails, its messages are decided one by one, so that one bad message delays only
 * itself; a message that keeps failing is retried with backoff and finally quarantined with the
 * error (in words, never the SQL or the driver's text) and an alert.
 *
 * <p>With several workers, each first takes the messages of its own share of senders (the sender
 * key, hashed from the address at intake, modulo the number of workers): one sender's messages then
 * meet in one worker instead of two workers waiting for each other's lock on that sender's case.
 * A worker whose share is empty takes any due message, so no message waits while a worker idles.
 */
public final class InboundProcessor {

    private static final Logger LOG = Logger.getLogger(InboundProcessor.class.getName());

    private final Transactions transactions;
    private final Pipeline pipeline;
    private final AdminAlert alert;
    private final Clock clock;
    private final Meter meter;
    private final int batchSize;
    private final int maxAttempts;

    public InboundProcessor(Transactions transactions, Pipeline pipeline, AdminAlert alert, Clock clock, Meter meter,
                            int batchSize, int maxAttempts) {
        this.transactions = transactions;
        this.pipeline = pipeline;
        this.alert = alert;
        this.clock = clock;
        this.meter = meter;
        this.batchSize = batchSize;
        this.maxAttempts = maxAttempts;
    }

    /** Processes one batch of due messages; answers how many were claimed (0: nothing is due). */
    public int processDue() {
        return processDue(0, 1);
    }

    /** The same for worker {@code slot} of {@code slots}: its own senders' messages first, else any. */
    public int processDue(int slot, int slots) {
        List<Long> claimed = claim(slot, slots);
        if (claimed.isEmpty()) {
            return 0;
        }
        Attempt attempt = new Attempt();
        try {
            decide(claimed, attempt);
        } catch (Throwable batchFailure) {
            rethrowFatal(batchFailure);
            if (batchFailure instanceof DatabaseUnavailableException away) {
                // not the messages' fault: their claim lapses and they are decided when the database is back (logged once)
                throw away;
            }
            if (claimed.size() == 1) {
                recordFailure(claimed.get(0), attempt.step, batchFailure);
            } else {
                LOG.log(Level.FINE, "batch failed, deciding its messages one by one", batchFailure);
                claimed.forEach(this::decideAlone);
            }
        }
        return claimed.size();
    }

    private void decideAlone(long id) {
        Attempt attempt = new Attempt();
        try {
            decide(List.of(id), attempt);
        } catch (Throwable e) {
            rethrowFatal(e);
            recordFailure(id, attempt.step, e);
        }
    }

    /** Out of memory and the like: nothing here can help (the attempt is counted already). A stack overflow is the message's. */
    private static void rethrowFatal(Throwable e) {
        if (e instanceof VirtualMachineError fatal && !(e instanceof StackOverflowError)) {
            throw fatal;
        }
    }

    /**
     * Claims a page of due messages and counts the attempt on each, committed before any work starts:
     * a message that kills the whole JVM has its attempts counted across restarts, and its lease (the
     * backoff) keeps other workers off it meanwhile. A message tried before is claimed alone, so that
     * after a crash the one that caused it cannot take a batch of innocent messages down with it again.
     */
    private List<Long> claim(int slot, int slots) {
        return transactions.inTransaction(repos -> {
            Instant now = clock.instant();
            List<InboundMessage> due = slots > 1 ? repos.inbound().claimDue(now, batchSize, slot, slots) : List.of();
            if (due.isEmpty()) {
                due = repos.inbound().claimDue(now, batchSize);
            }
            List<InboundMessage> taken = due.stream().filter(m -> m.attempts() > 0).findFirst().map(List::of).orElse(due);
            taken.forEach(m -> m.startAttempt(backoff(m.attempts()), now));
            return taken.stream().map(InboundMessage::id).toList();
        });
    }

    /** Decides the claimed messages in one transaction: states, outbox rows and audit events commit together. */
    private void decide(List<Long> ids, Attempt attempt) {
        List<Decision> decided = new ArrayList<>();
        transactions.run(repos -> {
            Instant now = clock.instant();
            List<InboundMessage> messages = repos.inbound().lockAttempted(ids);
            Map<Long, byte[]> raw = repos.inbound().rawBytes(messages.stream().map(InboundMessage::id).toList());
            for (InboundMessage message : messages) {
                decided.add(process(message, raw.get(message.id()), repos, now, attempt));
            }
        });
        for (Decision d : decided) {
            meter.increment("inbound_routed", "route", d.route().name().toLowerCase());
            if (d.route() == Route.QUARANTINE) {
                meter.increment("inbound_quarantined");
            }
        }
    }

    private Decision process(InboundMessage message, byte[] raw, Repositories repos, Instant now, Attempt attempt) {
        if (raw == null) {
            throw new IllegalStateException("no raw bytes stored for inbound message " + message.id());
        }
        MailContext mail = new MailContext(message, raw, repos, now);
        try {
            pipeline.process(mail);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new PipelineFailure(message.id(), e);
        } finally {
            attempt.step = mail.step();
        }
        Decision d = mail.decision().orElseThrow();
        message.route(d.route(), d.state(), d.accountId(), d.reason(), now);
        return d;
    }

    /** A message failed for a reason of ours: it is tried again when its lease ends, or quarantined after the last attempt. */
    private void recordFailure(long messageId, String step, Throwable error) {
        String why = FailureText.of(error instanceof PipelineFailure && error.getCause() != null ? error.getCause() : error)
                + (step.isEmpty() ? "" : " in step " + step);
        LOG.log(Level.WARNING, "inbound message " + messageId + " failed in the pipeline" + (step.isEmpty() ? "" : " at step " + step), error);
        Boolean quarantined = transactions.inTransaction(repos -> {
            InboundMessage message = repos.inbound().find(messageId).orElseThrow();
            if (message.state() != InboundState.RECEIVED) {
                return null; // decided meanwhile by another worker, after this one's lease ran out
            }
            Instant now = clock.instant();
            if (message.attempts() >= maxAttempts) {
                String reason = "processing failed " + message.attempts() + " times, last error: " + why;
                message.quarantine(reason, now);
                repos.outbox().add(alert.quarantined(repos, message, reason, now));
                repos.audit().record(new AuditEvent(now, "pipeline", "quarantined", "inbound", messageId, reason));
                return true;
            }
            message.attemptFailed(why);
            return false;
        });
        if (quarantined != null) {
            meter.increment(quarantined ? "inbound_quarantined" : "inbound_retrying");
        }
    }

    /** Where one attempt got to, kept outside its transaction for the failure record. */
    private static final class Attempt {
        private String step = "";
    }

    /** 10 s, 20 s, 40 s ... capped at 30 minutes. */
    static Duration backoff(int attemptsSoFar) {
        return Duration.ofSeconds(Math.min(10L << Math.min(attemptsSoFar, 10), 1800));
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    /** A checked failure inside a step, carried out of the transaction with the message it belongs to. */
    static final class PipelineFailure extends RuntimeException {
        PipelineFailure(long messageId, Exception cause) {
            super("inbound message " + messageId + ": " + cause, cause);
        }
    }
}
