package app.frontdesk.domain.model.inbound;

/** Where a received message stands. Only {@link #RECEIVED} is waiting for the pipeline. */
public enum InboundState {
    /** Stored as received; the pipeline has not finished with it yet (or will retry it). */
    RECEIVED,
    /** A route was taken: forwarded, or recorded as automatic mail. */
    ROUTED,
    /** Kept for a person or a later step (unknown sender); never dropped. */
    HELD,
    /** Could not be processed; kept with the reason, and an administrator was alerted. */
    QUARANTINED
}
