package app.frontdesk.application.outbox;

import app.frontdesk.application.Meter;
import app.frontdesk.application.Transactions;
import app.frontdesk.domain.model.outbox.OutboundMail;
import app.frontdesk.domain.model.outbox.OutboxState;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends due outbox mails. Each batch is claimed with row locks held while it is sent, so two
 * dispatchers never send one mail; a crash before the commit leaves the rows pending and they are
 * sent again with the same Message-ID (at least once, never lost).
 */
public final class OutboxDispatcher {

    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class.getName());

    private final Transactions transactions;
    private final MailTransport transport;
    private final Clock clock;
    private final Meter meter;
    private final int batchSize;
    private final int maxAttempts;

    public OutboxDispatcher(Transactions transactions, MailTransport transport, Clock clock, Meter meter,
                            int batchSize, int maxAttempts) {
        this.transactions = transactions;
        this.transport = transport;
        this.clock = clock;
        this.meter = meter;
        this.batchSize = batchSize;
        this.maxAttempts = maxAttempts;
    }

    /** Sends one batch of due mails; answers how many were claimed (0: nothing is due). */
    public int dispatchDue() {
        int[] outcome = new int[3];
        int claimed = transactions.inTransaction(repos -> {
            List<OutboundMail> due = repos.outbox().claimDue(clock.instant(), batchSize);
            if (due.isEmpty()) {
                return 0;
            }
            MailTransport.Connection connection = null;
            String openError = null;
            try {
                connection = transport.open();
            } catch (Exception e) {
                openError = describe(e);
            }
            try {
                for (OutboundMail mail : due) {
                    String error = openError;
                    if (connection != null) {
                        try {
                            connection.send(mail);
                        } catch (Exception e) {
                            error = describe(e);
                        }
                    }
                    if (error == null) {
                        mail.sent(clock.instant());
                        outcome[0]++;
                    } else {
                        mail.failed(error, backoff(mail.attempts()), maxAttempts, clock.instant());
                        outcome[mail.state() == OutboxState.FAILED ? 1 : 2]++;
                        LOG.log(Level.WARNING, "outbox mail {0} to {1} not sent (attempt {2}): {3}",
                                new Object[] {mail.id(), mail.recipients(), mail.attempts(), error});
                    }
                }
            } finally {
                if (connection != null) {
                    connection.close();
                }
            }
            return due.size();
        });
        meter.add("outbox_sent", outcome[0]);
        meter.add("outbox_failed", outcome[1]);
        meter.add("outbox_retrying", outcome[2]);
        return claimed;
    }

    /** 30 s, 1 min, 2 min ... capped at one hour. */
    static Duration backoff(int attemptsSoFar) {
        long seconds = 30L << Math.min(attemptsSoFar, 7);
        return Duration.ofSeconds(Math.min(seconds, 3600));
    }

    static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message.strip());
    }
}
