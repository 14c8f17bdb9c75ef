package app.frontdesk.application.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.application.accounts.AccountDraft;
import app.frontdesk.application.dunning.NoticeDesk;
import app.frontdesk.application.dunning.NoticeRequest;
import app.frontdesk.application.payments.PaymentDraft;
import app.frontdesk.domain.model.billing.Invoice;
import app.frontdesk.domain.model.billing.Money;
import app.frontdesk.domain.model.billing.NoticeKind;
import app.frontdesk.domain.model.billing.PaymentSource;
import app.frontdesk.domain.model.inbound.Envelope;
import app.frontdesk.domain.model.outbox.MailKind;
import app.frontdesk.domain.model.outbox.OutboundMail;
import app.frontdesk.domain.model.staff.StaffRole;
import app.frontdesk.domain.model.staff.Viewer;
import app.frontdesk.testkit.GatewayFixture;
import app.frontdesk.testkit.Mails;
import app.frontdesk.testkit.TestDatabases;
import app.frontdesk.testkit.TestMail;
import jakarta.mail.internet.InternetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Staff mails speak the staff's language (issue 14, item 5): with customers in Russian, every mail to a
 * manager, the support lead, billing or the administrator is in Russian, from and signed with the company's
 * name and never the product's, with times in the reader's zone instead of UTC ISO strings, and links a
 * person opens in a browser (console pages, not the JSON API). One test per kind of staff mail.
 */
class StaffMailsTest {

    private static final Pattern ISO_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T");
    private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");
    /** A link to the JSON API that a browser is refused (401); the one-click pages under /api/links/ are pages. */
    private static final Pattern API_LINK = Pattern.compile("https?://frontdesk\\.test/api/(?!links/)");
    private static final String CONSOLE = "http://frontdesk.test/console/";
    private static final List<Pattern> CONSOLE_PAGES = app.frontdesk.interfaces.console.StaffMailLinksTest.consolePages();
    private static final ZoneId MSK = ZoneId.of("Europe/Moscow");
    private static final String OLGA = "olga@frontdesk.test";

    private static GatewayFixture gateway(Map<String, String> more) {
        Map<String, String> env = new HashMap<>(Map.of("FRONTDESK_DEFAULT_LOCALE", "ru", "FRONTDESK_COMPANY_NAME", "Альфа-Сервис",
                "FRONTDESK_BILLING_ADDRESS", "billing@frontdesk.test", "FRONTDESK_SUPPORT_LEAD_ADDRESS", "lead@frontdesk.test"));
        env.putAll(more);
        return new GatewayFixture(TestDatabases.h2(), env);
    }

    private static GatewayFixture gateway() {
        return gateway(Map.of());
    }

    private static void at(GatewayFixture gw, String mskLocal) {
        gw.clock.set(LocalDateTime.parse(mskLocal).atZone(MSK).toInstant());
    }

