package app.frontdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.application.Meter;
import app.frontdesk.application.accounts.AccountDraft;
import app.frontdesk.domain.model.inbound.Envelope;
import app.frontdesk.infrastructure.config.Settings;
import app.frontdesk.testkit.GatewayFixture;
import app.frontdesk.testkit.TestMail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

    @Test
    void readinessWarnsWhenTheOldestMailWaitingToBeSentIsOlderThanTheThresholdAndReportsItsAge() throws Exception {
        Path dir = Files.createTempDirectory("fd-backlog-outbox");
        Map<String, String> env = Map.of("FRONTDESK_DATA_DIR", dir.toString(), "FRONTDESK_BACKLOG_WARN_SECONDS", "60",
                "FRONTDESK_CONFIG_DIR", Path.of("server-config").toAbsolutePath().toString(),
                "FRONTDESK_TRUSTED_AUTHSERV_IDS", GatewayFixture.AUTHSERV_ID, "FRONTDESK_COMPANY_NAME", "Romashka LLC",
                "FRONTDESK_HELPDESK_ADDRESS", GatewayFixture.ADDRESSES.helpdesk().value(),
                "FRONTDESK_FROM_ADDRESS", GatewayFixture.ADDRESSES.frontdesk().value(),
                "FRONTDESK_DEMO_DATA", "false", "FRONTDESK_INSTANCE_ID", "test-1");
        GatewayFixture.MutableClock clock = new GatewayFixture.MutableClock(Instant.parse("2026-11-20T09:00:00Z"));
        try (Gateway gateway = new Gateway(new Settings(name -> Optional.ofNullable(env.get(name))), clock, Meter.NONE)) {
            gateway.services().accounts.create(new AccountDraft("Northwind", List.of("northwind.example"),
                    List.of(new AccountDraft.ContactDraft("john.doe@northwind.example", "John Doe", "en")), null), "test");
            gateway.services().intake.accept(TestMail.from("john.doe@northwind.example").subject("Order 7").bytes(), new Envelope(null, null));
            assertEquals(1, gateway.services().processor.processDue(), "decided by the pipeline; its mail waits: no outbox worker runs");

            var fresh = gateway.health().readiness();
            assertEquals(0L, fresh.data().get("inboundWaiting"));
            assertTrue((Long) fresh.data().get("outboxBacklog") >= 1, fresh.data().toString());
            assertFalse(fresh.warnings().stream().anyMatch(w -> w.contains("oldest mail")), fresh.warnings().toString());

            clock.set(clock.instant().plus(Duration.ofSeconds(90)));
            var old = gateway.health().readiness();
            assertEquals(90L, old.data().get("oldestOutboxSeconds"));
            assertTrue(old.warnings().stream().anyMatch(w -> w.contains("the oldest mail waiting to be sent has waited 90 s")),
                    old.warnings().toString());
            assertFalse(old.warnings().stream().anyMatch(w -> w.contains("oldest message")), "nothing waits for the pipeline");
            assertEquals(List.of("0 of 2 pipeline workers running"), old.problems(),
                    "a slow relay warns; it does not take the gateway out of service (its workers are not started here)");
            assertEquals(90L, gateway.health().backlog().orElseThrow().oldestOutboxSeconds(), "the /metrics gauge reads the same");
        }
    }
}
