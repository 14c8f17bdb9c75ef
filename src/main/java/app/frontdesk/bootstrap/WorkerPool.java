package app.frontdesk.bootstrap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * The gateway's worker threads, watched: a worker whose thread died (an error no step could catch,
 * such as running out of memory) is started again on a new thread, and readiness can ask how many of
 * a kind are running. Before this, two dead pipeline threads left the gateway answering 202 and UP
 * while nothing was processed (review of 2026-11-28).
 */
final class WorkerPool {

    private static final Logger LOG = Logger.getLogger(WorkerPool.class.getName());

    private final ThreadFactory threads;
    private final Map<Worker, Thread> running = new LinkedHashMap<>();
    private final AtomicLong replaced = new AtomicLong();

    WorkerPool(ThreadFactory threads) {
        this.threads = threads;
    }

    synchronized void start(Worker worker) {
        Thread t = threads.newThread(worker);
        t.setName("frontdesk-" + worker.name());
        t.setDaemon(true);
        running.put(worker, t);
        t.start();
    }

    /** Starts a new thread for every worker whose thread has died; answers how many. */
    synchronized int supervise() {
        int n = 0;
        for (Map.Entry<Worker, Thread> e : new ArrayList<>(running.entrySet())) {
            if (!e.getValue().isAlive() && e.getKey().running()) {
                LOG.severe("worker " + e.getKey().name() + " died; starting it again on a new thread");
                start(e.getKey());
                replaced.incrementAndGet();
                n++;
            }
        }
        return n;
    }

    /** Workers whose name starts with {@code prefix} and whose thread is alive. */
    synchronized int alive(String prefix) {
        return (int) running.entrySet().stream().filter(e -> e.getKey().name().startsWith(prefix) && e.getValue().isAlive()).count();
    }

    long replaced() {
        return replaced.get();
    }

    synchronized void stop() {
        running.keySet().forEach(Worker::stop);
    }

    /**
     * Stops every worker and waits for its thread to end (the batch in hand is finished and committed first).
     *
     * @return whether all ended within {@code limit}
     */
    boolean stopAndJoin(java.time.Duration limit) {
        java.util.List<Thread> threads;
        synchronized (this) {
            running.keySet().forEach(Worker::stop);
            threads = new ArrayList<>(running.values());
        }
        long deadline = System.nanoTime() + limit.toNanos();
        for (Thread t : threads) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    t.join(java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(left) + 1);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return threads.stream().noneMatch(Thread::isAlive);
    }
}
