package app.frontdesk.infrastructure.persistence;

import app.frontdesk.domain.model.outbox.OutboundMail;
import app.frontdesk.domain.model.outbox.OutboxRepository;
import app.frontdesk.domain.model.outbox.OutboxState;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

final class JpaOutboxRepository implements OutboxRepository {

    private static final String DUE = "state = 'PENDING' AND next_attempt_at <= ?";
    private static final LockedPage CLAIM_DUE = new LockedPage("outbox", "id", DUE, "id");

    private final EntityManager em;
    private final boolean postgres;

    JpaOutboxRepository(EntityManager em, boolean postgres) {
        this.em = em;
        this.postgres = postgres;
    }

    @Override
    public void add(OutboundMail mail) {
        em.persist(mail);
    }

    @Override
    public List<OutboundMail> claimDue(Instant now, int limit) {
        return CLAIM_DUE.claim(em, postgres, OutboundMail.class, limit, now.atOffset(ZoneOffset.UTC));
    }

    @Override
    public long countInState(OutboxState state) {
        return em.createNamedQuery("OutboundMail.countInState", Long.class).setParameter("state", state).getSingleResult();
    }

    @Override
    public int retryNow(Instant now) {
        // only what waited for want of a connection: a mail the relay answered with a 4xx (greylisting) keeps its backoff
        return em.createQuery("UPDATE OutboundMail o SET o.nextAttemptAt = :now WHERE o.state = :pending AND o.attempts > 0"
                        + " AND o.relayAway = TRUE AND o.nextAttemptAt > :now")
                .setParameter("now", now).setParameter("pending", OutboxState.PENDING).executeUpdate();
    }

    @Override
    public List<OutboundMail> causedBy(long inboundId) {
        return em.createNamedQuery("OutboundMail.findByInbound", OutboundMail.class)
                .setParameter("inboundId", inboundId).getResultList();
    }

    @Override
    public List<OutboundMail> ofCase(long caseId) {
        return em.createNamedQuery("OutboundMail.findByCase", OutboundMail.class).setParameter("caseId", caseId).getResultList();
    }

    @Override
    public java.util.Optional<OutboundMail> byId(long id) {
        return java.util.Optional.ofNullable(em.find(OutboundMail.class, id));
    }
}
