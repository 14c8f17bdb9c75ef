package app.frontdesk.application.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.domain.model.inbound.Envelope;
import app.frontdesk.domain.model.inbound.InboundMessage;
import app.frontdesk.domain.model.inbound.InboundState;
import app.frontdesk.domain.model.inbound.Route;
import app.frontdesk.domain.model.outbox.MailKind;
import app.frontdesk.domain.model.outbox.OutboundMail;
import app.frontdesk.infrastructure.config.Settings;
import app.frontdesk.infrastructure.persistence.DatabaseSettings;
import app.frontdesk.testkit.GatewayFixture;
import app.frontdesk.testkit.Mails;
import app.frontdesk.testkit.TestMail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, item 1: while no authserv-id is trusted, a gap in our configuration is never held against
 * a customer. A genuine contact's mail is held as "cannot verify: configuration", nobody but the
 * administrator is told (once), no case, no red flag; readiness says why; once the id is set, the
 * held mail is decided again and reaches the helpdesk.
 */
class ConfigurationGapTest {

    @Test
    void withNoAuthservIdTrustedAContactsMailWaitsAndOnlyTheAdministratorIsToldOnce() throws Exception {
        Path dir = Files.createTempDirectory("frontdesk-gap");
        DatabaseSettings h2 = DatabaseSettings.embeddedH2(dir.resolve("db"));
        List<Long> ids = new ArrayList<>();
        long account;
        try (GatewayFixture gw = new GatewayFixture(h2, Map.of("FRONTDESK_TRUSTED_AUTHSERV_IDS", ""))) {
            account = gw.account("Romashka", "romashka.example", "anna@romashka.example");
            for (int i = 0; i < 3; i++) {
                ids.add(gw.intake.accept(TestMail.from("anna@romashka.example").subject("Question " + i).bytes(), Envelope.UNKNOWN).id());
            }
            gw.processAll();
            for (long id : ids) {
                InboundMessage m = gw.db.inTransaction(r -> r.inbound().find(id).orElseThrow());
                assertEquals(InboundState.HELD, m.state());
                assertEquals(Route.AWAITING_CONFIGURATION, m.route());
                assertTrue(m.reason().startsWith("cannot verify: configuration"), m.reason());
                assertEquals(null, m.caseId(), "no case: nothing is suspicious about the customer");
            }
            List<OutboundMail> sent = new ArrayList<>();
            for (long id : ids) {
                sent.addAll(gw.db.inTransaction(r -> r.outbox().causedBy(id)));
            }
            assertEquals(List.of(MailKind.ADMIN_ALERT), sent.stream().map(OutboundMail::kind).toList(), "one alert, to the administrator only");
            assertEquals(List.of(GatewayFixture.ADDRESSES.admin().value()), sent.get(0).recipients());
            assertTrue(Mails.text(sent.get(0).raw()).contains("FRONTDESK_TRUSTED_AUTHSERV_IDS"));
            assertTrue(gw.db.inTransaction(r -> r.care().flagged(List.of(account))).isEmpty(), "no red flag");
            assertTrue(gw.db.inTransaction(r -> r.care().experiences(account, Instant.EPOCH)).isEmpty(), "no bad experience recorded");
            assertFalse(gw.settings.configurationGaps().isEmpty(), "readiness names the gap");
        }
        try (GatewayFixture gw = new GatewayFixture(h2)) { // the operator set FRONTDESK_TRUSTED_AUTHSERV_IDS and restarted
            assertTrue(gw.settings.configurationGaps().isEmpty());
            assertEquals(3, gw.services.decideWhatWaitedForConfiguration());
            gw.processAll();
            for (long id : ids) {
                InboundMessage m = gw.db.inTransaction(r -> r.inbound().find(id).orElseThrow());
                assertEquals(Route.HELPDESK, m.route(), m.reason());
            }
        }
    }

    @Test
    void theDemoStartTrustsTheExampleIdOnlyWhenNothingElseIsSetAndSaysSo() {
        Settings demo = new Settings(name -> Optional.empty());
        assertTrue(demo.demoData);
        assertEquals(java.util.Set.of(Settings.DEMO_AUTHSERV_ID), demo.trustedAuthservIds);
        assertTrue(demo.configurationGaps().isEmpty());
        assertTrue(demo.warnings(java.time.LocalDate.of(2026, 11, 28)).stream().anyMatch(w -> w.contains("demo start")));
        Settings production = new Settings(name -> Optional.ofNullable(Map.of("FRONTDESK_DB_URL", "jdbc:postgresql://db/frontdesk").get(name)));
        assertEquals(java.util.Set.of(), production.trustedAuthservIds);
        assertEquals(1, production.configurationGaps().size());
        Settings own = new Settings(name -> Optional.ofNullable(Map.of("FRONTDESK_TRUSTED_AUTHSERV_IDS", "mx.company.example").get(name)));
        assertEquals(java.util.Set.of("mx.company.example"), own.trustedAuthservIds);
    }

    @Test
    void noCustomerTextCarriesVerifierOutputOrSettingNames() throws Exception {
        // the texts customers read: the stranger's explanation, the contact's request and warning, the link pages
        try (var files = Files.list(Path.of("server-config/templates"))) {
            List<String> offending = files.filter(f -> f.getFileName().toString().matches("(sender-reply|authorize-request|unverified-contact|action-.*)\\..*"))
                    .filter(f -> {
                        try {
                            String t = Files.readString(f);
                            return t.contains("{{verification}}") || t.contains("FRONTDESK_") || t.contains("authserv");
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).map(f -> f.getFileName().toString()).toList();
            assertEquals(List.of(), offending);
        }
    }
}
