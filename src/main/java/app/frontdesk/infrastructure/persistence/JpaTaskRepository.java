package app.frontdesk.infrastructure.persistence;

import app.frontdesk.domain.model.staff.Viewer;
import app.frontdesk.domain.model.task.Task;
import app.frontdesk.domain.model.task.TaskRepository;
import app.frontdesk.domain.model.task.TaskState;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

final class JpaTaskRepository implements TaskRepository {

    private static final LockedPage OVERDUE_PAGE = new LockedPage("task t", "t.id",
            "t.state = 'OPEN' AND t.escalated_at IS NULL AND t.due_at <= ?", "t.due_at, t.id");
    private static final LockedPage ANSWERED_PAGE = new LockedPage("task t", "t.id",
            "t.state = 'OPEN' AND t.kind = 'ANSWER' AND EXISTS (SELECT 1 FROM support_case c WHERE c.id = t.case_id"
                    + " AND c.state IN ('RESOLVED', 'REJECTED'))", "t.id");

    private final EntityManager em;
    private final boolean postgres;

    JpaTaskRepository(EntityManager em, boolean postgres) {
        this.em = em;
        this.postgres = postgres;
    }

    @Override
    public void add(Task task) {
        em.persist(task);
        em.flush(); // the id goes into the mails of this transaction
    }

    @Override
    public Optional<Task> lock(long id) {
        return Optional.ofNullable(em.find(Task.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public List<Task> list(Optional<String> assignee, Optional<TaskState> state, int limit) {
        StringBuilder jpql = new StringBuilder("SELECT t FROM Task t WHERE 1 = 1");
        assignee.ifPresent(a -> jpql.append(" AND t.assignee = :a"));
        state.ifPresent(s -> jpql.append(" AND t.state = :s"));
        jpql.append(" ORDER BY t.dueAt, t.id");
        TypedQuery<Task> q = em.createQuery(jpql.toString(), Task.class);
        assignee.ifPresent(a -> q.setParameter("a", a.strip().toLowerCase(java.util.Locale.ROOT)));
        state.ifPresent(s -> q.setParameter("s", s));
        return q.setMaxResults(limit).getResultList();
    }

    @Override
    public List<Task> dueFor(Viewer viewer, Instant now, int limit) {
        // the row-level rule is in the query: a manager's rows are their own (task_assignee_idx); a lead's
        // also everything overdue or escalated (task_due_idx reads the overdue ones in due order)
        TypedQuery<Task> q = em.createQuery(viewer.seesAllCases()
                ? "SELECT t FROM Task t WHERE t.state = :s AND (t.assignee = :me OR t.dueAt <= :now OR t.escalatedAt IS NOT NULL)"
                + " ORDER BY t.dueAt, t.id"
                : "SELECT t FROM Task t WHERE t.state = :s AND t.assignee = :me ORDER BY t.dueAt, t.id", Task.class);
        q.setParameter("s", TaskState.OPEN).setParameter("me", viewer.managerAddress());
        if (viewer.seesAllCases()) {
            q.setParameter("now", now);
        }
        return q.setMaxResults(limit).getResultList();
    }

    @Override
    public Optional<Task> lockFor(Viewer viewer, long id) {
        if (viewer.seesAllCases()) {
            return lock(id);
        }
        return em.createQuery("SELECT t FROM Task t WHERE t.id = :id AND t.assignee = :me", Task.class)
                .setParameter("id", id).setParameter("me", viewer.managerAddress())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    @Override
    public List<Task> openOfAccount(long accountId) {
        return em.createQuery("SELECT t FROM Task t WHERE t.accountId = :a AND t.state = :s ORDER BY t.dueAt, t.id", Task.class)
                .setParameter("a", accountId).setParameter("s", TaskState.OPEN).getResultList();
    }

    @Override
    public List<Task> openOfCase(long caseId) {
        return em.createQuery("SELECT t FROM Task t WHERE t.caseId = :c AND t.state = :s ORDER BY t.dueAt, t.id", Task.class)
                .setParameter("c", caseId).setParameter("s", TaskState.OPEN).getResultList();
    }

    @Override
    public List<Task> overdue(Instant now, int limit) {
        return OVERDUE_PAGE.claim(em, postgres, Task.class, limit, now.atOffset(ZoneOffset.UTC));
    }

    @Override
    public List<Task> answeredByClosedCase(int limit) {
        return ANSWERED_PAGE.claim(em, postgres, Task.class, limit);
    }
}