    private static long romashka(GatewayFixture gw) throws Exception {
        long account = gw.accounts.create(new AccountDraft("ООО «Ромашка»", List.of("romashka.example"),
                List.of(new AccountDraft.ContactDraft("buh@romashka.example", "Бухгалтерия", "ru")),
                new AccountDraft.ManagerDraft("Ольга Смирнова", OLGA), List.of(new AccountDraft.ReferenceDraft("INN", "7707083893"))), "test");
        gw.db.inTransaction(r -> {
            r.billing().add(new Invoice("INV-2026-0042", account, Money.of("1500.00", "RUB"), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 15)));
            return null;
        });
        return account;
    }

    private static NoticeDesk.Answer suspension(GatewayFixture gw, long account) {
        return gw.services.notices.submit(new NoticeDesk.Submission(new NoticeRequest(account, NoticeKind.SUSPENSION, List.of("INV-2026-0042"),
                Money.of("1500.00", "RUB"), null), List.of("buh@romashka.example"), "Приостановка обслуживания", "Счёт не оплачен.", null, "B-77"));
    }

    private static void write(GatewayFixture gw, TestMail mail) throws Exception {
        gw.intake.accept(mail.rawHeaderCharset(StandardCharsets.UTF_8).bytes(), Envelope.UNKNOWN);
        gw.processAll();
    }

    private static List<OutboundMail> sent(GatewayFixture gw, MailKind kind, String to) {
        return gw.db.inTransaction(r -> r.outbox().claimDue(gw.clock.instant().plus(Duration.ofDays(30)), 1000)).stream()
                .filter(m -> m.kind() == kind && m.recipients().contains(to)).toList();
    }

    private static OutboundMail only(List<OutboundMail> mails) {
        assertEquals(1, mails.size(), mails.stream().map(m -> Mails.subject(m.raw())).toList().toString());
        return mails.get(0);
    }

    /**
     * What every staff mail must be, for a Russian reader: Russian, the company's name in From, never the product's
     * name or a raw UTC time, no link to the JSON API. Returns its plain text.
     */
    private static String russianStaffMail(OutboundMail m, String phrase) throws Exception {
        String subject = Mails.subject(m.raw());
        String text = Mails.text(m.raw());
        String html = Mails.partTypes(m.raw()).contains("text/html") ? Mails.html(m.raw()) : "";
        assertTrue(CYRILLIC.matcher(subject).find(), "a Russian subject: " + subject);
        assertTrue(text.contains(phrase), "expected \"" + phrase + "\" in:\n" + text);
        assertEquals("Альфа-Сервис", ((InternetAddress) Mails.parse(m.raw()).getFrom()[0]).getPersonal());
        for (String part : List.of(subject, text, html)) {
            assertFalse(part.contains("Frontdesk"), "the product's name in:\n" + part);
            assertFalse(ISO_TIME.matcher(part).find(), "a raw ISO time in:\n" + part);
            assertFalse(API_LINK.matcher(part).find(), "a link to the JSON API in:\n" + part);
            java.util.regex.Matcher link = Pattern.compile("https?://frontdesk\\.test/[^\\s\"'<>)]*").matcher(part);
            while (link.find()) {
                String l = link.group().replaceAll("[.,;:]+$", "").replace("&amp;", "&");
                assertTrue(l.contains("/api/links/") || l.endsWith("/health/ready")
                        || app.frontdesk.interfaces.console.StaffMailLinksTest.isConsolePage(l, CONSOLE_PAGES), l + " is no console page, in:\n" + part);
            }
        }
        return text;
    }

    @Test
    void theManagersAlertConnectsThePaymentOrderTheHeldNoticeAndTheSendersQuestion() throws Exception {
        try (GatewayFixture gw = gateway()) {
            long account = romashka(gw);
            at(gw, "2026-11-20T16:00");
            gw.services.payments.recordEvidence(account, "118", LocalDate.of(2026, 11, 20), Money.of("1500.00", "RUB"), null);
            at(gw, "2026-11-21T10:00");
            long notice = suspension(gw, account).noticeId();
            at(gw, "2026-11-21T10:05");
            write(gw, TestMail.from("Алексей Волков <ceo@romashka.example>").subject("Приостановка обслуживания?")
                    .body("Мы же оплатили в пятницу. Почему нам грозит приостановка?\r\n"));

            String text = russianStaffMail(only(sent(gw, MailKind.MANAGER_ALERT, OLGA).stream()
                    .filter(m -> Mails.subject(m.raw()).startsWith("FD-")).toList()), "Здравствуйте, Ольга Смирнова!");
            assertTrue(text.contains("Отправитель спрашивает: «Почему нам грозит приостановка?»"), text);
            assertTrue(text.contains("У нас есть платёжное поручение клиента № 118 от 20 ноября 2026 на 1 500,00 ₽, получено в пятницу,"
                    + " 20 ноября 2026, 16:00 (МСК)."), "staff see amounts: " + text);
            assertTrue(text.contains("Уведомление о приостановке обслуживания № " + notice + " задержано до среды, 25 ноября 2026, 18:00 (МСК):"
                    + " ждём, пока платёж по платёжному поручению пройдёт через банк"), text);
            assertTrue(text.contains(CONSOLE + "notices/" + notice) && text.contains(CONSOLE + "cases/"), text);
            assertTrue(text.contains("Срок ответа, обещанный отправителю: понедельник, 23 ноября 2026, 13:00 (МСК)."), text);
            assertTrue(text.contains("Мы уже отправили:\n- объяснение отправителю: ceo@romashka.example"), text);
            assertTrue(text.contains("Проверка адреса: домен отправителя подтверждён"), text);
            assertTrue(text.strip().endsWith("Исходное письмо во вложении.\n\nАльфа-Сервис"), "signed with the company's name: " + text);
        }
    }

    @Test
    void theManagersAlertSaysTheVerifierInWordsWithTheRawResultAsADetail() throws Exception {
        try (GatewayFixture gw = gateway()) {
            romashka(gw);
            write(gw, TestMail.from("buh@romashka.example").header("Authentication-Results", GatewayFixture.AUTHSERV_ID
                            + "; spf=softfail smtp.mailfrom=romashka.example; dkim=fail header.d=romashka.example; dmarc=fail header.from=romashka.example")
                    .subject("Новые реквизиты").body("Оплачивайте на новый счёт."));
            String alert = russianStaffMail(only(sent(gw, MailKind.MANAGER_ALERT, OLGA)), "Внимание: похоже, кто-то пишет от имени клиента");
            assertTrue(alert.contains("Проверка адреса: цифровая подпись письма (DKIM) не сошлась: письмо изменили в пути или подписали"
                    + " не тем ключом; домен не подтверждает сервер, с которого пришло письмо (SPF); политика домена (DMARC) письмо не"
                    + " подтвердила.\n"), alert);
            assertTrue(alert.contains("  Запись почтового сервера: not verified for romashka.example: spf=softfail"), "the raw result as a detail: " + alert);
            assertTrue(alert.contains(CONSOLE + "cases/"), alert);

            // the customer's contact reads the same finding in words, never the verifier's output
            OutboundMail warning = only(sent(gw, MailKind.UNVERIFIED_CONTACT_WARNING, "buh@romashka.example"));
            for (String part : List.of(Mails.text(warning.raw()), Mails.html(warning.raw()))) {
                assertTrue(part.contains("Что показала проверка: цифровая подпись письма (DKIM) не сошлась"), part);
                assertFalse(Pattern.compile("(spf|dkim|dmarc)=", Pattern.CASE_INSENSITIVE).matcher(part).find(), "raw verifier output: " + part);
            }
        }
    }

    @Test
    void theDigestOfLaterMessages() throws Exception {
        try (GatewayFixture gw = gateway()) {
            romashka(gw);
            at(gw, "2026-11-23T10:00");
            write(gw, TestMail.from("ceo@romashka.example").subject("Вопрос").body("Первое письмо."));
            at(gw, "2026-11-23T10:10");
            write(gw, TestMail.from("ceo@romashka.example").subject("Вопрос ещё раз").body("Второе письмо."));
            at(gw, "2026-11-23T11:11");
            gw.services.housekeepingDue();
            String text = russianStaffMail(only(sent(gw, MailKind.MANAGER_DIGEST, OLGA)), "Чтобы не засыпать вас уведомлениями");
            assertTrue(text.contains("- понедельник, 23 ноября 2026, 10:10 (МСК): «Вопрос ещё раз»"), text);
            assertTrue(text.contains(CONSOLE + "cases/"), text);
        }
    }

    @Test
    void theRedFlagAlertToTheManagerAndTheLead() throws Exception {
        try (GatewayFixture gw = gateway()) {
            long account = romashka(gw);
            write(gw, TestMail.from("buh@romashka.example").subject("Заказ 77 не доставили").body("Заказ 77 не доставили, хотя обещали вчера."));
            gw.clock.advance(Duration.ofDays(1));
            write(gw, TestMail.from("buh@romashka.example").subject("Re: Заказ 77 не доставили").body("Опять не привезли. Что происходит?"));
            OutboundMail alert = only(sent(gw, MailKind.MANAGER_ALERT, "lead@frontdesk.test"));
            assertEquals(List.of(OLGA, "lead@frontdesk.test"), alert.recipients());
            String text = russianStaffMail(alert, "Что делать:");
            assertTrue(text.contains("- пятница, 20 ноября 2026, 12:00 (МСК): жалоба клиента"), text);
            assertTrue(text.contains("Клиент, его история и флаг: " + CONSOLE + "accounts/" + account), text);
            assertFalse(text.contains("POST "), "no API call for a person to make: " + text);
        }
    }

    @Test
    void theCaseHandedOverToAColleague() throws Exception {
        try (GatewayFixture gw = gateway()) {
            romashka(gw);
            write(gw, TestMail.from("ceo@romashka.example").subject("Вопрос").body("Почему нам грозит приостановка?"));
            Viewer lead = staff(gw, "lead@frontdesk.test", "Лидия", StaffRole.LEAD, "ru");
            staff(gw, "boris@frontdesk.test", "Борис", StaffRole.MANAGER, "ru");
            long caseId = gw.db.inTransaction(r -> r.cases().list(Optional.empty(), 10)).get(0).id();
            assertTrue(gw.services.caseHandover.handOverAs(lead, caseId, "boris@frontdesk.test", "позвоните им").isPresent());
            String text = russianStaffMail(only(sent(gw, MailKind.MANAGER_ALERT, "boris@frontdesk.test")), "Здравствуйте, Борис!");
            assertTrue(text.contains("Срок ответа, обещанный отправителю: пятница, 20 ноября 2026, 16:00 (МСК)."), text);
            assertTrue(text.contains(CONSOLE + "cases/" + caseId), text);
        }
    }

    @Test
    void theAdministratorsAlerts() throws Exception {
        try (GatewayFixture gw = gateway()) {
            long id = gw.intake.accept(TestMail.from("x@y.example").subject("x").bytes(), Envelope.UNKNOWN).id();
            OutboundMail quarantined = gw.db.inTransaction(r -> gw.services.adminAlert.quarantined(r, r.inbound().find(id).orElseThrow(),
                    "unreadable: no header", gw.clock.instant()));
            String q = russianStaffMail(quarantined, "Входящее письмо " + id + " отложено в карантин");
            assertTrue(q.contains("Получено: пятница, 20 ноября 2026, 12:00 (МСК)"), q);
            assertTrue(q.contains("GET /api/inbound/" + id + "/raw"), "the API named for the operator, not linked: " + q);

            gw.services.refusedDeliveries.refused();
            String refused = russianStaffMail(only(sent(gw, MailKind.ADMIN_ALERT, "admin@frontdesk.test")), "Мы отклонили доставку на /api/inbound");
            assertTrue(refused.contains("http://frontdesk.test/health/ready"), "a page the browser opens: " + refused);
        }
        try (GatewayFixture gw = gateway(Map.of("FRONTDESK_TRUSTED_AUTHSERV_IDS", ""))) {
            write(gw, TestMail.from("x@y.example").subject("x"));
            russianStaffMail(only(sent(gw, MailKind.ADMIN_ALERT, "admin@frontdesk.test")), "Мы не можем проверить ни одного отправителя");
        }
    }

    @Test
    void theHeldSuspensionNoticeToTheManagerAndBillingsUpdate() throws Exception {
        try (GatewayFixture gw = gateway()) {
            long account = romashka(gw);
            at(gw, "2026-11-20T16:00");
            gw.services.payments.recordEvidence(account, "118", LocalDate.of(2026, 11, 20), Money.of("1500.00", "RUB"), null);
            at(gw, "2026-11-21T10:00");
            long notice = suspension(gw, account).noticeId();
            String held = russianStaffMail(only(sent(gw, MailKind.MANAGER_ALERT, OLGA)), "Биллинг хотел отправить клиенту ООО «Ромашка»"
                    + " уведомление о приостановке обслуживания (№ " + notice + "), но мы его задержали");
            assertTrue(held.contains("- Клиент прислал платёжное поручение № 118 от 20 ноября 2026 на 1 500,00 ₽; пока платёж идёт через банк,"
                    + " ждём до среды, 25 ноября 2026, 18:00 (МСК)."), held);
            assertTrue(held.contains("- Оно пришло бы клиенту в субботу, 21 ноября 2026, 10:00 (МСК), когда ответить ему некому; уйдёт"
                    + " в понедельник, 23 ноября 2026, 09:00 (МСК)."), held);
            assertTrue(held.contains("Проверим ещё раз в среду, 25 ноября 2026, 18:00 (МСК);"), held);
            assertTrue(held.contains(CONSOLE + "notices/" + notice) && held.contains(CONSOLE + "accounts/" + account), held);

            at(gw, "2026-11-23T09:30");
            gw.services.payments.record(List.of(new PaymentDraft("api:1", Money.of("1500.00", "RUB"), LocalDate.of(2026, 11, 23),
                    LocalDate.of(2026, 11, 23), "7707083893", null, "INV-2026-0042", PaymentSource.API)));
            String billing = russianStaffMail(only(sent(gw, MailKind.BILLING_UPDATE, "billing@frontdesk.test")),
                    "остановлено: клиенту оно не уйдёт");
            assertTrue(billing.contains("- Счёт INV-2026-0042 оплачен полностью (1 500,00 ₽ из 1 500,00 ₽).\n  Код: INVOICE_PAID"), billing);
            assertTrue(billing.contains(CONSOLE + "notices/" + notice), billing);
        }
    }

    @Test
    void thePaymentOrderTheManagerIsToldOfAndTheQuestionWhichAccountItIsFor() throws Exception {
        try (GatewayFixture gw = gateway()) {
            long account = romashka(gw);
            long id = gw.intake.accept(TestMail.from("buh@romashka.example").subject("Оплата").rawHeaderCharset(StandardCharsets.UTF_8)
                    .body("Направляем платёжное поручение № 118 от 20.11.2026 на сумму 1 500,00 руб.\r\n").bytes(), Envelope.UNKNOWN).id();
            gw.processAll();
            OutboundMail noted = gw.db.inTransaction(r -> r.outbox().causedBy(id)).stream().filter(m -> m.kind() == MailKind.MANAGER_ALERT)
                    .findFirst().orElseThrow();
            String text = russianStaffMail(noted, "Пришло платёжное поручение клиента ООО «Ромашка». Отправитель: buh@romashka.example.");
            assertTrue(text.contains("  сумма: 1 500,00 ₽") && text.contains("  дата:  20 ноября 2026"), text);
            assertTrue(text.contains("до конца дня 25 ноября 2026"), text);
            assertTrue(text.contains(CONSOLE + "accounts/" + account), text);

            long other = gw.accounts.create(new AccountDraft("ООО «Василёк»", List.of("vasilek.example"),
                    List.of(new AccountDraft.ContactDraft("office@vasilek.example", "Офис", "ru")),
                    new AccountDraft.ManagerDraft("Ольга Смирнова", OLGA), List.of()), "test");
            long fwd = gw.intake.accept(TestMail.from(OLGA).subject("Fwd: payment").body("Payment order No. 9 dated 20.11.2026, amount 1500.00 RUB")
                    .bytes(), Envelope.UNKNOWN).id();
            gw.processAll();
            String unclear = russianStaffMail(only(gw.db.inTransaction(r -> r.outbox().causedBy(fwd))), "мы его пока НЕ записали");
            assertTrue(unclear.contains("- ООО «Василёк»: " + CONSOLE + "accounts/" + other), unclear);
            assertTrue(unclear.contains("- ООО «Ромашка»: " + CONSOLE + "accounts/" + account), unclear);
        }
    }

    @Test
    void aConsoleUserReadsInTheirOwnLanguageEachRecipientInTheirs() throws Exception {
        try (GatewayFixture gw = gateway()) {
            long account = romashka(gw);
            staff(gw, "lead@frontdesk.test", "Lead", StaffRole.LEAD, "en");
            write(gw, TestMail.from("ceo@romashka.example").subject("Вопрос").body("Почему нам грозит приостановка?"));
            assertTrue(Mails.text(only(sent(gw, MailKind.MANAGER_ALERT, OLGA)).raw()).startsWith("Здравствуйте, Ольга Смирнова!"),
                    "Olga signs in nowhere: the staff's language");

            write(gw, TestMail.from("buh@romashka.example").subject("Заказ 77 не доставили").body("Заказ 77 не доставили, хотя обещали вчера."));
            gw.clock.advance(Duration.ofDays(1));
            write(gw, TestMail.from("buh@romashka.example").subject("Re: Заказ 77 не доставили").body("Опять не привезли. Что происходит?"));
            OutboundMail toLead = only(sent(gw, MailKind.MANAGER_ALERT, "lead@frontdesk.test"));
            assertEquals(List.of("lead@frontdesk.test"), toLead.recipients(), "a mail of its own in the lead's language");
            assertTrue(Mails.subject(toLead.raw()).equals("Red flag: ООО «Ромашка»"), Mails.subject(toLead.raw()));
            assertTrue(Mails.text(toLead.raw()).contains("Friday, 20 November 2026, 12:00 (MSK): a complaint"), Mails.text(toLead.raw()));
            assertTrue(Mails.text(toLead.raw()).contains(CONSOLE + "accounts/" + account));
            assertTrue(sent(gw, MailKind.MANAGER_ALERT, OLGA).stream().anyMatch(m -> Mails.subject(m.raw()).equals("Красный флаг: ООО «Ромашка»")));
        }
    }

    private static Viewer staff(GatewayFixture gw, String email, String name, StaffRole role, String lang) {
        gw.services.staff.ensureFirstAdmin("admin@frontdesk.test", Optional.of("first-admin-password"), gw.dataDir.resolve("secrets"),
                Locale.forLanguageTag("ru"));
        Viewer admin = gw.services.staff.viewer("admin@frontdesk.test").orElseThrow();
        return gw.services.staff.create(admin, email, name, Set.of(role), Locale.forLanguageTag(lang), "a-long-enough-password");
    }
}
