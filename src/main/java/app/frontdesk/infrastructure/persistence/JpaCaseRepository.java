package app.frontdesk.infrastructure.persistence;

import app.frontdesk.domain.model.supportcase.ActionLink;
import app.frontdesk.domain.model.supportcase.CaseRepository;
import app.frontdesk.domain.model.supportcase.CaseState;
import app.frontdesk.domain.model.supportcase.SenderThrottle;
import app.frontdesk.domain.model.supportcase.SupportCase;
import app.frontdesk.domain.model.staff.Viewer;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

final class JpaCaseRepository implements CaseRepository {

    private static final String OPEN = "c.state IN ('OPEN', 'AWAITING_AUTHORIZATION')";
    private static final String EXPIRED = OPEN + " AND c.expires_at <= ?";
    private static final String OVERDUE = OPEN + " AND c.account_id IS NOT NULL AND c.due_at <= ?"
            + " AND NOT EXISTS (SELECT 1 FROM case_event e WHERE e.case_id = c.id AND e.kind = 'deadline-missed')";
    private static final String DIGEST_DUE = "t.kind = 'ALERT' AND t.pending > 0";
    private static final LockedPage EXPIRED_PAGE = new LockedPage("support_case c", "c.id", EXPIRED, "c.id");
    private static final LockedPage OVERDUE_PAGE = new LockedPage("support_case c", "c.id", OVERDUE, "c.id");
    private static final LockedPage DIGESTS_PAGE = new LockedPage("sender_throttle t", "t.sender, t.kind", DIGEST_DUE, "t.last_sent_at");

    private final EntityManager em;
    private final boolean postgres;

    JpaCaseRepository(EntityManager em, boolean postgres) {
        this.em = em;
        this.postgres = postgres;
    }

    @Override
    public void add(SupportCase supportCase) {
        em.persist(supportCase);
        em.flush(); // written now, so that openCaseOf (which does not flush) finds it for the sender's next message
        em.flush(); // the id is the reference the mails of this transaction quote
    }

    @Override
    public Optional<SupportCase> find(long id) {
        return Optional.ofNullable(em.find(SupportCase.class, id));
    }

