package app.frontdesk.application.intake;

import app.frontdesk.application.Transactions;
import app.frontdesk.domain.model.audit.AuditEvent;
import app.frontdesk.domain.model.staff.Viewer;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;

/**
 * A person sends quarantined messages through the pipeline again, after the cause was fixed (a
 * setting, a template, a bug): a lead's or an administrator's decision, audited per message. The
 * raw bytes were never touched, so the second pass sees exactly what the first did.
 */
public final class QuarantineDesk {

    private final Transactions transactions;
    private final Clock clock;
    private final Runnable wake;

    public QuarantineDesk(Transactions transactions, Clock clock, Runnable wake) {
        this.transactions = transactions;
        this.clock = clock;
        this.wake = wake;
    }

    /** @return how many went back (0 for a viewer who may not, or ids that are not quarantined) */
    public int retry(Viewer viewer, Collection<Long> ids) {
        if (!viewer.seesAllCases() || ids.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        int n = transactions.inTransaction(r -> {
            int done = r.inbound().retryQuarantined(ids, now);
            if (done > 0) {
                for (Long id : ids) {
                    r.audit().record(new AuditEvent(now, viewer.email(), "quarantine-retried", "inbound", id, "sent through the pipeline again"));
                }
            }
            return done;
        });
        if (n > 0) {
            wake.run();
        }
        return n;
    }
}
