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
}
