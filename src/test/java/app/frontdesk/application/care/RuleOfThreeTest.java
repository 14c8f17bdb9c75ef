package app.frontdesk.application.care;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.application.accounts.AccountDraft;
import app.frontdesk.application.dunning.NoticeRequest;
import app.frontdesk.application.dunning.Reason;
import app.frontdesk.domain.model.billing.Invoice;
import app.frontdesk.domain.model.billing.Money;
import app.frontdesk.domain.model.billing.NoticeKind;
import app.frontdesk.domain.model.care.ExperienceKind;
import app.frontdesk.domain.model.inbound.Envelope;
import app.frontdesk.domain.model.outbox.MailKind;
import app.frontdesk.domain.model.outbox.OutboundMail;
import app.frontdesk.testkit.GatewayFixture;
import app.frontdesk.testkit.Mails;
import app.frontdesk.testkit.TestDatabases;
import app.frontdesk.testkit.TestMail;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Three failed deliveries of one order, reported by one customer: the flag at the second, the head of support at the third. */
class RuleOfThreeTest {

    private static GatewayFixture gateway() {
        return new GatewayFixture(TestDatabases.h2(), Map.of("FRONTDESK_SUPPORT_LEAD_ADDRESS", "lead@frontdesk.test",
                "FRONTDESK_HEAD_OF_SUPPORT_ADDRESS", "head@frontdesk.test"));
    }

    private static long romashka(GatewayFixture gw) throws Exception {
        return gw.accounts.create(new AccountDraft("ООО «Ромашка»", List.of("romashka.example"),
                List.of(new AccountDraft.ContactDraft("buh@romashka.example", "Бухгалтерия", "ru")),
                new AccountDraft.ManagerDraft("Ольга", "olga@frontdesk.test")), "test");
    }

    private static void write(GatewayFixture gw, String subject, String body) throws Exception {
        gw.intake.accept(TestMail.from("buh@romashka.example").subject(subject).rawHeaderCharset(StandardCharsets.UTF_8).body(body).bytes(),
                Envelope.UNKNOWN);
        gw.processAll();
        gw.clock.advance(Duration.ofDays(1));
    }

    private static List<OutboundMail> alertsTo(GatewayFixture gw, String address) {
        return gw.db.inTransaction(r -> r.outbox().claimDue(gw.clock.instant().plus(Duration.ofDays(30)), 1000)).stream()
                .filter(m -> m.kind() == MailKind.MANAGER_ALERT && m.recipients().contains(address)).toList();
    }

