package app.frontdesk.infrastructure.persistence;

import app.frontdesk.domain.model.inbound.InboundMessage;
import app.frontdesk.domain.model.inbound.InboundRepository;
import app.frontdesk.domain.model.inbound.InboundState;
import app.frontdesk.domain.model.inbound.RawMessage;
import app.frontdesk.domain.model.inbound.Route;
import app.frontdesk.domain.model.staff.Viewer;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

final class JpaInboundRepository implements InboundRepository {

    private static final String DUE = "state = 'RECEIVED' AND next_attempt_at <= ?";
    private static final LockedPage CLAIM_DUE = new LockedPage("inbound_message", "id", DUE, "id");
    private static final LockedPage CLAIM_DUE_OF_SLOT = new LockedPage("inbound_message", "id", DUE + " AND MOD(sender_key, ?) = ?", "id");

    private final EntityManager em;
    private final boolean postgres;

    JpaInboundRepository(EntityManager em, boolean postgres) {
        this.em = em;
        this.postgres = postgres;
    }

    @Override
    public void store(InboundMessage message, byte[] raw) {
        em.persist(message);
        em.persist(new RawMessage(message.id(), raw));
        // Flush now so that a second copy of the same message fails here, inside the caller's work.
        em.flush();
    }

    @Override
    public Optional<InboundMessage> find(long id) {
        return Optional.ofNullable(em.find(InboundMessage.class, id));
    }

    @Override
    public Optional<InboundMessage> findBySha256(String sha256) {
        return em.createNamedQuery("InboundMessage.findBySha256", InboundMessage.class)
                .setParameter("sha256", sha256).getResultStream().findFirst();
    }

    @Override
    public byte[] rawBytes(long id) {
        RawMessage raw = em.find(RawMessage.class, id);
        if (raw == null) {
            throw new IllegalStateException("no raw bytes stored for inbound message " + id);
        }
        return raw.bytes();
    }

    @Override
    public Map<Long, byte[]> rawBytes(List<Long> ids) {
        Map<Long, byte[]> result = new HashMap<>();
        if (!ids.isEmpty()) {
            // Columns, not entities: a managed RawMessage would be compared byte by byte with its backup copy
            // at every flush of the batch's transaction (before each query), 100 x 4 KB each time.
            em.createQuery("SELECT r.inboundId, r.raw FROM RawMessage r WHERE r.inboundId IN :ids", Object[].class)
                    .setParameter("ids", ids).getResultList().forEach(r -> result.put(((Number) r[0]).longValue(), (byte[]) r[1]));
        }
        return result;
    }

    @Override
    public long countInState(InboundState state) {
        return em.createNamedQuery("InboundMessage.countInState", Long.class).setParameter("state", state).getSingleResult();
    }

    @Override
    public long countHeldOn(Route route) {
        return em.createQuery("SELECT COUNT(m) FROM InboundMessage m WHERE m.state = :state AND m.route = :route", Long.class)
                .setParameter("state", InboundState.HELD).setParameter("route", route).getSingleResult();
    }

    @Override
    public int decideAgain(Route route, Instant now) {
        return em.createQuery("UPDATE InboundMessage m SET m.state = :waiting, m.route = NULL, m.reason = NULL, m.processedAt = NULL,"
                        + " m.attempts = 0, m.nextAttemptAt = :now WHERE m.state = :held AND m.route = :route")
                .setParameter("waiting", InboundState.RECEIVED).setParameter("now", now).setParameter("held", InboundState.HELD)
                .setParameter("route", route).executeUpdate();
    }

    @Override
    public List<InboundMessage> waitingForPeople(Viewer viewer, Optional<InboundState> state, int limit) {
        var q = em.createQuery("SELECT m FROM InboundMessage m WHERE m.state IN :states"
                        + (viewer.seesAllCases() ? "" : " AND m.accountId IN (SELECT a.id FROM Account a WHERE a.manager.address = :manager)")
                        + " ORDER BY m.id DESC", InboundMessage.class)
                .setParameter("states", state.map(List::of).orElse(List.of(InboundState.HELD, InboundState.QUARANTINED)));
        if (!viewer.seesAllCases()) {
            q.setParameter("manager", viewer.managerAddress());
        }
        return q.setMaxResults(limit).getResultList();
    }

    @Override
    public int retryQuarantined(java.util.Collection<Long> ids, Instant now) {
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createQuery("UPDATE InboundMessage m SET m.state = :waiting, m.route = NULL, m.reason = NULL, m.processedAt = NULL,"
                        + " m.attempts = 0, m.nextAttemptAt = :now WHERE m.state = :quarantined AND m.id IN :ids")
                .setParameter("waiting", InboundState.RECEIVED).setParameter("now", now)
                .setParameter("quarantined", InboundState.QUARANTINED).setParameter("ids", List.copyOf(ids)).executeUpdate();
    }

    @Override
    public List<InboundMessage> heldInCase(long caseId) {
        return em.createNamedQuery("InboundMessage.heldInCase", InboundMessage.class).setParameter("caseId", caseId)
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    @Override
    public List<InboundMessage> ofAccountSince(long accountId, Instant since, int limit) {
        return em.createQuery("SELECT m FROM InboundMessage m WHERE m.accountId = :a AND m.receivedAt >= :since ORDER BY m.id DESC",
                InboundMessage.class).setParameter("a", accountId).setParameter("since", since).setMaxResults(limit).getResultList();
    }

    @Override
    public List<InboundMessage> inCase(long caseId) {
        return em.createNamedQuery("InboundMessage.inCase", InboundMessage.class).setParameter("caseId", caseId).getResultList();
    }

    @Override
    public List<InboundMessage> lockAttempted(List<Long> ids) {
        return em.createQuery("SELECT m FROM InboundMessage m WHERE m.id IN :ids AND m.state = "
                        + "app.frontdesk.domain.model.inbound.InboundState.RECEIVED ORDER BY m.id", InboundMessage.class)
                .setParameter("ids", ids).setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    @Override
    public Optional<Instant> oldestWaiting() {
        // the attribute, not MIN(): an aggregate comes back as the column's type, past the Instant converter
        return em.createQuery("SELECT m.receivedAt FROM InboundMessage m WHERE m.state = "
                + "app.frontdesk.domain.model.inbound.InboundState.RECEIVED ORDER BY m.id", Instant.class)
                .setMaxResults(1).getResultStream().findFirst();
    }

    @Override
    public List<InboundMessage> claimDue(Instant now, int limit) {
        return CLAIM_DUE.claim(em, postgres, InboundMessage.class, limit, now.atOffset(ZoneOffset.UTC));
    }

    @Override
    public List<InboundMessage> claimDue(Instant now, int limit, int slot, int slots) {
        return CLAIM_DUE_OF_SLOT.claim(em, postgres, InboundMessage.class, limit, now.atOffset(ZoneOffset.UTC), slots, slot);
    }
}
