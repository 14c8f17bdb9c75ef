package app.frontdesk.domain.model.audit;

import java.util.List;

/** The append-only audit log. */
public interface AuditLog {

    void record(AuditEvent event);

    List<AuditEvent> about(String subjectType, long subjectId);
}
