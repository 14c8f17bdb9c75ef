package app.frontdesk.bootstrap;

import app.frontdesk.application.DatabaseUnavailableException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A loop that does batches of work while there is any, then sleeps until woken or until the poll
 * interval passes (to pick up retries that fall due, and work left by a crash).
 *
 * <p>A wake-up is not served at once: the worker lingers a few milliseconds so that the messages
 * arriving meanwhile go into the same batch and the same commit. Without it, every accepted message
 * woke every worker into a transaction of its own, and under load batches shrank to one message.
 */
final class Worker implements Runnable {

    private static final Logger LOG = Logger.getLogger(Worker.class.getName());

    private final String name;
    private final IntSupplier batch;
    private final Duration poll;
    private final Duration linger;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running = true;

    Worker(String name, IntSupplier batch, Duration poll, Duration linger) {
        this.name = name;
        this.batch = batch;
        this.poll = poll;
        this.linger = linger;
    }

    void wake() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    void stop() {
        running = false;
        wake.release();
    }

    @Override
    public void run() {
        Duration pause = poll;
        while (running) {
            try {
                if (batch.getAsInt() > 0) {
                    pause = poll;
                    continue;
                }
                if (wake.tryAcquire(pause.toMillis(), TimeUnit.MILLISECONDS)) {
                    Thread.sleep(linger.toMillis());
                }
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                if (e instanceof VirtualMachineError fatal && !(e instanceof StackOverflowError)) {
                    throw fatal; // out of memory: this thread ends, and WorkerPool starts the worker again on a fresh one
                }
                // The database is away, most likely: nothing is lost (the work stays in its tables); wait and retry.
                if (e instanceof DatabaseUnavailableException) {
                    LOG.fine(name + " waits for the database"); // the outage is logged once, where it was noticed
                } else {
                    LOG.log(Level.WARNING, name + " failed, retrying in " + pause.toSeconds() + " s: " + e, e);
                }
                // a wake-up (the database is back, mail arrived) ends the wait early
                awaitWake(pause);
                pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : pause.multipliedBy(2);
            }
        }
    }

    private void awaitWake(Duration d) {
        try {
            wake.tryAcquire(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    String name() {
        return name;
    }

    /** False once stopped: a stopped worker's thread ends and is not started again. */
    boolean running() {
        return running;
    }
}
