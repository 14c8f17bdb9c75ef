package app.frontdesk.application.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.application.accounts.AccountDraft;
import app.frontdesk.application.dunning.NoticeDesk;
import app.frontdesk.application.dunning.NoticeRequest;
import app.frontdesk.application.payments.ClientBankExchangeImport;
import app.frontdesk.domain.model.account.EmailAddress;
import app.frontdesk.domain.model.billing.Invoice;
import app.frontdesk.domain.model.billing.Money;
import app.frontdesk.domain.model.billing.NoticeKind;
import app.frontdesk.domain.model.billing.NoticeState;
import app.frontdesk.domain.model.inbound.Envelope;
import app.frontdesk.domain.model.outbox.MailKind;
import app.frontdesk.domain.model.outbox.OutboundMail;
import app.frontdesk.infrastructure.persistence.DatabaseSettings;
import app.frontdesk.testkit.GatewayFixture;
import app.frontdesk.testkit.Mails;
import app.frontdesk.testkit.TestMail;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 14, item 2, for the account's own registered contacts (see {@link CaseNews}): a contact whose verified mail
 * about the notice reached the helpdesk after the notice was submitted hears, once and in their language, that it was
 * stopped because they paid; a contact who wrote before the notice existed, about something else, only an auto-reply,
 * or not at all, hears nothing.
 */
class ContactNoticeNewsTest {

    private static final ZoneId MSK = ZoneId.of("Europe/Moscow");

    private static void at(GatewayFixture gw, String mskLocal) {
        gw.clock.set(LocalDateTime.parse(mskLocal).atZone(MSK).toInstant());
    }

    private static void writes(GatewayFixture gw, TestMail mail) throws Exception {
        gw.intake.accept(mail.bytes(), Envelope.UNKNOWN);
        gw.processAll();
    }

    private static List<OutboundMail> news(GatewayFixture gw, String to) {
        return gw.db.inTransaction(r -> r.outbox().claimDue(gw.clock.instant().plus(Duration.ofDays(30)), 1000)).stream()
                .filter(m -> m.kind() == MailKind.NOTICE_NEWS && m.recipients().equals(List.of(to))).toList();
    }

