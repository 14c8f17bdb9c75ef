package app.frontdesk.application.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.domain.model.inbound.Envelope;
import app.frontdesk.domain.model.outbox.MailKind;
import app.frontdesk.domain.model.outbox.OutboundMail;
import app.frontdesk.domain.model.outbox.OutboxState;
import app.frontdesk.domain.model.staff.StaffRole;
import app.frontdesk.domain.model.staff.StaffUser;
import app.frontdesk.testkit.GatewayFixture;
import app.frontdesk.testkit.Mails;
import app.frontdesk.testkit.TestDatabases;
import app.frontdesk.testkit.TestMail;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A mail to a customer that runs out of attempts is followed by one alert to the person who was told it went; a mail
 * to staff that runs out of attempts is not (an alert about an undelivered alert would go round for ever).
 */
class GivenUpMailTest {

    @Test
    void aReplyGivenUpIsReportedOnceAndTheReportItselfIsNeverReported() throws Exception {
        // a relay that is never reachable: every mail fails until its attempts run out
        MailTransport down = () -> {
            throw new java.net.ConnectException("Connection refused");
        };
        try (GatewayFixture gw = new GatewayFixture(TestDatabases.h2(), java.util.Map.of(), down)) {
            gw.account("Romashka", "romashka.example", "anna@romashka.example");
            long id = gw.intake.accept(TestMail.from("Ivan Petrov <ivan@romashka.example>").subject("Invoice?")
                    .rawHeaderCharset(StandardCharsets.UTF_8).bytes(), Envelope.UNKNOWN).id();
            gw.processAll();
            OutboundMail reply = gw.db.inTransaction(r -> r.outbox().causedBy(id)).stream()
                    .filter(m -> m.kind() == MailKind.SENDER_REPLY).findFirst().orElseThrow();

            giveUpEverything(gw);

            List<OutboundMail> all = gw.db.inTransaction(r -> r.outbox().causedBy(id));
            assertEquals(OutboxState.FAILED, gw.db.inTransaction(r -> r.outbox().byId(reply.id())).orElseThrow().state());
            List<OutboundMail> reports = all.stream().filter(m -> m.kind() == MailKind.ADMIN_ALERT).toList();
            long customerMailsGivenUp = all.stream().filter(m -> m.state() == OutboxState.FAILED && m.kind() != MailKind.ADMIN_ALERT
                    && m.kind() != MailKind.MANAGER_ALERT).count();
            assertEquals(customerMailsGivenUp, reports.size(),
                    "one report per customer mail given up (the reply and the requests to Anna), none for the manager's alert or a report");
            assertTrue(reports.stream().allMatch(m -> m.recipients().equals(List.of("olga@frontdesk.test"))), "to the manager");
            assertTrue(reports.stream().allMatch(m -> m.state() == OutboxState.FAILED), "the reports failed too, and were not reported");
            String text = new String(reports.get(0).raw(), StandardCharsets.UTF_8);
            assertTrue(text.contains("Connection refused"), "the technical record when the cause is not one we can name: " + text);
            String body = Mails.text(reports.get(0).raw()).replace("\r\n", "\n");
            assertTrue(body.startsWith("Hello Olga,\n\nA mail to a customer did not reach them"),
                    "the manager greeted by name, one blank line before the news: " + body);
            assertFalse(body.contains("\n\n\n"), "no doubled blank line: " + body);
        }
    }

    @Test
    void aCaseHandedToAColleagueHasTheReportGreetTheColleagueByNameInTheirLanguage() throws Exception {
        MailTransport down = () -> {
            throw new java.net.ConnectException("Connection refused");
        };
        try (GatewayFixture gw = new GatewayFixture(TestDatabases.h2(), java.util.Map.of(), down)) {
            gw.account("Romashka", "romashka.example", "anna@romashka.example");
            long id = gw.intake.accept(TestMail.from("Ivan Petrov <ivan@romashka.example>").subject("Invoice?").bytes(), Envelope.UNKNOWN).id();
            gw.processAll();
            gw.db.run(r -> {
                r.staff().add(new StaffUser("boris@frontdesk.test", "Борис Иванов", Set.of(StaffRole.MANAGER), Locale.forLanguageTag("ru"),
                        null, gw.clock.instant()));
                long caseId = r.inbound().find(id).orElseThrow().caseId();
                r.cases().find(caseId).orElseThrow().handOver("boris@frontdesk.test", "lead@frontdesk.test", "he knows them", gw.clock.instant());
            });
            giveUpEverything(gw);

            List<OutboundMail> reports = gw.db.inTransaction(r -> r.outbox().causedBy(id)).stream()
                    .filter(m -> m.kind() == MailKind.ADMIN_ALERT).toList();
            assertFalse(reports.isEmpty());
            for (OutboundMail report : reports) {
                assertEquals(List.of("boris@frontdesk.test"), report.recipients(), "to the colleague the case was handed to");
                String body = Mails.text(report.raw()).replace("\r\n", "\n");
                assertTrue(body.startsWith("Здравствуйте, Борис Иванов!\n\nПисьмо клиенту не дошло"), "by name, in Russian: " + body);
                assertFalse(body.contains("\n\n\n"), "no doubled blank line: " + body);
            }
        }
    }

    /** A relay that is never reachable: every due mail is tried each hour until its attempts run out. */
    private static void giveUpEverything(GatewayFixture gw) {
        for (int i = 0; i < 40; i++) {
            while (gw.services.dispatcher.dispatchDue() > 0) {
                // every due mail is tried once per round
            }
            gw.clock.advance(Duration.ofHours(1));
        }
    }
}
