package app.frontdesk.application.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.domain.model.inbound.Envelope;
import app.frontdesk.domain.model.outbox.MailKind;
import app.frontdesk.domain.model.outbox.OutboundMail;
import app.frontdesk.testkit.GatewayFixture;
import app.frontdesk.testkit.Mails;
import app.frontdesk.testkit.TestDatabases;
import app.frontdesk.testkit.TestMail;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What customers read is signed with the company's name, never the product's (issue 14, item 5):
 * the sender's explanation and the request to the authorized contact said "служба поддержки
 * Frontdesk" and came from "Frontdesk".
 */
class SignatureTest {

    private static List<OutboundMail> customerMails(GatewayFixture gw) throws Exception {
        gw.account("Romashka", "romashka.example", "anna@romashka.example");
        gw.intake.accept(TestMail.from("Ivan <ceo@romashka.example>").subject("Suspension?").body("We paid on Friday.").bytes(), Envelope.UNKNOWN);
        gw.processAll();
        return gw.db.inTransaction(r -> r.outbox().claimDue(gw.clock.instant().plus(Duration.ofDays(30)), 100)).stream()
                .filter(m -> m.kind() == MailKind.SENDER_REPLY || m.kind() == MailKind.AUTHORIZATION_REQUEST).toList();
    }

    @Test
    void customersReadTheCompanysName() throws Exception {
        try (GatewayFixture gw = new GatewayFixture(TestDatabases.h2(), Map.of("FRONTDESK_COMPANY_NAME", "Альфа-Сервис"))) {
            List<OutboundMail> mails = customerMails(gw);
            assertEquals(2, mails.size());
            for (OutboundMail m : mails) {
                String text = Mails.text(m.raw());
                assertTrue(text.contains("Альфа-Сервис"), text);
                assertFalse(text.contains("Frontdesk") || Mails.html(m.raw()).contains("Frontdesk"), text);
                assertTrue(Mails.header(m.raw(), "From").contains("Альфа-Сервис") || Mails.header(m.raw(), "From").contains("=?"),
                        Mails.header(m.raw(), "From"));
                assertFalse(Mails.parse(m.raw()).getFrom()[0].toString().contains("Frontdesk"));
            }
        }
    }

    @Test
    void withoutACompanyNameTheyReadPlainSupportAndNeverTheProduct() throws Exception {
        try (GatewayFixture gw = new GatewayFixture(TestDatabases.h2())) {
            for (OutboundMail m : customerMails(gw)) {
                String text = Mails.text(m.raw());
                assertFalse(text.contains("Frontdesk") || Mails.html(m.raw()).contains("Frontdesk"), text);
                assertFalse(Mails.parse(m.raw()).getFrom()[0].toString().contains("Frontdesk"));
                assertTrue(text.contains("служба поддержки") || text.contains("Customer support"), text);
            }
            assertTrue(gw.settings.warnings(java.time.LocalDate.of(2026, 11, 28)).stream().anyMatch(w -> w.contains("FRONTDESK_COMPANY_NAME")));
        }
    }

    @Test
    void noMailOfOursIsSentInTheProductsName() throws Exception {
        // every From display name comes from MailAddresses.senderName (the company's), not from a literal in a sender
        try (var sources = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            List<String> offending = sources.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                try {
                    return java.nio.file.Files.readString(f).matches("(?s).*\\.from\\([^;]*\"Frontdesk\"\\).*");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(Object::toString).toList();
            assertEquals(List.of(), offending);
        }
    }
}
