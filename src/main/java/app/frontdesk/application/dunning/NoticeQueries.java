package app.frontdesk.application.dunning;

import app.frontdesk.application.Repositories;
import app.frontdesk.application.Transactions;
import app.frontdesk.domain.model.audit.AuditEvent;
import app.frontdesk.domain.model.billing.Notice;
import app.frontdesk.domain.model.billing.NoticeBatch;
import app.frontdesk.domain.model.billing.NoticeDecision;
import app.frontdesk.domain.model.billing.NoticeListing;
import app.frontdesk.domain.model.billing.NoticeState;
import app.frontdesk.domain.model.staff.Viewer;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Submitted notices and notice files, read for billing and the console; views are made inside the read's
 * transaction. The console's reads take the signed-in viewer and are narrowed to what they may see.
 */
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

    /** How the console shows a notice in a list: with its account's name and the gate's latest word on it (null: none yet). */
    @FunctionalInterface
    public interface RowView<T> {
        T of(Notice n, String accountName, NoticeDecision latest);
    }

    /** How the console shows one notice: every decision, oldest first, and what people did with it (the audit log). */
    @FunctionalInterface
    public interface DetailView<T> {
        T of(Notice n, String accountName, List<NoticeDecision> decisions, List<AuditEvent> actions);
    }

    /** One page of a list, and whether another follows (read as one row more than shown: nothing is counted). */
    public record Page<T>(List<T> rows, boolean more) {
    }

    /** The viewer's notices in {@code states}, page {@code page} (from 0) of {@code size}; the narrowing is in the query. */
    public <T> Page<T> pageFor(Viewer viewer, Collection<NoticeState> states, NoticeListing.Order order, int page, int size, RowView<T> view) {
        return transactions.inTransaction(r -> {
            List<NoticeListing.Listed> found = r.noticeListing().page(viewer, states, order, Math.max(0, page) * size, size + 1);
            List<NoticeListing.Listed> shown = found.subList(0, Math.min(size, found.size()));
            return new Page<>(rows(r, shown, view), found.size() > size);
        });
    }

    /** Held notices that wait for a person (no end to the hold) and that the viewer may approve, oldest first. */
    public <T> List<T> awaitingApprovalBy(Viewer viewer, int limit, RowView<T> view) {
        return transactions.inTransaction(r -> rows(r, r.noticeListing().awaitingPerson(viewer, limit), view));
    }

    /** One notice if the viewer may see it; the same empty answer as for one that does not exist. */
    public <T> Optional<T> detailFor(Viewer viewer, long id, DetailView<T> view) {
        return transactions.inTransaction(r -> r.noticeListing().find(viewer, id)
                .map(l -> view.of(l.notice(), l.accountName(), r.billing().decisions(id), r.audit().about("notice", id))));
    }

    private static <T> List<T> rows(Repositories r, List<NoticeListing.Listed> listed, RowView<T> view) {
        Map<Long, NoticeDecision> latest = r.noticeListing().latestDecisions(listed.stream().map(l -> l.notice().id()).toList());
        return listed.stream().map(l -> view.of(l.notice(), l.accountName(), latest.get(l.notice().id()))).toList();
    }
}
