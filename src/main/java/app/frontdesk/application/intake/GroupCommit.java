package app.frontdesk.application.intake;

import app.frontdesk.application.Transactions;
import app.frontdesk.domain.model.inbound.Envelope;
import app.frontdesk.domain.model.inbound.InboundMessage;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Stores concurrent messages in shared transactions: one commit (one flush to disk) for every message that
 * arrived while the previous commit ran, each caller answered only after the commit that holds its message.
 * No thread of its own: a caller that finds fewer than {@code lanes} commits running becomes a leader, commits
 * what waits (up to {@code maxBatch}), hands every caller its outcome, and goes on until its own message is in;
 * then a waiting caller takes over. Nobody waits for a timer: an idle gateway commits a lone message at once.
 * More than one lane: while one commit waits for the database, the next batch is already on its way (with one,
 * the packaged gateway on PostgreSQL accepted fewer messages than with a commit per message, docs/benchmarks.md).
 * A failed batch answers every caller in it with the failure, never with a success (ADR 0013).
 */
final class GroupCommit {

    /**
     * What a store hands over: what its caller read from the message, and its bytes. The entity is made anew for
     * each transaction that tries it: one from a batch that failed carries an id nobody stored.
     */
    record Store(String sha256, String messageId, Envelope envelope, byte[] raw, Instant receivedAt, int senderKey) {
        InboundMessage newMessage() {
            return new InboundMessage(sha256, messageId, envelope, raw.length, receivedAt, senderKey);
        }
    }

    /** Told after a batch committed and before its callers are answered (the crash test stops the process here). */
    @FunctionalInterface
    interface AfterCommit {
        void committed(List<IntakeResult> stored);

        AfterCommit NONE = stored -> { };
    }

    private final Transactions transactions;
    private final int maxBatch;
    private final int lanes;
    private final AfterCommit afterCommit;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition answered = lock.newCondition();
    private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
    private int leaders; // commits under way, at most lanes
    private long lastCommitStarted = System.nanoTime(); // guarded by the lock
    private final long stallNanos;

    GroupCommit(Transactions transactions, int maxBatch, int lanes, AfterCommit afterCommit) {
        this(transactions, maxBatch, lanes, afterCommit, MessageIntake.DEFAULT_LANE_WAIT.toNanos());
    }

    /** @param stallNanos how long a commit runs before a waiting caller may start another (see {@link #mayLead()}) */
    GroupCommit(Transactions transactions, int maxBatch, int lanes, AfterCommit afterCommit, long stallNanos) {
        this.stallNanos = stallNanos;
        if (maxBatch < 1 || lanes < 1) {
            throw new IllegalArgumentException("a batch holds at least one message, and one lane commits: " + maxBatch + ", " + lanes);
        }
        this.transactions = transactions;
        this.maxBatch = maxBatch;
        this.lanes = lanes;
        this.afterCommit = afterCommit;
    }

