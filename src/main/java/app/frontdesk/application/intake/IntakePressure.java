package app.frontdesk.application.intake;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether a mail server is waiting on intake right now, so that the pipeline can let it go first (ADR 0016). A
 * message is durable once stored, and the mail server holds a connection (or a pipe process) until it is answered;
 * the pipeline's work on it can start a moment later without anyone noticing. On two cores, a pipeline with a
 * backlog took its fair share of the CPU whatever a message cost it, and HTTP intake answered 0.34-0.45x the rate of
 * a no-op request (docs/benchmarks.md). Time here is the JVM's monotonic clock: a pause, not a business date.
 */
public final class IntakePressure {

    /** Between two requests of a busy connection intake is idle for a moment; that is not quiet yet. */
    static final long QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final AtomicInteger storing = new AtomicInteger();
    private volatile long lastSeen = System.nanoTime() - QUIET_NANOS;

    void enter() {
        storing.incrementAndGet();
        lastSeen = System.nanoTime();
    }

    void leave() {
        storing.decrementAndGet();
        lastSeen = System.nanoTime();
    }

    /** A caller is being answered, or was within the last 50 ms. */
    public boolean busy() {
        return storing.get() > 0 || System.nanoTime() - lastSeen < QUIET_NANOS;
    }

    /**
     * Waits while intake is busy, but not past {@code deadlineNanos} ({@link System#nanoTime()}): the pipeline gives way
     * for a bounded time, so a flood that never stops still has its messages processed.
     *
     * @return whether it waited at all
     */
    public boolean giveWayUntil(long deadlineNanos) throws InterruptedException {
        boolean waited = false;
        while (busy() && System.nanoTime() - deadlineNanos < 0) {
            waited = true;
            Thread.sleep(5);
        }
        return waited;
    }
}
