package app.frontdesk.domain.model.audit;

import java.util.List;

/** The append-only audit log. */
public interface AuditLog {

    void record(AuditEvent event);

    List<AuditEvent> about(String subjectType, long subjectId);

    /** The latest events about a subject, newest first, at most {@code limit}. */
    List<AuditEvent> latestAbout(String subjectType, long subjectId, int limit);
}
