package app.frontdesk.application.pipeline;

import app.frontdesk.application.Meter;
import app.frontdesk.application.Repositories;
import app.frontdesk.application.Transactions;
import app.frontdesk.application.outbox.AdminAlert;
import app.frontdesk.domain.model.audit.AuditEvent;
import app.frontdesk.domain.model.inbound.InboundMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes stored messages through the pipeline. A batch is claimed with row locks and decided in one
 * transaction: the new state, the outbox rows and the audit events commit together, or not at all
 * (then the rows are simply still waiting). When a batch fails, its messages are retried one by one,
 * so that one bad message delays only itself; a message that keeps failing is retried with backoff
 * and finally quarantined with the error and an alert.
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
        try {
            int n = slots > 1 ? processBatch(batchSize, new long[] {-1}, slot, slots) : 0;
            return n > 0 ? n : processBatch(batchSize);
        } catch (RuntimeException batchFailure) {
            LOG.log(Level.FINE, "batch failed, retrying its messages one by one", batchFailure);
            int done = 0;
            for (int i = 0; i < batchSize; i++) {
                long[] current = {-1};
                try {
                    int n = processBatch(1, current);
                    if (n == 0) {
                        break;
                    }
                    done += n;
                } catch (RuntimeException e) {
                    if (current[0] < 0) {
                        throw e;
                    }
                    recordFailure(current[0], e);
                    done++;
                }
            }
            return done;
        }
    }

    private int processBatch(int limit) {
        return processBatch(limit, new long[] {-1});
    }

    private int processBatch(int limit, long[] current) {
        return processBatch(limit, current, 0, 1);
    }

    private int processBatch(int limit, long[] current, int slot, int slots) {
        List<Decision> decided = new ArrayList<>();
        int claimed = transactions.inTransaction(repos -> {
            Instant now = clock.instant();
            List<InboundMessage> due = slots > 1 ? repos.inbound().claimDue(now, limit, slot, slots) : repos.inbound().claimDue(now, limit);
            Map<Long, byte[]> raw = repos.inbound().rawBytes(due.stream().map(InboundMessage::id).toList());
            for (InboundMessage message : due) {
                current[0] = message.id();
                decided.add(process(message, raw.get(message.id()), repos, now));
            }
            return due.size();
        });
        for (Decision d : decided) {
            meter.increment("inbound_routed", "route", d.route().name().toLowerCase());
            if (d.route() == app.frontdesk.domain.model.inbound.Route.QUARANTINE) {
                meter.increment("inbound_quarantined");
            }
        }
        return claimed;
    }

    private Decision process(InboundMessage message, byte[] raw, Repositories repos, Instant now) {
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
        }
        Decision d = mail.decision().orElseThrow();
        message.route(d.route(), d.state(), d.accountId(), d.reason(), now);
        return d;
    }

    /** A message failed for a reason of ours: try again later, or quarantine it after the last attempt. */
    private void recordFailure(long messageId, RuntimeException error) {
        String why = error.getCause() != null && error instanceof PipelineFailure ? error.getCause().toString() : error.toString();
        LOG.log(Level.WARNING, "inbound message " + messageId + " failed in the pipeline", error);
        boolean quarantined = transactions.inTransaction(repos -> {
            InboundMessage message = repos.inbound().find(messageId).orElseThrow();
            Instant now = clock.instant();
            if (message.attempts() + 1 >= maxAttempts) {
                String reason = "processing failed " + (message.attempts() + 1) + " times, last error: " + why;
                message.quarantine(reason, now);
                repos.outbox().add(alert.quarantined(message, reason, now));
                repos.audit().record(new AuditEvent(now, "pipeline", "quarantined", "inbound", messageId, reason));
                return true;
            }
            message.retryLater(why, backoff(message.attempts()), now);
            return false;
        });
        meter.increment(quarantined ? "inbound_quarantined" : "inbound_retrying");
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
