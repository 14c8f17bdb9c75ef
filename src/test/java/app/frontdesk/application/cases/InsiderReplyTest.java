package app.frontdesk.application.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.application.accounts.AccountDraft;
import app.frontdesk.application.dunning.NoticeDesk;
import app.frontdesk.application.dunning.NoticeRequest;
import app.frontdesk.application.payments.ClientBankExchangeImport;
import app.frontdesk.domain.model.billing.Invoice;
import app.frontdesk.domain.model.billing.Money;
import app.frontdesk.domain.model.billing.NoticeKind;
import app.frontdesk.domain.model.billing.NoticeState;
import app.frontdesk.domain.model.inbound.Envelope;
import app.frontdesk.domain.model.outbox.MailKind;
import app.frontdesk.domain.model.outbox.OutboundMail;
import app.frontdesk.testkit.GatewayFixture;
import app.frontdesk.testkit.Mails;
import app.frontdesk.testkit.TestDatabases;
import app.frontdesk.testkit.TestMail;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, item 1: a stranger who proved they write from inside one customer's company is answered
 * as a person (by name, their subject, the one reassuring fact); everybody else keeps the neutral
 * reply. One test per side of the rule in {@link Insiders}.
 */
class InsiderReplyTest {

    private static final ZoneId MSK = ZoneId.of("Europe/Moscow");

    private static void at(GatewayFixture gw, String mskLocal) {
        Instant target = LocalDateTime.parse(mskLocal).atZone(MSK).toInstant();
        gw.clock.advance(Duration.between(gw.clock.instant(), target));
    }

