package app.frontdesk.infrastructure.persistence;

import app.frontdesk.domain.model.audit.AuditEvent;
import app.frontdesk.domain.model.audit.AuditLog;
import jakarta.persistence.EntityManager;
import java.util.List;

final class JpaAuditLog implements AuditLog {

    private final EntityManager em;

    JpaAuditLog(EntityManager em) {
        this.em = em;
    }

    @Override
    public void record(AuditEvent event) {
        em.persist(event);
    }

    @Override
    public List<AuditEvent> about(String subjectType, long subjectId) {
        return em.createNamedQuery("AuditEvent.forSubject", AuditEvent.class)
                .setParameter("type", subjectType).setParameter("id", subjectId).getResultList();
    }

    @Override
    public List<AuditEvent> recent(Long beforeId, int limit) {
        var q = beforeId == null
                ? em.createQuery("SELECT e FROM AuditEvent e ORDER BY e.id DESC", AuditEvent.class)
                : em.createQuery("SELECT e FROM AuditEvent e WHERE e.id < :before ORDER BY e.id DESC", AuditEvent.class).setParameter("before", beforeId);
        return q.setMaxResults(limit).getResultList();
    }

    @Override
    public List<AuditEvent> latestAbout(String subjectType, long subjectId, int limit) {
        return em.createQuery("SELECT e FROM AuditEvent e WHERE e.subjectType = :type AND e.subjectId = :id ORDER BY e.id DESC", AuditEvent.class)
                .setParameter("type", subjectType).setParameter("id", subjectId).setMaxResults(limit).getResultList();
    }
}
