package app.frontdesk.application.health;

/**
 * What waits, read in one statement (one snapshot: the counts add up, unlike five separate counts taken
 * while workers move rows between them, which once showed 2,080 of 2,000 messages).
 *
 * @param oldestWaitingSeconds how long the oldest message waiting for the pipeline has waited (0: none waits)
 * @param oldestOutboxSeconds  how long the oldest mail waiting to be sent has waited (0: none waits)
 */
public record Backlog(long inboundWaiting, long inboundHeld, long inboundQuarantined, long outboxPending, long outboxFailed,
                      long oldestWaitingSeconds, long oldestOutboxSeconds) {

    /** The port that reads it (the database). */
    @FunctionalInterface
    public interface Query {
        Backlog now(java.time.Instant now);
    }
}