    @Test
    void theFlagRisesAtTheSecondContactAndTheHeadOfSupportHearsAtTheThird() throws Exception {
        try (GatewayFixture gw = gateway()) {
            long account = romashka(gw);
            write(gw, "Заказ 77 не доставили", "Добрый день! Заказ 77 не доставили, хотя обещали вчера.");
            assertFalse(gw.services.care.timeline(account).flagged(), "one bad experience is forgiven");
            assertEquals(List.of(), alertsTo(gw, "olga@frontdesk.test"));

            write(gw, "Re: Заказ 77 не доставили", "Опять не привезли. Что происходит?");
            var second = gw.services.care.timeline(account);
            assertTrue(second.flagged(), "red flag at the second");
            assertEquals(List.of(ExperienceKind.COMPLAINT, ExperienceKind.REPEAT_CONTACT), second.experiences().stream().map(e -> e.kind()).toList());
            List<OutboundMail> playbook = alertsTo(gw, "olga@frontdesk.test");
            assertEquals(1, playbook.size());
            assertTrue(playbook.get(0).recipients().contains("lead@frontdesk.test"), "the support lead too");
            String text = Mails.text(playbook.get(0).raw());
            assertTrue(text.contains("Заказ 77 не доставили") && text.contains("The playbook") && text.contains("call instead of writing"), text);
            assertEquals(List.of(), alertsTo(gw, "head@frontdesk.test"));

            write(gw, "Re: Re: Заказ 77 не доставили", "Третий раз не доставили заказ 77. Это недопустимо.");
            List<OutboundMail> head = alertsTo(gw, "head@frontdesk.test");
            assertEquals(1, head.size(), "the head of support at the third");
            assertTrue(Mails.subject(head.get(0).raw()).contains("Third bad experience"), Mails.subject(head.get(0).raw()));
            assertEquals(1, alertsTo(gw, "olga@frontdesk.test").size(), "the manager is not alerted again for the same flag");

            // automatic texts to the account use the red-flag wording
            gw.intake.accept(TestMail.from("ceo@romashka.example").subject("Вопрос").rawHeaderCharset(StandardCharsets.UTF_8)
                    .body("Добрый день, у меня вопрос по заказу.").bytes(), Envelope.UNKNOWN);
            gw.processAll();
            OutboundMail ask = gw.db.inTransaction(r -> r.outbox().claimDue(gw.clock.instant().plus(Duration.ofDays(30)), 1000)).stream()
                    .filter(m -> m.kind() == MailKind.AUTHORIZATION_REQUEST).findFirst().orElseThrow();
            // the red-flag wording names what went wrong, not an unnamed "something"
            String asked = Mails.text(ask.raw());
            assertTrue(asked.contains("подвели вас не один раз: вы написали нам о проблеме («Заказ 77 не доставили»);"
                    + " вам пришлось снова писать нам о том же («Заказ 77 не доставили»)"), asked);
            assertFalse(asked.contains("что-то идёт не так"), asked);

            // and dunning waits for the manager
            gw.db.inTransaction(r -> {
                r.billing().add(new Invoice("INV-9", account, Money.of("10.00", "RUB"), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 15)));
                return null;
            });
            var check = gw.services.notices.check(new NoticeRequest(account, NoticeKind.REMINDER, List.of("INV-9"), Money.of("10.00", "RUB"), null));
            assertTrue(check.decision().reasons().stream().map(Reason::code).toList().contains("RED_FLAG"), check.decision().reasons().toString());

            // only a person clears it; what came before no longer counts
            gw.services.care.clear(account, "admin-api: olga", "called the director, refunded the delivery, new courier");
            var cleared = gw.services.care.timeline(account);
            assertFalse(cleared.flagged());
            assertEquals("called the director, refunded the delivery, new courier", cleared.note());
            gw.clock.advance(Duration.ofMinutes(1));
            write(gw, "Новый заказ 78 не доставили", "Заказ 78 не доставили.");
            assertFalse(gw.services.care.timeline(account).flagged(), "one experience after the clearing");
            write(gw, "Re: Новый заказ 78 не доставили", "Снова не доставили заказ 78.");
            assertTrue(gw.services.care.timeline(account).flagged(), "two after the clearing raise it again");
        }
    }

    @Test
    void anOrdinaryMessageIsNoExperience() throws Exception {
        try (GatewayFixture gw = gateway()) {
            long account = romashka(gw);
            write(gw, "Счёт за декабрь", "Пришлите, пожалуйста, счёт за декабрь.");
            write(gw, "Re: Счёт за декабрь", "Спасибо, получили.");
            assertEquals(List.of(), gw.services.care.timeline(account).experiences());
        }
    }

    @Test
    void onARedFlaggedAccountTheCallPromisedOnASaturdayIsForMonday() throws Exception {
        try (GatewayFixture gw = gateway()) { // the clock starts on Friday 20 November, 12:00 in Moscow
            long account = romashka(gw);
            write(gw, "Заказ 77 не доставили", "Добрый день! Заказ 77 не доставили, хотя обещали вчера.");
            write(gw, "Re: Заказ 77 не доставили", "Опять не привезли. Что происходит?");
            assertTrue(gw.services.care.timeline(account).flagged());
            // now Saturday 28 November, 10:00 in Moscow: the CEO writes from an address not on file
            gw.clock.advance(Duration.between(gw.clock.instant(), java.time.Instant.parse("2026-11-28T07:00:00Z")));
            gw.intake.accept(TestMail.from("Иван Петров <ceo@romashka.example>").subject("Приостановка?").rawHeaderCharset(StandardCharsets.UTF_8)
                    .body("Мы оплатили счёт в пятницу.").bytes(), Envelope.UNKNOWN);
            gw.processAll();
            List<OutboundMail> requests = gw.db.inTransaction(r -> r.outbox().claimDue(gw.clock.instant().plus(Duration.ofDays(30)), 1000))
                    .stream().filter(m -> m.kind() == MailKind.AUTHORIZATION_REQUEST).toList();
            assertEquals(1, requests.size());
            String text = Mails.text(requests.get(0).raw());
            assertTrue(text.contains("позвонит вам в понедельник, 30 ноября"), text);
            assertFalse(text.contains("сегодня"), text);
        }
    }
}
