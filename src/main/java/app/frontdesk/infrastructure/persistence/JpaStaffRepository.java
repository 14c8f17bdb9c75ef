package app.frontdesk.infrastructure.persistence;

import app.frontdesk.domain.model.staff.LoginFailure;
import app.frontdesk.domain.model.staff.StaffRepository;
import app.frontdesk.domain.model.staff.StaffUser;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

final class JpaStaffRepository implements StaffRepository {

    private final EntityManager em;

    JpaStaffRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<StaffUser> findByEmail(String email) {
        return em.createQuery("SELECT u FROM StaffUser u WHERE u.email = :email", StaffUser.class)
                .setParameter("email", email.strip().toLowerCase(Locale.ROOT)).getResultStream().findFirst();
    }

    @Override
    public Optional<StaffUser> find(long id) {
        return Optional.ofNullable(em.find(StaffUser.class, id));
    }

    @Override
    public void add(StaffUser user) {
        em.persist(user);
        em.flush();
    }

    @Override
    public List<StaffUser> list(int limit) {
        return em.createQuery("SELECT u FROM StaffUser u ORDER BY u.email", StaffUser.class).setMaxResults(limit).getResultList();
    }

    @Override
    public long count() {
        return em.createQuery("SELECT COUNT(u) FROM StaffUser u", Long.class).getSingleResult();
    }

    @Override
    public void add(LoginFailure failure) {
        em.persist(failure);
    }

    @Override
    public List<Instant> loginFailures(LoginFailure.Kind kind, String key, Instant after, int limit) {
        return em.createQuery("SELECT f.failedAt FROM LoginFailure f WHERE f.kind = :kind AND f.key = :key AND f.failedAt > :after"
                        + " ORDER BY f.failedAt DESC", Instant.class)
                .setParameter("kind", kind).setParameter("key", LoginFailure.key(key)).setParameter("after", after)
                .setMaxResults(limit).getResultList();
    }

    @Override
    public int forgetLoginFailures(LoginFailure.Kind kind, String key) {
        return em.createQuery("DELETE FROM LoginFailure f WHERE f.kind = :kind AND f.key = :key")
                .setParameter("kind", kind).setParameter("key", LoginFailure.key(key)).executeUpdate();
    }

    @Override
    public int pruneLoginFailures(Instant before) {
        return em.createQuery("DELETE FROM LoginFailure f WHERE f.failedAt <= :before").setParameter("before", before).executeUpdate();
    }
}
