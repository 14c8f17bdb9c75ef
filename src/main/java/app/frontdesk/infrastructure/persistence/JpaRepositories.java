package app.frontdesk.infrastructure.persistence;

import app.frontdesk.application.Repositories;
import app.frontdesk.domain.model.account.AccountRepository;
import app.frontdesk.domain.model.audit.AuditLog;
import app.frontdesk.domain.model.inbound.InboundRepository;
import app.frontdesk.domain.model.outbox.OutboxRepository;
import jakarta.persistence.EntityManager;

/** The JPA repositories bound to one EntityManager, hence to one transaction. */
final class JpaRepositories implements Repositories {

    private final EntityManager em;

    JpaRepositories(EntityManager em) {
        this.em = em;
    }

    @Override
    public AccountRepository accounts() {
        return new JpaAccountRepository(em);
    }

    @Override
    public InboundRepository inbound() {
        return new JpaInboundRepository(em);
    }

    @Override
    public OutboxRepository outbox() {
        return new JpaOutboxRepository(em);
    }

    @Override
    public AuditLog audit() {
        return new JpaAuditLog(em);
    }
}
