package app.frontdesk.application.needs;

import app.frontdesk.application.Transactions;
import app.frontdesk.domain.model.billing.Notice;
import app.frontdesk.domain.model.billing.NoticeDecision;
import app.frontdesk.domain.model.billing.NoticeListing;
import app.frontdesk.domain.model.care.FlaggedAccount;
import app.frontdesk.domain.model.staff.Viewer;
import app.frontdesk.domain.model.supportcase.SupportCase;
import app.frontdesk.domain.model.task.Task;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What waits for one person: their open cases (earliest promise first), the notices held for their
 * approval (longest waiting first), the red flags on the accounts they look after, and the tasks they owe
 * (earliest due first; a lead's also everyone's overdue or escalated ones). All four are read in one
 * transaction on one connection, where the page used to open a transaction for each; every query is
 * narrowed to the viewer by its repository.
 */
public final class NeedsMe {

    /** How a caller shows each kind of row; applied inside the read's transaction. */
    public interface Views<C, N, F, T> {
        C caseRow(SupportCase c);

        N noticeRow(Notice n, String accountName, NoticeDecision latest);

        F flagRow(FlaggedAccount f);

        T taskRow(Task t);
    }

    /** The four lists, each at most the limit asked for. */
    public record Needs<C, N, F, T>(List<C> cases, List<N> notices, List<F> flags, List<T> tasks) {

        public int count() {
            return cases.size() + notices.size() + flags.size() + tasks.size();
        }
    }

    private final Transactions transactions;
    private final Clock clock;

    public NeedsMe(Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    public <C, N, F, T> Needs<C, N, F, T> of(Viewer viewer, int limit, Views<C, N, F, T> views) {
        return transactions.inTransaction(r -> {
            List<C> cases = r.cases().openFor(viewer, limit).stream().map(views::caseRow).toList();
            List<NoticeListing.Listed> held = r.noticeListing().awaitingPerson(viewer, limit);
            Map<Long, NoticeDecision> latest = held.isEmpty() ? Map.of()
                    : r.noticeListing().latestDecisions(held.stream().map(l -> l.notice().id()).toList());
            List<N> notices = held.stream().map(l -> views.noticeRow(l.notice(), l.accountName(), latest.get(l.notice().id()))).toList();
            List<F> flags = r.care().raisedFor(viewer, limit).stream().map(views::flagRow).toList();
            List<T> tasks = r.tasks().dueFor(viewer, clock.instant(), limit).stream().map(views::taskRow).toList();
            return new Needs<>(cases, notices, flags, tasks);
        });
    }

    /** Only the tasks, for the row a "done" answers with. */
    public <T> List<T> tasksOf(Viewer viewer, int limit, Function<Task, T> view) {
        return transactions.inTransaction(r -> r.tasks().dueFor(viewer, clock.instant(), limit).stream().map(view).toList());
    }
}
