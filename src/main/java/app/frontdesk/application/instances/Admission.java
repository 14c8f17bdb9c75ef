package app.frontdesk.application.instances;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether this instance still takes mail, and how many handovers are under way. On SIGTERM the gateway
 * closes admission: health says DOWN, intake answers 503 (LMTP 421) to anything new, and the stop waits
 * for the handovers in hand to be answered (202 stored, or 503) before the workers stop. A mail server
 * whose connection was dropped instead retries (the pipe exits 75), but an answer is the clean way.
 */
public final class Admission {

    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean open = true;

    /**
     * Enters one handover: true when it may go on (then {@link #leave()} must follow), false when this instance
     * no longer takes mail (answer 503 / 421 at once).
     */
    public boolean enter() {
        inFlight.incrementAndGet();
        if (!open) {
            inFlight.decrementAndGet();
            return false;
        }
        return true;
    }

    public void leave() {
        synchronized (this) {
            if (inFlight.decrementAndGet() == 0) {
                notifyAll();
            }
        }
    }

    public boolean open() {
        return open;
    }

    /** Takes no more mail from now on. */
    public void close() {
        open = false;
    }

    public int inFlight() {
        return inFlight.get();
    }

    /**
     * Waits until every handover in hand has been answered, at most {@code limit}.
     *
     * @return whether none is left
     */
    public boolean awaitIdle(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (this) {
            while (inFlight.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
        return true;
    }
}
