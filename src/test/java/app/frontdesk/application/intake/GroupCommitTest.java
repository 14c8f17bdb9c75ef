package app.frontdesk.application.intake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.application.Meter;
import app.frontdesk.application.Repositories;
import app.frontdesk.application.Transactions;
import app.frontdesk.domain.model.inbound.Envelope;
import app.frontdesk.domain.model.inbound.InboundState;
import app.frontdesk.infrastructure.persistence.DatabaseSettings;
import app.frontdesk.testkit.GatewayFixture;
import app.frontdesk.testkit.TestMail;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 16, item 3: concurrent messages share commits; every caller is answered from the commit that holds
 * its own message, a failed batch fails every caller in it, and copies are still answered "duplicate".
 */
class GroupCommitTest {

    private static final int THREADS = 8;
    private static final int PER_THREAD = 12;

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void concurrentMessagesShareCommitsAndEveryAnsweredOneIsStoredOnce(String name, Supplier<DatabaseSettings> database) throws Exception {
        try (GatewayFixture gw = new GatewayFixture(database.get())) {
            List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
            MessageIntake intake = new MessageIntake(gw.db, Clock.systemUTC(), Meter.NONE, 1 << 20, () -> { }, 64, stored -> {
                batchSizes.add(stored.size());
                if (batchSizes.size() <= MessageIntake.DEFAULT_LANES) {
                    pause(300); // the first commits hold every lane while the other callers queue behind them
                }
            });
            Map<Long, byte[]> answered = new ConcurrentHashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < PER_THREAD; i++) {
                        byte[] raw = TestMail.from("anna@northwind.example").messageId("<gc-" + thread + "-" + i + "@northwind.example>")
                                .body("message " + thread + "/" + i).bytes();
                        IntakeResult r = intake.accept(raw, new Envelope("anna@northwind.example", "support@frontdesk.test"));
                        assertTrue(!r.duplicate());
                        assertTrue(answered.put(r.id(), raw) == null, "one id per message");
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertEquals(THREADS * PER_THREAD, answered.size());
            assertEquals(THREADS * PER_THREAD, batchSizes.stream().mapToInt(Integer::intValue).sum(), "each message in one commit");
            assertTrue(batchSizes.stream().anyMatch(n -> n > 1), "some commit held several messages: " + batchSizes);
            assertTrue(batchSizes.size() < THREADS * PER_THREAD, "fewer commits than messages: " + batchSizes);
            assertEquals((long) THREADS * PER_THREAD, received(gw));
            answered.forEach((id, raw) -> assertArrayEquals(raw, gw.db.inTransaction(r -> r.inbound().rawBytes(id)), "stored exactly"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void aFailedCommitFailsEveryCallerInItAndStoresNoneOfThem(String name, Supplier<DatabaseSettings> database) throws Exception {
        try (GatewayFixture gw = new GatewayFixture(database.get())) {
            // The real database; the fault is ours to choose: the batch's rows are written, then the commit fails, as on a full disk.
            AtomicBoolean failing = new AtomicBoolean();
            Transactions faulty = new Transactions() {
                @Override
                public <T> T inTransaction(Function<Repositories, T> work) {
                    return gw.db.inTransaction(repos -> {
                        T result = work.apply(repos);
                        if (failing.get()) {
                            throw new IllegalStateException("disk full (injected)");
                        }
                        return result;
                    });
                }
            };
            CountDownLatch release = new CountDownLatch(1);
            List<Integer> batches = Collections.synchronizedList(new ArrayList<>());
            MessageIntake intake = new MessageIntake(faulty, Clock.systemUTC(), Meter.NONE, 1 << 20, () -> { }, 64, stored -> {
                batches.add(stored.size());
                await(release);
            });
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            // one message commits and holds the leader; the others queue, and their shared commit fails
            Future<IntakeResult> first = pool.submit(() -> intake.accept(TestMail.from("a@northwind.example").body("first").bytes(),
                    Envelope.UNKNOWN));
            while (batches.isEmpty()) {
                Thread.sleep(5);
            }
            failing.set(true);
            List<Future<IntakeResult>> queued = new ArrayList<>();
            for (int t = 0; t < THREADS - 1; t++) {
                int n = t;
                queued.add(pool.submit(() -> intake.accept(TestMail.from("a@northwind.example").body("queued " + n).bytes(),
                        Envelope.UNKNOWN)));
            }
            Thread.sleep(300); // let them queue behind the leader
            release.countDown();
            long firstId = first.get(30, TimeUnit.SECONDS).id();
            int failed = 0;
            for (Future<IntakeResult> f : queued) {
                try {
                    f.get(30, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    assertTrue(e.getCause().getMessage().contains("disk full"), e.getCause().toString());
                    failed++;
                }
            }
            pool.shutdown();
            assertEquals(THREADS - 1, failed, "no caller of a failed commit is told its message was stored");
            assertEquals(1L, received(gw), "only the first is stored");
            assertTrue(gw.db.inTransaction(r -> r.inbound().find(firstId)).isPresent());

            failing.set(false); // the mail server retries: now they are stored
            for (int n = 0; n < THREADS - 1; n++) {
                assertTrue(!intake.accept(TestMail.from("a@northwind.example").body("queued " + n).bytes(), Envelope.UNKNOWN).duplicate());
            }
            assertEquals((long) THREADS, received(gw));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void copiesInOneBatchAndOfStoredMessagesAreAnsweredDuplicateWithTheFirstId(String name, Supplier<DatabaseSettings> database)
            throws Exception {
        try (GatewayFixture gw = new GatewayFixture(database.get())) {
            byte[] stored = TestMail.from("a@northwind.example").messageId("<stored@northwind.example>").body("stored").bytes();
            byte[] fresh = TestMail.from("a@northwind.example").messageId("<fresh@northwind.example>").body("fresh").bytes();
            CountDownLatch queued = new CountDownLatch(1);
            AtomicBoolean holdFirst = new AtomicBoolean(false);
            MessageIntake intake = new MessageIntake(gw.db, Clock.systemUTC(), Meter.NONE, 1 << 20, () -> { }, 64, s -> {
                if (holdFirst.getAndSet(false)) {
                    await(queued);
                }
            });
            long storedId = intake.accept(stored, Envelope.UNKNOWN).id();
            holdFirst.set(true);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            Future<IntakeResult> leader = pool.submit(() -> intake.accept(TestMail.from("b@northwind.example").bytes(), Envelope.UNKNOWN));
            Thread.sleep(200);
            List<Future<IntakeResult>> copies = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                byte[] raw = t % 2 == 0 ? stored : fresh; // three of each, in one batch behind the leader
                copies.add(pool.submit(() -> intake.accept(raw, Envelope.UNKNOWN)));
            }
            Thread.sleep(300);
            queued.countDown();
            leader.get(30, TimeUnit.SECONDS);
            Set<Long> freshIds = new HashSet<>();
            int freshNew = 0;
            for (int t = 0; t < copies.size(); t++) {
                IntakeResult r = copies.get(t).get(30, TimeUnit.SECONDS);
                if (t % 2 == 0) {
                    assertEquals(new IntakeResult(storedId, true), r, "a copy of a stored message");
                } else {
                    freshIds.add(r.id());
                    freshNew += r.duplicate() ? 0 : 1;
                }
            }
            pool.shutdown();
            assertEquals(1, freshIds.size(), "the same bytes three times are one message");
            assertEquals(1, freshNew, "one of them is new, the others duplicates of it");
            assertEquals(3L, received(gw));
        }
    }

    /**
     * A second lane opens only when the running commit has stalled: a lane at once made batches of one or two, and
     * PostgreSQL pays about 330 us of CPU per commit (docs/benchmarks.md). Here the first commit is held (as a leader
     * preempted on two cores is); with a long lane wait everyone queues into one next batch, with a short one the
     * next lanes open while it is held.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void anotherLaneOpensOnlyWhenTheRunningCommitStalls(String name, Supplier<DatabaseSettings> database) throws Exception {
        BehindAHeldCommit slow = batchesBehindAHeldCommit(database, TimeUnit.SECONDS.toNanos(30));
        assertEquals(List.of(1, THREADS - 1), slow.batches(), "the queued messages waited for the held commit and shared the next one");
        assertEquals(0, slow.answeredWhileHeld());
        BehindAHeldCommit quick = batchesBehindAHeldCommit(database, TimeUnit.MILLISECONDS.toNanos(1));
        // how the queued messages fall into the other lanes depends on when their threads start ([1, 1, 6], [1, 2, 3, 2] ...)
        assertEquals(THREADS - 1, quick.answeredWhileHeld(), "with a short wait other lanes stored them meanwhile: " + quick);
        assertEquals(THREADS, quick.batches().stream().mapToInt(Integer::intValue).sum());
    }

    private record BehindAHeldCommit(List<Integer> batches, int answeredWhileHeld) {
    }

    /** The sizes of the commits, in order, when one message's commit is held for 400 ms and seven more arrive meanwhile. */
    private static BehindAHeldCommit batchesBehindAHeldCommit(Supplier<DatabaseSettings> database, long laneWaitNanos) throws Exception {
        try (GatewayFixture gw = new GatewayFixture(database.get())) {
            List<Integer> batches = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch release = new CountDownLatch(1);
            GroupCommit commits = new GroupCommit(gw.db, 64, MessageIntake.DEFAULT_LANES, stored -> {
                batches.add(stored.size());
                if (batches.size() == 1) {
                    await(release);
                }
            }, laneWaitNanos);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<IntakeResult>> done = new ArrayList<>();
            done.add(pool.submit(() -> commits.store(store("held"))));
            while (batches.isEmpty()) {
                Thread.sleep(5);
            }
            for (int t = 1; t < THREADS; t++) {
                String body = "queued " + t;
                done.add(pool.submit(() -> commits.store(store(body))));
            }
            Thread.sleep(400);
            int answeredWhileHeld = (int) done.stream().filter(Future::isDone).count();
            release.countDown();
            for (Future<IntakeResult> f : done) {
                assertTrue(!f.get(30, TimeUnit.SECONDS).duplicate());
            }
            pool.shutdown();
            assertEquals((long) THREADS, received(gw));
            return new BehindAHeldCommit(List.copyOf(batches), answeredWhileHeld);
        }
    }

    private static GroupCommit.Store store(String body) {
        byte[] raw = TestMail.from("a@northwind.example").body(body).bytes();
        return new GroupCommit.Store(MessageIntake.sha256(raw), null, Envelope.UNKNOWN, raw, java.time.Instant.now(), 0);
    }

    private static long received(GatewayFixture gw) {
        return gw.db.<Long>inTransaction(r -> r.inbound().countInState(InboundState.RECEIVED));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
