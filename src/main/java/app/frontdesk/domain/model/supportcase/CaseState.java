package app.frontdesk.domain.model.supportcase;

/** open -> awaiting authorization -> resolved / rejected / expired. */
public enum CaseState {
    OPEN, AWAITING_AUTHORIZATION, RESOLVED, REJECTED, EXPIRED;

    public boolean isClosed() {
        return this == RESOLVED || this == REJECTED || this == EXPIRED;
    }
}
