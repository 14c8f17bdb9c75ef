package app.frontdesk.domain.model.outbox;

/** Where an outgoing mail stands. */
public enum OutboxState {
    /** Waiting to be sent, or to be retried after {@code nextAttemptAt}. */
    PENDING,
    SENT,
    /** Gave up after the last retry; kept with the last error for a person to look at. */
    FAILED,
    /** Not sent on purpose: the check right before sending said no (a dunning notice the customer had paid). */
    CANCELLED
}
