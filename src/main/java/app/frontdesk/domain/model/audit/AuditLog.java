package app.frontdesk.domain.model.audit;

import java.util.List;

/** The append-only audit log. */
public interface AuditLog {

    void record(AuditEvent event);

    List<AuditEvent> about(String subjectType, long subjectId);

    /** The newest events before {@code beforeId} (all when null), newest first, at most {@code limit}. */
    List<AuditEvent> recent(Long beforeId, int limit);

    /** The latest events about a subject, newest first, at most {@code limit}. */
    List<AuditEvent> latestAbout(String subjectType, long subjectId, int limit);
}
