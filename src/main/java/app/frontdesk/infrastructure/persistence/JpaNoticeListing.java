package app.frontdesk.infrastructure.persistence;

import app.frontdesk.domain.model.billing.Notice;
import app.frontdesk.domain.model.billing.NoticeDecision;
import app.frontdesk.domain.model.billing.NoticeListing;
import app.frontdesk.domain.model.billing.NoticeState;
import app.frontdesk.domain.model.staff.Viewer;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The console's reads of notices. Every query joins the account (its name is shown) and, for a viewer
 * who sees only their own accounts, narrows on the account's manager in the same statement; a page is
 * a LIMIT/OFFSET read on an index of (state, id) or (state, planned_at), never the whole table.
 */
final class JpaNoticeListing implements NoticeListing {

    private static final String LISTED = "SELECT n, a.name FROM Notice n, Account a WHERE a.id = n.accountId";

    private final EntityManager em;

    JpaNoticeListing(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<Listed> page(Viewer viewer, Collection<NoticeState> states, Order order, int offset, int limit) {
        String sort = order == Order.SOONEST ? " ORDER BY n.plannedAt, n.id" : " ORDER BY n.id DESC";
        var q = narrowed(viewer, em.createQuery(LISTED + " AND n.state IN :states" + visibleTo(viewer) + sort, Object[].class))
                .setParameter("states", List.copyOf(states));
        return listed(q.setFirstResult(Math.max(0, offset)).setMaxResults(limit));
    }

    @Override
    public Optional<Listed> find(Viewer viewer, long id) {
        var q = narrowed(viewer, em.createQuery(LISTED + " AND n.id = :id" + visibleTo(viewer), Object[].class)).setParameter("id", id);
        return listed(q).stream().findFirst();
    }

    @Override
    public Optional<Long> accountOf(Viewer viewer, long id) {
        var q = narrowed(viewer, em.createQuery("SELECT a.id FROM Notice n, Account a WHERE a.id = n.accountId AND n.id = :id"
                + visibleTo(viewer), Long.class)).setParameter("id", id);
        return q.getResultStream().findFirst();
    }

    @Override
    public List<Listed> awaitingPerson(Viewer viewer, int limit) {
        var q = narrowed(viewer, em.createQuery(LISTED + " AND n.state = :held AND n.holdUntil IS NULL" + visibleTo(viewer)
                + " ORDER BY n.id", Object[].class)).setParameter("held", NoticeState.HELD);
        return listed(q.setMaxResults(limit));
    }

    @Override
    public Map<Long, NoticeDecision> latestDecisions(Collection<Long> noticeIds) {
        Map<Long, NoticeDecision> latest = new HashMap<>();
        if (!noticeIds.isEmpty()) {
            em.createQuery("SELECT d FROM NoticeDecision d WHERE d.id IN (SELECT MAX(x.id) FROM NoticeDecision x"
                            + " WHERE x.noticeId IN :ids GROUP BY x.noticeId)", NoticeDecision.class)
                    .setParameter("ids", List.copyOf(noticeIds)).getResultList().forEach(d -> latest.put(d.noticeId(), d));
        }
        return latest;
    }

    /** The row-level rule, in the query: who does not see every account's billing sees the accounts they manage. */
    private static String visibleTo(Viewer viewer) {
        return viewer.seesAllBilling() ? "" : " AND a.manager.address = :manager";
    }

    private static <T> TypedQuery<T> narrowed(Viewer viewer, TypedQuery<T> q) {
        return viewer.seesAllBilling() ? q : q.setParameter("manager", viewer.managerAddress());
    }

    private static List<Listed> listed(TypedQuery<Object[]> q) {
        return q.getResultList().stream().map(r -> new Listed((Notice) r[0], (String) r[1])).toList();
    }
}