    private static void statementArrives(GatewayFixture gw, long account) throws Exception {
        try (InputStream in = ContactNoticeNewsTest.class.getResourceAsStream("/payments/statement-windows1251.txt")) {
            gw.services.payments.record(ClientBankExchangeImport.parse(in.readAllBytes()));
        }
        gw.services.notices.recheckAccount(account, "test");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void aContactWhoWroteAboutTheNoticeHearsOnceThatItIsBlockedAndAContactWhoDidNotHearsNothing(String name, Supplier<DatabaseSettings> db)
            throws Exception {
        try (GatewayFixture gw = new GatewayFixture(db.get(), Map.of("FRONTDESK_COMPANY_NAME", "Альфа-Сервис"))) {
            long account = gw.accounts.create(new AccountDraft("ООО «Ромашка»", List.of("romashka.example"), List.of(
                    new AccountDraft.ContactDraft("anna.petrova@romashka.example", "Анна Петрова", "ru"),
                    new AccountDraft.ContactDraft("maria@romashka.example", "Мария Иванова", "ru"),
                    new AccountDraft.ContactDraft("ivan@romashka.example", "Иван Козлов", "ru"),
                    new AccountDraft.ContactDraft("john@romashka.example", "John Smith", "en")),
                    new AccountDraft.ManagerDraft("Ольга Смирнова", "olga.smirnova@frontdesk.test"),
                    List.of(new AccountDraft.ReferenceDraft("INN", "7707083893"))), "test");
            gw.db.inTransaction(r -> {
                r.billing().add(new Invoice("INV-2026-0042", account, Money.of("1500.00", "RUB"), LocalDate.of(2026, 11, 1),
                        LocalDate.of(2026, 11, 15)));
                return null;
            });
            // Friday, before there is any notice: a message about the invoice is not about a notice that does not exist yet
            at(gw, "2026-11-20T15:00");
            writes(gw, TestMail.from("Мария Иванова <maria@romashka.example>").subject("Оплата счёта INV-2026-0042")
                    .rawHeaderCharset(StandardCharsets.UTF_8).body("Оплатим в понедельник."));

            // Saturday the notice is submitted; nobody has paid, it waits for Monday morning (no news: nothing was paid)
            at(gw, "2026-11-21T10:00");
            NoticeDesk.Answer held = gw.services.notices.submit(new NoticeDesk.Submission(new NoticeRequest(account, NoticeKind.SUSPENSION,
                    List.of("INV-2026-0042"), Money.of("1500.00", "RUB"), null), List.of("anna.petrova@romashka.example"),
                    "Приостановка обслуживания", "Счёт INV-2026-0042 не оплачен.", null, "B-77"));
            assertEquals(NoticeState.HELD, held.state());
            at(gw, "2026-11-21T11:00");
            String annasId = "<anna-1@romashka.example>";
            writes(gw, TestMail.from("Анна Петрова <anna.petrova@romashka.example>").subject("Приостановка обслуживания?").messageId(annasId)
                    .rawHeaderCharset(StandardCharsets.UTF_8).body("Мы оплатили в пятницу. Почему нам грозит приостановка?"));
            writes(gw, TestMail.from("Анна Петрова <anna.petrova@romashka.example>").subject("Re: Приостановка обслуживания?")
                    .rawHeaderCharset(StandardCharsets.UTF_8).body("Платёжка во вложении будет в понедельник."));
            writes(gw, TestMail.from("Иван Козлов <ivan@romashka.example>").subject("Автоответ: Приостановка обслуживания")
                    .header("Auto-Submitted", "auto-replied").rawHeaderCharset(StandardCharsets.UTF_8).body("Я в отпуске до 30 ноября."));
            writes(gw, TestMail.from("John Smith <john@romashka.example>").subject("Suspension notice?").body("We paid on Friday."));
            assertEquals(List.of(), news(gw, "anna.petrova@romashka.example"), "held for the business morning: nothing to reassure with");

            // Monday the statement shows the money: the notice is blocked, and who wrote about it hears so, once each
            at(gw, "2026-11-23T09:30");
            statementArrives(gw, account);
            assertEquals(NoticeState.BLOCKED, gw.db.inTransaction(r -> r.billing().notice(held.noticeId()).orElseThrow().state()));
            statementArrives(gw, account); // decided again: the same fact is not told twice

            List<OutboundMail> anna = news(gw, "anna.petrova@romashka.example");
            assertEquals(1, anna.size(), "one mail for two messages and two decisions");
            byte[] raw = anna.get(0).raw();
            String text = Mails.text(raw);
            String all = Mails.subject(raw) + "\n" + text + "\n" + Mails.html(raw);
            assertEquals("Re: Приостановка обслуживания?", Mails.subject(raw), "her first message's subject, no case reference");
            assertEquals(annasId, Mails.header(raw, "In-Reply-To"), "threaded under her first message");
            assertTrue(text.startsWith("Здравствуйте, Анна Петрова!"), text);
            assertTrue(text.contains("По вашему письму «Приостановка обслуживания?» есть новость."), text);
            assertTrue(text.contains("Мы остановили уведомление о приостановке обслуживания: оплата поступила, ничего не отключим."), text);
            assertTrue(text.contains("Ольга Смирнова") && text.contains("служба поддержки Альфа-Сервис"), "her manager, the company's name: " + text);
            assertFalse(all.contains("обращени") || all.contains("подтвержд") || all.contains("Frontdesk") || all.contains("1500")
                    || all.contains("1 500"), "no case, no waiting address, no product name, no amount: " + all);

            List<OutboundMail> john = news(gw, "john@romashka.example");
            assertEquals(1, john.size(), "in his language");
            String english = Mails.text(john.get(0).raw());
            assertTrue(english.startsWith("Hello John Smith,") && english.contains("We have stopped the suspension notice: your payment has"
                    + " arrived, and nothing will be switched off.") && english.contains("Альфа-Сервис customer support"), english);

            assertEquals(List.of(), news(gw, "ivan@romashka.example"), "an auto-reply is never answered");
            assertEquals(List.of(), news(gw, "maria@romashka.example"), "she wrote before the notice was submitted");
            Instant now = gw.clock.instant();
            assertEquals(2, gw.db.inTransaction(r -> r.audit().about("account", account)).stream()
                    .filter(e -> e.action().equals(CaseNews.TOLD) && !e.occurredAt().isAfter(now)).count(), "what was told is on record");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void theSameFactIsNeverToldTwiceAndThePaymentOrderItselfIsAcknowledgedNotAnswered(String name, Supplier<DatabaseSettings> db)
            throws Exception {
        try (GatewayFixture gw = new GatewayFixture(db.get())) {
            long account = InsiderReplyTest.romashka(gw);
            gw.db.inTransaction(r -> {
                r.accounts().find(account).orElseThrow().authorize(EmailAddress.of("buh@romashka.example"),
                        "Бухгалтерия", Locale.forLanguageTag("ru"), gw.clock.instant());
                return null;
            });
            at(gw, "2026-11-21T10:00");
            NoticeDesk.Answer held = gw.services.notices.submit(new NoticeDesk.Submission(new NoticeRequest(account, NoticeKind.SUSPENSION,
                    List.of("INV-2026-0042"), Money.of("1500.00", "RUB"), null), List.of("anna.petrova@romashka.example"),
                    "Приостановка обслуживания", "Счёт INV-2026-0042 не оплачен.", null, "B-77"));
            assertEquals(NoticeState.HELD, held.state());
            at(gw, "2026-11-21T11:00");
            writes(gw, TestMail.from("Анна Петрова <anna.petrova@romashka.example>").subject("Уведомление о приостановке")
                    .rawHeaderCharset(StandardCharsets.UTF_8).body("Что это значит?"));
            // the accountant mails the payment order: the notice is now held for it, and Anna hears so
            at(gw, "2026-11-21T12:00");
            writes(gw, TestMail.from("Бухгалтерия <buh@romashka.example>").subject("Оплата счёта INV-2026-0042").rawHeaderCharset(StandardCharsets.UTF_8)
                    .body("Добрый день!\r\nНаправляем платёжное поручение № 118 от 20.11.2026 на сумму 1 500,00 руб.\r\n"));
            List<OutboundMail> anna = news(gw, "anna.petrova@romashka.example");
            assertEquals(1, anna.size());
            assertTrue(Mails.text(anna.get(0).raw()).contains("Мы остановили уведомление о приостановке обслуживания: ваше платёжное поручение"
                    + " у нас"), Mails.text(anna.get(0).raw()));
            // decided again with nothing new: the same fact, told to nobody twice; the accountant has her acknowledgement
            at(gw, "2026-11-21T13:00");
            gw.services.notices.recheckAccount(account, "test");
            assertEquals(NoticeState.HELD, gw.db.inTransaction(r -> r.billing().notice(held.noticeId()).orElseThrow().state()));
            assertEquals(1, news(gw, "anna.petrova@romashka.example").size(), "told once");
            assertEquals(List.of(), news(gw, "buh@romashka.example"), "her payment order was acknowledged, not answered with news");
            assertEquals(1, gw.db.inTransaction(r -> r.outbox().claimDue(gw.clock.instant().plus(Duration.ofDays(30)), 1000)).stream()
                    .filter(m -> m.kind() == MailKind.PAYMENT_ORDER_RECEIVED).count());
        }
    }
}