    /**
     * Stores one message and returns once it is committed (or was there already: a duplicate).
     *
     * @throws RuntimeException the failure of the batch that held it; nothing of that batch was stored
     */
    IntakeResult store(Store store) {
        if (maxBatch == 1) {
            return storeAlone(store); // group commit off: every message its own transaction, in its caller's thread
        }
        Pending mine = new Pending(store);
        boolean interrupted = false; // kept for the caller: its message is answered either way, as awaitUninterruptibly does
        lock.lock();
        try {
            waiting.add(mine);
            while (mine.outcome == null && !mayLead()) {
                if (leaders < lanes) {
                    try {
                        answered.awaitNanos(stallNanos); // a lane may open when the running commit has not moved by then
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                } else {
                    answered.awaitUninterruptibly();
                }
            }
            if (mine.outcome != null) {
                return mine.result();
            }
            leaders++;
        } finally {
            lock.unlock();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            lead(mine);
        } finally {
            lock.lock();
            try {
                leaders--;
                answered.signalAll(); // a caller still waiting becomes the next leader
            } finally {
                lock.unlock();
            }
        }
        return mine.result();
    }

    private void lead(Pending mine) {
        while (true) {
            List<Pending> batch = new ArrayList<>();
            lock.lock();
            try {
                while (mine.outcome == null && waiting.isEmpty()) {
                    answered.awaitUninterruptibly(); // my message is in another lane's commit
                }
                if (mine.outcome != null) {
                    return;
                }
                while (batch.size() < maxBatch && !waiting.isEmpty()) {
                    batch.add(waiting.poll());
                }
                lastCommitStarted = System.nanoTime();
            } finally {
                lock.unlock();
            }
            List<Outcome> outcomes = commit(batch);
            lock.lock();
            try {
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).outcome = outcomes.get(i);
                }
                answered.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Whether a waiting caller may start a commit: when none runs, or when fewer than {@code lanes} run and none
     * started within the stall time. Another lane at once made batches of one or two (PostgreSQL then paid a commit,
     * about 330 us of its CPU, for nearly every message: 160 us with one lane, docs/benchmarks.md); no other lane at
     * all held every caller behind a leader that the pipeline or the database had preempted on two cores.
     */
    private boolean mayLead() {
        return leaders == 0 || leaders < lanes && System.nanoTime() - lastCommitStarted >= stallNanos;
    }

    /** One transaction for the whole batch; the same bytes twice in it are stored once, the second answered "duplicate". */
    private List<Outcome> commit(List<Pending> batch) {
        Map<String, InboundMessage> first = new LinkedHashMap<>();
        Map<String, Pending> firstOf = new LinkedHashMap<>();
        for (Pending p : batch) {
            firstOf.putIfAbsent(p.store.sha256(), p);
        }
        try {
            List<InboundMessage> messages = new ArrayList<>();
            List<byte[]> raws = new ArrayList<>();
            for (Pending p : firstOf.values()) {
                InboundMessage message = p.store.newMessage();
                messages.add(message);
                raws.add(p.store.raw());
                first.put(p.store.sha256(), message);
            }
            transactions.storeInbound(messages, raws);
        } catch (RuntimeException | Error e) {
            if (isConstraintViolation(e)) {
                // some bytes were stored already (a retry, or a copy another instance took): the batch is undone,
                // and each message is tried on its own, so that only the copies are answered "duplicate"
                return batch.stream().map(p -> alone(p.store)).toList();
            }
            Outcome failed = new Outcome(null, e);
            return batch.stream().map(p -> failed).toList();
        }
        List<IntakeResult> results = batch.stream()
                .map(p -> new IntakeResult(first.get(p.store.sha256()).id(), firstOf.get(p.store.sha256()) != p)).toList();
        afterCommit.committed(results);
        return results.stream().map(r -> new Outcome(r, null)).toList();
    }

    private Outcome alone(Store store) {
        try {
            return new Outcome(storeAlone(store), null);
        } catch (RuntimeException e) {
            return new Outcome(null, e);
        }
    }

    /** The message in a transaction of its own; a copy of stored bytes is answered "duplicate" with the first one's id. */
    private IntakeResult storeAlone(Store store) {
        try {
            InboundMessage message = store.newMessage();
            transactions.storeInbound(List.of(message), List.of(store.raw()));
            IntakeResult result = new IntakeResult(message.id(), false);
            afterCommit.committed(List.of(result));
            return result;
        } catch (RuntimeException e) {
            if (!isConstraintViolation(e)) {
                throw e;
            }
            // These bytes are stored already (a retry, or a concurrent copy): say duplicate.
            return existing(store.sha256()).orElseThrow(() -> e);
        }
    }

    private Optional<IntakeResult> existing(String sha256) {
        try {
            return transactions.inTransaction(repos -> repos.inbound().findBySha256(sha256)
                    .map(m -> new IntakeResult(m.id(), true)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** SQLSTATE class 23 (integrity constraint violation), as H2 and PostgreSQL report a duplicate key, alone or in a batch. */
    static boolean isConstraintViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // a batch reports the statement that failed as its next exception
            for (SQLException sql = t instanceof SQLException s ? s : null; sql != null; sql = sql.getNextException()) {
                if (sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                    return true;
                }
            }
        }
        return false;
    }

    private record Outcome(IntakeResult result, Throwable failure) {
    }

    private static final class Pending {
        final Store store;
        Outcome outcome; // guarded by the lock

        Pending(Store store) {
            this.store = store;
        }

        IntakeResult result() {
            if (outcome.failure() instanceof RuntimeException e) {
                throw e;
            }
            if (outcome.failure() instanceof Error e) {
                throw e;
            }
            return outcome.result();
        }
    }
}
