package app.frontdesk.domain.model.billing;

/** submitted -> scheduled (waits for its time) / held (waits for a reason) -> queued (in the outbox) -> sent; or blocked. */
public enum NoticeState {
    SCHEDULED, HELD, QUEUED, SENT, BLOCKED;

    public boolean isFinal() {
        return this == SENT || this == BLOCKED;
    }
}
