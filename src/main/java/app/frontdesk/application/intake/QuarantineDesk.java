package app.frontdesk.application.intake;

import app.frontdesk.application.Transactions;
import app.frontdesk.domain.model.audit.AuditEvent;
import app.frontdesk.domain.model.inbound.InboundState;
import app.frontdesk.domain.model.staff.Viewer;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * A person sends held or quarantined messages through the pipeline again: quarantined ones after the cause was fixed
 * (a setting, a template, a bug); held ones to be decided again after what held them changed (the sender was added as
 * a contact on the account's page, a setting was fixed): a sender who is now an authorized contact reaches the
 * helpdesk, one who is still unknown joins their open case again. A lead's or an administrator's decision, audited
 * per message that went. The raw bytes were never touched, so the second pass sees exactly what the first did.
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
        return sendBack(viewer, ids, InboundState.QUARANTINED, "quarantine-retried");
    }

    /** @return how many held messages went back to be decided again (0 for a viewer who may not, or ids that are not held) */
    public int decideAgain(Viewer viewer, Collection<Long> ids) {
        return sendBack(viewer, ids, InboundState.HELD, "held-decided-again");
    }

    private int sendBack(Viewer viewer, Collection<Long> ids, InboundState from, String action) {
        if (!viewer.seesAllCases() || ids.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        List<Long> went = transactions.inTransaction(r -> {
            List<Long> back = r.inbound().sendBack(viewer, ids, from, now);
            for (Long id : back) {
                r.audit().record(new AuditEvent(now, viewer.email(), action, "inbound", id, "sent through the pipeline again"));
            }
            return back;
        });
        if (!went.isEmpty()) {
            wake.run();
        }
        return went.size();
    }
}