    @Override
    public Optional<SupportCase> lock(long id) {
        return Optional.ofNullable(em.find(SupportCase.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public Optional<SupportCase> lastClosedCaseOf(String sender) {
        return em.createQuery("SELECT c FROM SupportCase c WHERE c.sender = :sender AND c.state IN :closed ORDER BY c.id DESC", SupportCase.class)
                .setParameter("sender", sender)
                .setParameter("closed", List.of(CaseState.RESOLVED, CaseState.REJECTED, CaseState.EXPIRED))
                .setMaxResults(1).getResultStream().findFirst();
    }

    @Override
    public Optional<SupportCase> openCaseOf(String sender) {
        // Locked by a native query: a JPQL query with a pessimistic lock refreshes the case and so read its whole
        // timeline, on every message of a sender who keeps writing (CaseEventWriterTest). No row limit: EclipseLink
        // writes FOR UPDATE before LIMIT on H2.
        // No flush before it: a flush compares every entity of the pipeline's batch with its copy, and did so for every
        // message (44 % of the pipeline's CPU with the look-ups below, JFR 2026-11-29). A new case is written when it is
        // added; a case closed in this transaction but not written yet is still found, and its state in memory decides.
        @SuppressWarnings("unchecked")
        List<SupportCase> open = em.createNativeQuery("SELECT * FROM support_case WHERE sender = ? AND " + OPEN.replace("c.", "")
                + " ORDER BY id DESC FOR UPDATE", SupportCase.class).setParameter(1, sender).setFlushMode(FlushModeType.COMMIT)
                .getResultList();
        return open.stream().filter(SupportCase::isOpen).findFirst();
    }

    @Override
    public boolean hasEvent(SupportCase supportCase, String kind) {
        // what this transaction recorded is asked of the case, the table without a flush (see openCaseOf); one row is
        // enough, by the index on (case, kind): a COUNT read every such event, for every message that joined the case
        return supportCase.recordedHere(kind)
                || !em.createQuery("SELECT e.id FROM CaseEvent e WHERE e.supportCase = :c AND e.kind = :kind", Long.class)
                .setParameter("c", supportCase).setParameter("kind", kind).setFlushMode(FlushModeType.COMMIT).setMaxResults(1)
                .getResultList().isEmpty();
    }

    @Override
    public List<SupportCase> openCasesOf(long accountId) {
        return em.createQuery("SELECT c FROM SupportCase c WHERE c.accountId = :account AND c.state IN :open ORDER BY c.id",
                        SupportCase.class)
                .setParameter("account", accountId)
                .setParameter("open", List.of(CaseState.OPEN, CaseState.AWAITING_AUTHORIZATION))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    @Override
    public List<SupportCase> list(Optional<CaseState> state, int limit) {
        var q = state.isPresent()
                ? em.createQuery("SELECT c FROM SupportCase c WHERE c.state = :state ORDER BY c.id DESC", SupportCase.class)
                        .setParameter("state", state.get())
                : em.createQuery("SELECT c FROM SupportCase c ORDER BY c.id DESC", SupportCase.class);
        return q.setMaxResults(limit).getResultList();
    }

    @Override
    public List<SupportCase> openFor(Viewer viewer, int limit) {
        var q = em.createQuery("SELECT c FROM SupportCase c WHERE c.state IN :open" + visibleTo(viewer) + " ORDER BY c.dueAt, c.id",
                SupportCase.class).setParameter("open", List.of(CaseState.OPEN, CaseState.AWAITING_AUTHORIZATION));
        if (!viewer.seesAllCases()) {
            q.setParameter("manager", viewer.managerAddress());
        }
        return q.setMaxResults(limit).getResultList();
    }

    @Override
    public Optional<SupportCase> findFor(Viewer viewer, long id) {
        var q = em.createQuery("SELECT c FROM SupportCase c WHERE c.id = :id" + visibleTo(viewer), SupportCase.class).setParameter("id", id);
        if (!viewer.seesAllCases()) {
            q.setParameter("manager", viewer.managerAddress());
        }
        return q.getResultStream().findFirst();
    }

    /**
     * The row-level rule, in the query: a manager sees the cases of the accounts whose manager has their
     * address, and the cases a lead handed to them.
     */
    private static String visibleTo(Viewer viewer) {
        return viewer.seesAllCases() ? ""
                : " AND (c.assignee = :manager OR c.accountId IN (SELECT a.id FROM Account a WHERE a.manager.address = :manager))";
    }

    @Override
    public List<SupportCase> expiredBy(Instant now, int limit) {
        return EXPIRED_PAGE.claim(em, postgres, SupportCase.class, limit, now.atOffset(java.time.ZoneOffset.UTC));
    }

    @Override
    public List<SupportCase> overdue(Instant now, int limit) {
        return OVERDUE_PAGE.claim(em, postgres, SupportCase.class, limit, now.atOffset(java.time.ZoneOffset.UTC));
    }

    @Override
    public void add(ActionLink link) {
        em.persist(link);
        em.flush(); // the id goes into the signed URL
    }

    @Override
    public Optional<ActionLink> lockLink(long id) {
        return Optional.ofNullable(em.find(ActionLink.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public List<ActionLink> links(long caseId) {
        return em.createQuery("SELECT l FROM ActionLink l WHERE l.caseId = :caseId ORDER BY l.id", ActionLink.class)
                .setParameter("caseId", caseId).getResultList();
    }

    @Override
    public Optional<SenderThrottle> lockThrottle(String sender, SenderThrottle.Kind kind) {
        return Optional.ofNullable(em.find(SenderThrottle.class, new SenderThrottle.Key(sender, kind), LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public void add(SenderThrottle throttle) {
        em.persist(throttle);
    }

    /**
     * Plain SQL on the transaction's connection: a failed insert through JPA marks the whole transaction for rollback.
     * PostgreSQL skips the conflicting row itself (ON CONFLICT waits for an insert in flight, then does nothing); on H2
     * the duplicate key is caught, as H2 undoes the failed statement alone and the transaction goes on.
     */
    @Override
    public boolean addThrottleIfAbsent(SenderThrottle throttle) {
        String sql = "INSERT INTO sender_throttle (sender, kind, last_sent_at, pending, case_id) VALUES (?, ?, ?, ?, ?)"
                + (postgres ? " ON CONFLICT (sender, kind) DO NOTHING" : "");
        try (PreparedStatement insert = em.unwrap(Connection.class).prepareStatement(sql)) {
            insert.setString(1, throttle.sender());
            insert.setString(2, throttle.kind().name());
            insert.setObject(3, throttle.lastSentAt().atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
            insert.setInt(4, throttle.pending());
            insert.setObject(5, throttle.caseId(), Types.BIGINT);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            if (!postgres && "23505".equals(e.getSQLState())) {
                return false; // another transaction inserted it first: its row decides
            }
            throw new PersistenceException("could not insert the throttle row of " + throttle.sender() + " (" + throttle.kind() + ")", e);
        }
    }

    @Override
    public List<SenderThrottle> pendingDigests(int limit) {
        return DIGESTS_PAGE.claim(em, postgres, SenderThrottle.class, limit);
    }
}
