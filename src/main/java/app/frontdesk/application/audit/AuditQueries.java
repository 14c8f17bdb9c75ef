package app.frontdesk.application.audit;

import app.frontdesk.application.Transactions;
import app.frontdesk.domain.model.audit.AuditEvent;
import app.frontdesk.domain.model.staff.Viewer;
import java.util.List;
import java.util.function.Function;

/** The audit log for support leads and administrators, newest first, a page at a time; nobody else reads it. */
public final class AuditQueries {

    public static final int PAGE = 100;

    private final Transactions transactions;

    public AuditQueries(Transactions transactions) {
        this.transactions = transactions;
    }

    /** Empty for a viewer who may not read the log: the page then does not exist for them. */
    public <T> java.util.Optional<List<T>> recent(Viewer viewer, Long beforeId, Function<AuditEvent, T> view) {
        if (!viewer.seesAllCases()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(transactions.inTransaction(r -> r.audit().recent(beforeId, PAGE).stream().map(view).toList()));
    }
}
