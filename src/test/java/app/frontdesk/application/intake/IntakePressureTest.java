package app.frontdesk.application.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.application.Meter;
import app.frontdesk.domain.model.inbound.Envelope;
import app.frontdesk.testkit.GatewayFixture;
import app.frontdesk.testkit.TestMail;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** ADR 0016: intake says when a mail server waits on it, and the pipeline gives way for a bounded time only. */
class IntakePressureTest {

    @Test
    void intakeIsBusyWhileItStoresAMessageAndQuietSoonAfter() throws Exception {
        try (GatewayFixture gw = new GatewayFixture(app.frontdesk.testkit.TestDatabases.h2())) {
            List<Boolean> duringCommit = new ArrayList<>();
            MessageIntake[] intake = new MessageIntake[1];
            intake[0] = new MessageIntake(gw.db, Clock.systemUTC(), Meter.NONE, 1 << 20, () -> { }, 64,
                    stored -> duringCommit.add(intake[0].pressure().busy()));
            Thread.sleep(100);
            assertFalse(intake[0].pressure().busy(), "nobody has delivered anything");
            intake[0].accept(TestMail.from("a@b.example").subject("one").bytes(), Envelope.UNKNOWN);
            assertEquals(List.of(true), duringCommit, "busy while the caller waits for its commit");
            assertTrue(intake[0].pressure().busy(), "a connection's next message usually follows within milliseconds");
            Thread.sleep(200);
            assertFalse(intake[0].pressure().busy(), "quiet once nobody delivered for a while");
        }
    }

    @Test
    void thePipelineGivesWayOnlyUntilItsDeadline() throws Exception {
        IntakePressure pressure = new IntakePressure();
        assertFalse(pressure.giveWayUntil(System.nanoTime() + TimeUnit.SECONDS.toNanos(5)), "quiet: no waiting at all");
        pressure.enter(); // a mail server that never lets go
        long start = System.nanoTime();
        assertTrue(pressure.giveWayUntil(start + TimeUnit.MILLISECONDS.toNanos(150)));
        long waited = System.nanoTime() - start;
        assertTrue(waited >= TimeUnit.MILLISECONDS.toNanos(150), "it waited while intake was busy: " + waited);
        assertTrue(waited < TimeUnit.SECONDS.toNanos(5), "and stopped at its deadline, not when intake did: " + waited);
        pressure.leave();
    }
    @Test
    void aPipelineTurnWaitsForABusyIntakeAfterABatchButNotBeforeTheFirstAndNotPastItsTime() throws Exception {
        IntakePressure pressure = new IntakePressure();
        java.util.concurrent.atomic.AtomicInteger turns = new java.util.concurrent.atomic.AtomicInteger();
        PipelineTurn turn = new PipelineTurn(pressure, 60_000, () -> turns.incrementAndGet() == 1 ? 5 : 0);
        pressure.enter(); // a mail server is being answered
        assertEquals(5, turn.run(), "the first message of a burst is processed at once");
        // after a batch that found work, the next turn waits for intake
        java.util.concurrent.CompletableFuture<Integer> next = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return turn.run();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(300);
        assertEquals(1, turns.get(), "no second batch while the mail server waits");
        pressure.leave();
        assertEquals(0, next.get(10, TimeUnit.SECONDS), "taken once intake is quiet");
        assertEquals(2, turns.get());

        // never longer than the give-way time after the last batch, however long intake stays busy
        PipelineTurn bounded = new PipelineTurn(pressure, 200, () -> 1);
        pressure.enter();
        bounded.run();
        long start = System.nanoTime();
        assertEquals(1, bounded.run());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "a flood that never ends is still processed");
        pressure.leave();
        // 0: never waits
        PipelineTurn never = new PipelineTurn(pressure, 0, () -> 1);
        pressure.enter();
        never.run();
        assertEquals(1, never.run());
        pressure.leave();
    }
}
