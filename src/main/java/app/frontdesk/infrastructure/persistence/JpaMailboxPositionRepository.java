package app.frontdesk.infrastructure.persistence;

import app.frontdesk.domain.model.inbound.MailboxPosition;
import app.frontdesk.domain.model.inbound.MailboxPositionRepository;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.Optional;

final class JpaMailboxPositionRepository implements MailboxPositionRepository {

    private final EntityManager em;

    JpaMailboxPositionRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<MailboxPosition> lock(String mailbox) {
        return Optional.ofNullable(em.find(MailboxPosition.class, mailbox, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public void add(MailboxPosition position) {
        em.persist(position);
    }
}
