package app.frontdesk.application.health;

import java.time.Clock;
import java.util.Optional;

/**
 * The backlog as readiness and /metrics read it. A scrape asks for six gauges and a load balancer polls
 * readiness, each of which would be one query; so a snapshot younger than a second is answered again, and the
 * database is asked at most once a second however often it is asked.
 */
public final class BacklogReads {

    private static final long FRESH_NANOS = 1_000_000_000L;

    private final Backlog.Query query;
    private final Clock clock;
    /** The last snapshot and when it was read (nanoTime: how old it is, not what time it is). */
    private volatile Stamped last;

    private record Stamped(Backlog backlog, long readAt) {
    }

    public BacklogReads(Backlog.Query query, Clock clock) {
        this.query = query;
        this.clock = clock;
    }

    /** A new snapshot from the database (the ages against the injected clock); throws when the database does not answer. */
    public Backlog now() {
        Backlog b = query.now(clock.instant());
        last = new Stamped(b, System.nanoTime());
        return b;
    }

    /** The snapshot of the last second, or a new one; empty while the database does not answer. */
    public Optional<Backlog> recent() {
        Stamped s = last;
        if (s != null && System.nanoTime() - s.readAt() < FRESH_NANOS) {
            return Optional.of(s.backlog());
        }
        try {
            return Optional.of(now());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
