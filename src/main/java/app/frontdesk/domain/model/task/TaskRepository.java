package app.frontdesk.domain.model.task;

import app.frontdesk.domain.model.staff.Viewer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Tasks; implemented over JPA in infrastructure. */
public interface TaskRepository {

    void add(Task task);

    /** The task, locked for this transaction. */
    Optional<Task> lock(long id);

    /** Tasks by assignee and state (either may be empty: all), earliest due first, at most {@code limit}. */
    List<Task> list(Optional<String> assignee, Optional<TaskState> state, int limit);

    /**
     * The open tasks a person sees on "Needs me", earliest due first: their own; a lead's or an
     * administrator's also every other task that is overdue at {@code now} or was escalated.
     */
    List<Task> dueFor(Viewer viewer, Instant now, int limit);

    /**
     * The open or done task, locked, if {@code viewer} may complete it: a manager their own tasks only, a lead
     * or an administrator any; otherwise the same empty answer as for a task that does not exist.
     */
    Optional<Task> lockFor(Viewer viewer, long id);

    /** The open tasks of an account, earliest due first. */
    List<Task> openOfAccount(long accountId);

    /** The open tasks of a case, earliest due first. */
    List<Task> openOfCase(long caseId);

    /** Open tasks whose due time has passed and that were not escalated yet: locked, skipping rows another worker holds. */
    List<Task> overdue(Instant now, int limit);

    /** Open answer tasks whose case was closed (resolved or rejected): locked, skipping rows another worker holds. */
    List<Task> answeredByClosedCase(int limit);
}
