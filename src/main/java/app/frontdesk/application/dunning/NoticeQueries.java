package app.frontdesk.application.dunning;

import app.frontdesk.application.Transactions;
import app.frontdesk.domain.model.billing.Notice;
import app.frontdesk.domain.model.billing.NoticeBatch;
import app.frontdesk.domain.model.billing.NoticeDecision;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Submitted notices and notice files, read for billing and the console; views are made inside the read's transaction. */
public final class NoticeQueries {

    private final Transactions transactions;

    public NoticeQueries(Transactions transactions) {
        this.transactions = transactions;
    }

    /** Notices in {@code states}, oldest first: what waits for a person or for time (HELD), what is queued. */
    public <T> List<T> list(java.util.Collection<app.frontdesk.domain.model.billing.NoticeState> states, int limit,
                            Function<Notice, T> view) {
        return transactions.inTransaction(r -> r.billing().notices(states, limit).stream().map(view).toList());
    }

    /** A notice with every decision taken on it, oldest first. */
    public <T> Optional<T> notice(long id, BiFunction<Notice, List<NoticeDecision>, T> view) {
        return transactions.inTransaction(r -> r.billing().notice(id).map(n -> view.apply(n, r.billing().decisions(id))));
    }

    public <T> Optional<T> batch(long id, Function<NoticeBatch, T> view) {
        return transactions.inTransaction(r -> r.billing().batch(id).map(view));
    }

    /** The decisions of a notice file in row order; empty when there is no such file. */
    public Optional<List<NoticeDecision>> batchDecisions(long id) {
        return transactions.inTransaction(r -> r.billing().batch(id).map(b -> r.billing().batchDecisions(id)));
    }
}
