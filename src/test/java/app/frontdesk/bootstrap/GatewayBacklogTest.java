package app.frontdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.application.Meter;
import app.frontdesk.domain.model.inbound.Envelope;
import app.frontdesk.infrastructure.config.Settings;
import app.frontdesk.testkit.GatewayFixture;
import app.frontdesk.testkit.TestMail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The gateway's readiness over an embedded database, its workers not started: the backlog, its age and the warning. */
class GatewayBacklogTest {

    @Test
    void readinessWarnsWhenTheOldestWaitingMessageIsOlderThanTheThresholdAndReportsItsAge() throws Exception {
        Path dir = Files.createTempDirectory("fd-backlog");
        Map<String, String> env = Map.of("FRONTDESK_DATA_DIR", dir.toString(), "FRONTDESK_BACKLOG_WARN_SECONDS", "60",
                "FRONTDESK_CONFIG_DIR", Path.of("server-config").toAbsolutePath().toString(),
                "FRONTDESK_TRUSTED_AUTHSERV_IDS", GatewayFixture.AUTHSERV_ID, "FRONTDESK_COMPANY_NAME", "Romashka LLC",
                "FRONTDESK_INSTANCE_ID", "test-1");
        GatewayFixture.MutableClock clock = new GatewayFixture.MutableClock(Instant.parse("2026-11-20T09:00:00Z"));
        try (Gateway gateway = new Gateway(new Settings(name -> Optional.ofNullable(env.get(name))), clock, Meter.NONE)) {
            for (int i = 0; i < 3; i++) {
                gateway.services().intake.accept(TestMail.from("john.doe@northwind.example").subject("Order " + i).bytes(),
                        new Envelope(null, null));
            }
            var fresh = gateway.health().readiness();
            assertEquals(3L, fresh.data().get("inboundWaiting"));
            assertEquals("test-1", fresh.data().get("instance"));
            assertFalse(fresh.warnings().stream().anyMatch(w -> w.contains("oldest message")), fresh.warnings().toString());

            clock.set(clock.instant().plus(Duration.ofSeconds(90)));
            var old = gateway.health().readiness();
            assertEquals(90L, old.data().get("oldestWaitingSeconds"));
            assertTrue(old.warnings().stream().anyMatch(w -> w.contains("the oldest message waiting for the pipeline has waited 90 s")),
                    old.warnings().toString());
            assertEquals(3L, gateway.health().backlog().orElseThrow().inboundWaiting(), "the /metrics gauges read the same snapshot");
        }
    }
}
