package app.frontdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkerPoolTest {

    /** A worker whose first batch throws {@code error}; {@code calls} counts its batches. */
    private static Worker failingOnce(Error error, AtomicInteger calls) {
        return new Worker("pipeline-0", () -> {
            if (calls.incrementAndGet() == 1) {
                throw error;
            }
            return 0;
        }, Duration.ofMillis(10), Duration.ZERO);
    }

    @Test
    void aWorkerWhoseThreadDiedIsStartedAgainAndCountedUntilThen() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Worker dies = failingOnce(new OutOfMemoryError("simulated: no step can catch this"), calls);
        Worker lives = new Worker("pipeline-1", () -> 0, Duration.ofMillis(10), Duration.ZERO);
        WorkerPool pool = new WorkerPool(Executors.defaultThreadFactory());
        pool.start(dies);
        pool.start(lives);
        for (int i = 0; i < 200 && pool.alive("pipeline-") == 2; i++) {
            Thread.sleep(10);
        }
        assertEquals(1, pool.alive("pipeline-"), "the thread that met the error has ended");
        assertEquals(1, pool.supervise());
        assertEquals(2, pool.alive("pipeline-"));
        for (int i = 0; i < 200 && calls.get() < 3; i++) {
            Thread.sleep(10);
        }
        assertTrue(calls.get() >= 3, "the worker works again on its new thread");
        assertEquals(1, pool.replaced());
        pool.stop();
        for (int i = 0; i < 200 && pool.alive("pipeline-") > 0; i++) {
            Thread.sleep(10);
        }
        assertEquals(0, pool.supervise(), "a stopped worker is not started again");
    }

    @Test
    void aStackOverflowIsSurvivedByTheWorkerItself() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Worker w = failingOnce(new StackOverflowError("simulated"), calls);
        WorkerPool pool = new WorkerPool(Executors.defaultThreadFactory());
        pool.start(w);
        for (int i = 0; i < 300 && calls.get() < 2; i++) {
            Thread.sleep(10);
        }
        assertTrue(calls.get() >= 2);
        assertEquals(1, pool.alive("pipeline-"));
        assertEquals(0, pool.replaced());
        pool.stop();
    }
}