    /** Romashka: its domain, its accountant as the registered contact, its manager, an unpaid invoice. */
    static long romashka(GatewayFixture gw) throws Exception {
        long account = gw.accounts.create(new AccountDraft("ООО «Ромашка»", List.of("romashka.example"),
                List.of(new AccountDraft.ContactDraft("anna.petrova@romashka.example", "Анна Петрова", "ru")),
                new AccountDraft.ManagerDraft("Ольга Смирнова", "olga.smirnova@frontdesk.test"),
                List.of(new AccountDraft.ReferenceDraft("INN", "7707083893"))), "test");
        gw.db.inTransaction(r -> {
            r.billing().add(new Invoice("INV-2026-0042", account, Money.of("1500.00", "RUB"), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 15)));
            return null;
        });
        return account;
    }

    /** Friday the payment order, Saturday the suspension notice: held by the gate. */
    static long paidFridayNoticeSaturday(GatewayFixture gw, long account) {
        at(gw, "2026-11-20T16:00");
        gw.services.payments.recordEvidence(account, "118", LocalDate.of(2026, 11, 20), Money.of("1500.00", "RUB"), null);
        at(gw, "2026-11-21T10:00");
        NoticeDesk.Answer held = gw.services.notices.submit(new NoticeDesk.Submission(new NoticeRequest(account, NoticeKind.SUSPENSION,
                List.of("INV-2026-0042"), Money.of("1500.00", "RUB"), null), List.of("anna.petrova@romashka.example"),
                "Приостановка обслуживания", "Счёт INV-2026-0042 не оплачен.", null, "B-77"));
        assertEquals(NoticeState.HELD, held.state());
        return held.noticeId();
    }

    private static TestMail ceo(String from, String subject) {
        return TestMail.from(from).subject(subject).rawHeaderCharset(StandardCharsets.UTF_8)
                .body("Добрый день!\r\nМы оплатили счёт INV-2026-0042 в пятницу, платёжка у бухгалтера.\r\n"
                        + "Почему нам грозит приостановка?\r\n");
    }

    static List<OutboundMail> replies(GatewayFixture gw) {
        return gw.db.inTransaction(r -> r.outbox().claimDue(gw.clock.instant().plus(Duration.ofDays(30)), 1000)).stream()
                .filter(m -> m.kind() == MailKind.SENDER_REPLY).toList();
    }

    private static String reply(GatewayFixture gw, TestMail mail) throws Exception {
        int before = replies(gw).size();
        gw.intake.accept(mail.bytes(), Envelope.UNKNOWN);
        gw.processAll();
        List<OutboundMail> all = replies(gw);
        assertEquals(before + 1, all.size(), "one reply");
        OutboundMail r = all.get(all.size() - 1);
        return Mails.subject(r.raw()) + "\n" + Mails.text(r.raw()) + "\n" + Mails.html(r.raw());
    }

    private static void leaksNothing(String reply) {
        for (String secret : List.of("1500", "1 500", "INV-2026-0042", "Анна", "anna.petrova", "olga.smirnova", "118", "7707083893")) {
            assertFalse(reply.contains(secret), "the reply leaks " + secret + ":\n" + reply);
        }
    }

    @Test
    void theCeoOfAPayingCustomerIsGreetedByNameAndToldTheSuspensionNoticeIsStopped() throws Exception {
        try (GatewayFixture gw = new GatewayFixture(TestDatabases.h2(), Map.of("FRONTDESK_COMPANY_NAME", "Альфа-Сервис"))) {
            long account = romashka(gw);
            long notice = paidFridayNoticeSaturday(gw, account);
            at(gw, "2026-11-21T11:00");
            String saturday = reply(gw, ceo("Алексей Волков <ceo@romashka.example>", "Уведомление о приостановке?"));
            assertTrue(saturday.contains("Здравствуйте, Алексей Волков!"), saturday);
            assertTrue(saturday.contains("Мы получили ваше письмо «Уведомление о приостановке?»"), "takes up his subject: " + saturday);
            assertTrue(saturday.contains("Мы остановили уведомление о приостановке обслуживания: ваше платёжное поручение у нас"), saturday);
            assertTrue(saturday.contains("до конца дня 25 ноября (среда)"), "the last day of the clearing window, a Wednesday: " + saturday);
            assertTrue(saturday.contains("вашему персональному менеджеру (Ольга Смирнова)"), saturday);
            assertTrue(saturday.contains("Альфа-Сервис"), saturday);
            leaksNothing(saturday);

            // Monday the statement shows the money: the notice is blocked, and the next person of the company hears that
            at(gw, "2026-11-23T09:30");
            try (InputStream in = InsiderReplyTest.class.getResourceAsStream("/payments/statement-windows1251.txt")) {
                gw.services.payments.record(ClientBankExchangeImport.parse(in.readAllBytes()));
            }
            assertEquals(NoticeState.BLOCKED, gw.db.inTransaction(r -> r.billing().notice(notice).orElseThrow().state()));
            String monday = reply(gw, ceo("\"Мария Иванова\" <maria@romashka.example>", "Re: Уведомление о приостановке обслуживания"));
            assertTrue(monday.contains("Здравствуйте, Мария Иванова!"), "quotes stripped: " + monday);
            assertTrue(monday.contains("Мы остановили уведомление о приостановке обслуживания: оплата поступила, ничего не отключим."), monday);
            assertTrue(monday.contains("«Уведомление о приостановке обслуживания»"), "no Re: " + monday);
            leaksNothing(monday);
        }
    }

    @Test
    void aNoticeThatOnlyWaitsForMondayMorningIsStoppedUntilWeAnswerAndNotCalledPaid() throws Exception {
        try (GatewayFixture gw = new GatewayFixture(TestDatabases.h2())) {
            long account = romashka(gw);
            at(gw, "2026-11-21T10:00");
            NoticeDesk.Answer held = gw.services.notices.submit(new NoticeDesk.Submission(new NoticeRequest(account, NoticeKind.SUSPENSION,
                    List.of("INV-2026-0042"), Money.of("1500.00", "RUB"), null), List.of("anna.petrova@romashka.example"),
                    "Приостановка обслуживания", "Счёт INV-2026-0042 не оплачен.", null, "B-77"));
            assertEquals(NoticeState.HELD, held.state(), "held until the business morning: nobody paid");
            String r = reply(gw, ceo("Алексей Волков <ceo@romashka.example>", "Уведомление о приостановке?"));
            assertTrue(r.contains("Здравствуйте, Алексей Волков!"), r);
            // our answer is due on Monday at 13:00, after the notice's 09:00: the text says it is stopped (issue 14, item 3)
            assertTrue(r.contains("Мы остановили уведомление о приостановке обслуживания: пока мы не ответили на ваше письмо, оно отправлено"
                    + " не будет."), r);
            assertFalse(r.contains("платёжное поручение") || r.contains("не отключим") || r.contains("оплата поступила"), "nobody paid: " + r);
            // and it is: at 09:00 the gate holds it for the open case
            at(gw, "2026-11-23T09:00");
            gw.services.housekeepingDue();
            assertEquals(NoticeState.HELD, gw.db.inTransaction(r2 -> r2.billing().notice(held.noticeId()).orElseThrow().state()));
        }
    }

    private static List<OutboundMail> news(GatewayFixture gw, String to) {
        return gw.db.inTransaction(r -> r.outbox().claimDue(gw.clock.instant().plus(Duration.ofDays(30)), 1000)).stream()
                .filter(m -> m.kind() == MailKind.NOTICE_NEWS && m.recipients().equals(List.of(to))).toList();
    }

    @Test
    void whoWroteAboutTheNoticeHearsWhenItIsHeldAndWhenItIsBlockedBecauseTheyPaid() throws Exception {
        try (GatewayFixture gw = new GatewayFixture(TestDatabases.h2())) {
            long account = romashka(gw);
            at(gw, "2026-11-20T11:00");
            reply(gw, TestMail.from("Мария Иванова <maria@romashka.example>").subject("Договор на 2027 год").rawHeaderCharset(StandardCharsets.UTF_8)
                    .body("Пришлите, пожалуйста, проект договора."));
            reply(gw, ceo("Алексей Волков <volkov@gmail.com>", "Уведомление о приостановке?")); // a stranger: learns nothing, ever
            at(gw, "2026-11-20T16:00");
            gw.services.payments.recordEvidence(account, "118", LocalDate.of(2026, 11, 20), Money.of("1500.00", "RUB"), null);
            at(gw, "2026-11-20T17:00");
            String friday = reply(gw, ceo("Алексей Волков <ceo@romashka.example>", "Оплата и приостановка"));
            assertTrue(friday.contains("Ваше платёжное поручение у нас: пока платёж идёт через банк, до конца дня 25 ноября (среда)"), friday);

            // Saturday the notice is submitted and held for the payment order: he hears it is stopped
            at(gw, "2026-11-21T10:00");
            gw.services.notices.submit(new NoticeDesk.Submission(new NoticeRequest(account, NoticeKind.SUSPENSION, List.of("INV-2026-0042"),
                    Money.of("1500.00", "RUB"), null), List.of("anna.petrova@romashka.example"), "Приостановка", "Счёт не оплачен.", null, null));
            List<OutboundMail> saturday = news(gw, "ceo@romashka.example");
            assertEquals(1, saturday.size());
            String held = Mails.text(saturday.get(0).raw());
            assertTrue(Mails.subject(saturday.get(0).raw()).startsWith("Re: Оплата и приостановка (FD-"), Mails.subject(saturday.get(0).raw()));
            assertTrue(held.startsWith("Здравствуйте, Алексей Волков!"), held);
            assertTrue(held.contains("Мы остановили уведомление о приостановке обслуживания: ваше платёжное поручение у нас"), held);
            leaksNothing(held + Mails.html(saturday.get(0).raw()));

            // Monday the money is there: blocked, and he hears that too, once
            at(gw, "2026-11-23T09:30");
            for (int i = 0; i < 2; i++) {
                try (InputStream in = InsiderReplyTest.class.getResourceAsStream("/payments/statement-windows1251.txt")) {
                    gw.services.payments.record(ClientBankExchangeImport.parse(in.readAllBytes()));
                }
                gw.services.notices.recheckAccount(account, "test");
            }
            List<OutboundMail> monday = news(gw, "ceo@romashka.example");
            assertEquals(2, monday.size(), "one mail per fact");
            assertTrue(Mails.text(monday.get(1).raw()).contains("Мы остановили уведомление о приостановке обслуживания: оплата поступила,"
                    + " ничего не отключим."), Mails.text(monday.get(1).raw()));
            assertEquals(List.of(), news(gw, "maria@romashka.example"), "she wrote about something else and was told nothing of it");
            assertEquals(List.of(), news(gw, "volkov@gmail.com"), "a stranger is never told anything of the account");
        }
    }

    @Test
    void aNameThatIsNoPersonsGetsTheNeutralGreetingAndStillTheFacts() throws Exception {
        try (GatewayFixture gw = new GatewayFixture(TestDatabases.h2())) {
            long account = romashka(gw);
            paidFridayNoticeSaturday(gw, account);
            for (String from : List.of("ROMASHKA LLC <a@romashka.example>", "\"ceo@romashka.example\" <b@romashka.example>",
                    "Ромашка <c@romashka.example>", "Ivan 2024 <d@romashka.example>", "e@romashka.example")) {
                String r = reply(gw, ceo(from, "Вопрос"));
                assertTrue(r.contains("Здравствуйте!"), from + ": " + r);
                assertTrue(r.contains("Мы остановили уведомление о приостановке обслуживания"), from + ": " + r);
            }
        }
    }

    @Test
    void englishForAnEnglishWriterWithAPaymentOrderOnFileAndNoNotice() throws Exception {
        try (GatewayFixture gw = new GatewayFixture(TestDatabases.h2())) {
            long account = romashka(gw);
            at(gw, "2026-11-20T16:00");
            gw.services.payments.recordEvidence(account, "118", LocalDate.of(2026, 11, 20), Money.of("1500.00", "RUB"), null);
            String r = reply(gw, TestMail.from("John Smith <john@romashka.example>").subject("Our invoice").body("Hello, did you get our payment?"));
            assertTrue(r.contains("Hello John Smith,"), r);
            assertTrue(r.contains("We have your payment order: while the payment goes through the bank, no payment reminder will be sent"
                    + " until the end of Wednesday, 25 November."), r);
            leaksNothing(r);
        }
    }

    @Test
    void aStrangerFromAPublicDomainOrAnUnregisteredOneKeepsTheNeutralReplyWhileTheInsiderIsAnswered() throws Exception {
        try (GatewayFixture gw = new GatewayFixture(TestDatabases.h2())) {
            long account = romashka(gw);
            paidFridayNoticeSaturday(gw, account);
            gw.db.inTransaction(r -> {
                r.accounts().find(account).orElseThrow().addDomain("gmail.com"); // registered by mistake: never evidence
                return null;
            });
            String insider = reply(gw, ceo("Алексей Волков <ceo@romashka.example>", "Уведомление о приостановке?"));
            assertTrue(insider.contains("Здравствуйте, Алексей Волков!") && insider.contains("остановили"), insider);
            String publicDomain = reply(gw, ceo("Алексей Волков <volkov@gmail.com>", "Уведомление о приостановке?"));
            String unregistered = reply(gw, ceo("Алексей Волков <volkov@volkov-family.example>", "Уведомление о приостановке?"));
            for (String r : List.of(publicDomain, unregistered)) {
                assertTrue(r.startsWith("Мы получили ваше письмо (FD-"), r);
                assertTrue(r.contains("Здравствуйте!") && !r.contains("Волков") && !r.contains("остановили"), r);
            }
        }
    }

    @Test
    void aFromNobodyVerifiedProvesNothingEvenWhenThePolicyBelievesIt() throws Exception {
        for (String policy : List.of("verified", "trust-from")) {
            try (GatewayFixture gw = new GatewayFixture(TestDatabases.h2(), Map.of("FRONTDESK_SENDER_POLICY", policy))) {
                long account = romashka(gw);
                paidFridayNoticeSaturday(gw, account);
                String r = reply(gw, ceo("Алексей Волков <ceo@romashka.example>", "Уведомление о приостановке?"));
                assertEquals(policy.equals("verified"), r.contains("Здравствуйте, Алексей Волков!") && r.contains("остановили"), policy + ": " + r);
            }
        }
    }

    @Test
    void aDomainSharedByTwoAccountsKeepsTheNeutralReply() throws Exception {
        try (GatewayFixture gw = new GatewayFixture(TestDatabases.h2())) {
            long account = romashka(gw);
            paidFridayNoticeSaturday(gw, account);
            String before = reply(gw, ceo("Алексей Волков <ceo@romashka.example>", "Уведомление о приостановке?").body("Добрый день! ИНН 7707083893"));
            assertTrue(before.contains("Алексей Волков"), before);
            gw.accounts.create(new AccountDraft("ООО «Ромашка-Сервис»", List.of("romashka.example"), List.of(), null, List.of()), "test");
            String after = reply(gw, ceo("Мария Иванова <maria@romashka.example>", "Уведомление о приостановке?").body("Добрый день! ИНН 7707083893"));
            assertTrue(after.startsWith("Мы получили ваше письмо (FD-") && !after.contains("Мария"), after);
        }
    }
}
