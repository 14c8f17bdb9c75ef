package app.frontdesk.infrastructure.persistence;

import app.frontdesk.domain.model.care.AccountFlag;
import app.frontdesk.domain.model.care.CareRepository;
import app.frontdesk.domain.model.care.Experience;
import app.frontdesk.domain.model.care.FlaggedAccount;
import app.frontdesk.domain.model.staff.Viewer;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

final class JpaCareRepository implements CareRepository {

    private final EntityManager em;

    JpaCareRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(Experience experience) {
        em.persist(experience);
    }

    @Override
    public List<Experience> experiences(long accountId, Instant since) {
        return em.createQuery("SELECT e FROM Experience e WHERE e.accountId = :a AND e.occurredAt >= :since ORDER BY e.occurredAt, e.id",
                Experience.class).setParameter("a", accountId).setParameter("since", since).getResultList();
    }

    @Override
    public Optional<AccountFlag> lockFlag(long accountId) {
        return Optional.ofNullable(em.find(AccountFlag.class, accountId, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public void add(AccountFlag flag) {
        em.persist(flag);
    }

    @Override
    public List<FlaggedAccount> raisedFor(Viewer viewer, int limit) {
        var q = em.createQuery("SELECT NEW app.frontdesk.domain.model.care.FlaggedAccount(f.accountId, a.name, f.raisedAt, f.headAlerted)"
                + " FROM AccountFlag f, Account a WHERE a.id = f.accountId AND f.raised = TRUE"
                + (viewer.seesAllCases() ? "" : " AND a.manager.address = :me") + " ORDER BY f.raisedAt, f.accountId", FlaggedAccount.class);
        if (!viewer.seesAllCases()) {
            q.setParameter("me", viewer.managerAddress());
        }
        return q.setMaxResults(limit).getResultList();
    }

    @Override
    public Set<Long> flagged(Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery("SELECT f.accountId FROM AccountFlag f WHERE f.raised = TRUE AND f.accountId IN :a", Long.class)
                .setParameter("a", List.copyOf(accountIds)).getResultList());
    }
}
