package app.frontdesk.application.intake;

import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * One turn of a pipeline worker that lets mail servers go first (ADR 0016): while intake is answering, the turn
 * waits, for at most the give-way time after this worker's last batch that found work, and then processes what is
 * due. The first message of a burst is processed at once (no batch before it); a flood that never ends still has a
 * batch taken every give-way period.
 */
public final class PipelineTurn {

    private final IntakePressure pressure;
    private final long giveWayNanos;
    private final IntSupplier process;
    private long lastBatch;

    /**
     * @param giveWayMillis at most this long after the last batch (0: never wait)
     * @param process       processes what is due and says how many messages it took
     */
    public PipelineTurn(IntakePressure pressure, long giveWayMillis, IntSupplier process) {
        this.pressure = pressure;
        this.giveWayNanos = TimeUnit.MILLISECONDS.toNanos(giveWayMillis);
        this.process = process;
        this.lastBatch = System.nanoTime() - giveWayNanos;
    }

    /** One turn (one worker thread calls it): how many messages were processed. */
    public int run() throws InterruptedException {
        pressure.giveWayUntil(lastBatch + giveWayNanos);
        int n = process.getAsInt();
        if (n > 0) {
            lastBatch = System.nanoTime();
        }
        return n;
    }
}
