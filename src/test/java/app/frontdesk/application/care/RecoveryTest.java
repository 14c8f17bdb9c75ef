package app.frontdesk.application.care;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.application.accounts.AccountDraft;
import app.frontdesk.application.dunning.NoticeDesk;
import app.frontdesk.application.dunning.NoticeRequest;
import app.frontdesk.application.payments.PaymentDraft;
import app.frontdesk.application.wording.Finding;
import app.frontdesk.application.wording.Purpose;
import app.frontdesk.domain.model.billing.Invoice;
import app.frontdesk.domain.model.billing.Money;
import app.frontdesk.domain.model.billing.NoticeKind;
import app.frontdesk.domain.model.billing.NoticeState;
import app.frontdesk.domain.model.billing.PaymentSource;
import app.frontdesk.domain.model.care.ExperienceKind;
import app.frontdesk.domain.model.outbox.MailKind;
import app.frontdesk.domain.model.outbox.OutboundMail;
import app.frontdesk.domain.model.task.Task;
import app.frontdesk.domain.model.task.TaskKind;
import app.frontdesk.domain.model.task.TaskState;
import app.frontdesk.infrastructure.persistence.DatabaseSettings;
import app.frontdesk.testkit.GatewayFixture;
import app.frontdesk.testkit.Mails;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 14, items 2 and 4: a notice that went out and is later found wrong (a payment dated before it
 * was sent) is one bad experience and a recovery the manager owes; the recovery mail with the chosen
 * offer reads right in both languages. A notice held or blocked never reached the customer and counts nothing.
 */
class RecoveryTest {

    private static final ZoneId MSK = ZoneId.of("Europe/Moscow");
    private static final String OLGA = "olga@frontdesk.test";
    private static final String ANNA = "anna@romashka.example";

    private static GatewayFixture gateway(DatabaseSettings db) {
        return new GatewayFixture(db, Map.of("FRONTDESK_SUPPORT_LEAD_ADDRESS", "lead@frontdesk.test", "FRONTDESK_COMPANY_NAME", "Альфа-Сервис"));
    }

    private static void at(GatewayFixture gw, String mskLocal) {
        gw.clock.set(LocalDateTime.parse(mskLocal).atZone(MSK).toInstant());
    }

    private static long romashka(GatewayFixture gw) throws Exception {
        long account = gw.accounts.create(new AccountDraft("ООО «Ромашка»", List.of("romashka.example"),
                List.of(new AccountDraft.ContactDraft(ANNA, "Анна Петрова", "ru")), new AccountDraft.ManagerDraft("Ольга Смирнова", OLGA),
                List.of(new AccountDraft.ReferenceDraft("INN", "7707083893"))), "test");
        gw.db.inTransaction(r -> {
            r.billing().add(new Invoice("INV-2026-0042", account, Money.of("1500.00", "RUB"), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 15)));
            return null;
        });
        return account;
    }

    private static NoticeDesk.Answer suspension(GatewayFixture gw, long account) {
        return gw.services.notices.submit(new NoticeDesk.Submission(new NoticeRequest(account, NoticeKind.SUSPENSION, List.of("INV-2026-0042"),
                Money.of("1500.00", "RUB"), null), List.of(ANNA), "Приостановка обслуживания", "Счёт INV-2026-0042 не оплачен.", null, "B-77"));
    }

    /** The bank's statement: the customer paid the invoice on {@code paidOn}. */
    private static void paid(GatewayFixture gw, String id, LocalDate paidOn) {
        gw.services.payments.record(List.of(new PaymentDraft(id, Money.of("1500.00", "RUB"), paidOn, paidOn, "7707083893", null,
                "Оплата по счёту INV-2026-0042", PaymentSource.API)));
    }

    private static List<OutboundMail> outbox(GatewayFixture gw, MailKind kind) {
        return gw.db.inTransaction(r -> r.outbox().claimDue(gw.clock.instant().plus(Duration.ofDays(30)), 1000)).stream()
                .filter(m -> m.kind() == kind).toList();
    }

    private static List<Task> tasks(GatewayFixture gw, TaskState state) {
        return gw.services.tasks.list(Optional.of(OLGA), Optional.of(state), 100, t -> t);
    }

    private static List<ExperienceKind> experiences(GatewayFixture gw, long account) {
        return gw.services.care.timeline(account).experiences().stream().map(e -> e.kind()).toList();
    }

    private static void readsRight(GatewayFixture gw, OutboundMail mail, Locale lang) {
        for (String text : List.of(Mails.subject(mail.raw()) + "\n" + Mails.text(mail.raw()), Mails.html(mail.raw()).replaceAll("<[^>]+>", " "))) {
            List<Finding> findings = gw.services.wording.check(text, Optional.of(lang), Purpose.RECOVERY, Optional.empty()).findings();
            assertEquals(List.of(), findings, text);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void aNoticeSentThenAPaymentDatedBeforeItIsOneRecoveryTaskOneBadExperienceAndTheRecoveryMailReadsRight(String name,
                                                                                                         Supplier<DatabaseSettings> db)
            throws Exception {
        try (GatewayFixture gw = gateway(db.get())) {
            long account = romashka(gw);
            at(gw, "2026-11-24T10:00"); // Tuesday: nothing known of a payment, so the gate lets it go
            NoticeDesk.Answer notice = suspension(gw, account);
            assertEquals(NoticeState.QUEUED, notice.state());
            gw.services.dispatcher.dispatchDue();
            assertEquals(NoticeState.SENT, gw.db.inTransaction(r -> r.billing().notice(notice.noticeId()).orElseThrow().state()));
            assertEquals(List.of(), experiences(gw, account), "a notice that was right when it went out is nobody's bad experience");

            at(gw, "2026-11-25T11:00"); // Wednesday's statement: they had paid on Monday
            paid(gw, "bank:2026-11-23-1", LocalDate.of(2026, 11, 23));
            assertEquals(List.of(ExperienceKind.WRONG_NOTICE), experiences(gw, account));
            List<Task> owed = tasks(gw, TaskState.OPEN);
            assertEquals(1, owed.size(), owed.toString());
            Task recovery = owed.get(0);
            assertEquals(TaskKind.RECOVERY, recovery.kind());
            assertEquals(Optional.of(notice.noticeId()), recovery.noticeId());
            assertTrue(gw.settings.calendar().isBusinessTime(recovery.dueAt().minusSeconds(1)), "due in business hours");
            List<OutboundMail> told = outbox(gw, MailKind.TASK_ALERT);
            assertEquals(1, told.size());
            assertEquals(List.of(OLGA), told.get(0).recipients());
            String toManager = Mails.text(told.get(0).raw());
            assertTrue(toManager.contains("went to the customer on 24 November 2026, although payment bank:2026-11-23-1 dated"
                    + " 23 November 2026 had paid invoice INV-2026-0042"), toManager);
            assertTrue(toManager.contains("/console/accounts/" + account) && !toManager.contains("/api/") && toManager.contains("- free-month: "),
                    toManager);

            // the same facts again change nothing: one task, one experience
            gw.services.notices.recheckAccount(account, "payment-arrived");
            paid(gw, "bank:2026-11-23-1", LocalDate.of(2026, 11, 23)); // the statement imported twice
            assertEquals(List.of(ExperienceKind.WRONG_NOTICE), experiences(gw, account));
            assertEquals(1, tasks(gw, TaskState.OPEN).size());

            // the manager chooses the offer: the recovery mail goes to whoever got the notice, in her language
            RecoveryDesk.Sent sent = gw.services.recovery.send(new RecoveryDesk.Request(account, "free-month",
                    "24 ноября мы прислали вам уведомление о приостановке обслуживания по счёту INV-2026-0042, хотя 23 ноября вы его уже оплатили",
                    "уведомление отозвано, обслуживание ни на минуту не прерывалось",
                    "уведомления о приостановке теперь ждут выписку банка за предыдущий день", List.of(), null, "admin-api: olga"));
            assertEquals(List.of(ANNA), sent.to());
            assertEquals("ru", sent.language().getLanguage());
            List<OutboundMail> mails = outbox(gw, MailKind.RECOVERY);
            assertEquals(1, mails.size());
            String ru = Mails.text(mails.get(0).raw());
            assertTrue(ru.startsWith("Здравствуйте, Анна Петрова!"), ru);
            assertTrue(ru.contains("Мы ошиблись, и ошибка наша, а не ваша. 24 ноября мы прислали вам уведомление о приостановке обслуживания"
                    + " по счёту INV-2026-0042, хотя 23 ноября вы его уже оплатили. Простите нас."), "names the mistake, apologises: " + ru);
            assertTrue(ru.contains("Что мы уже исправили: уведомление отозвано") && ru.contains("Что мы меняем, чтобы это не повторилось:"), ru);
            assertTrue(ru.contains("Скажите, пожалуйста, что ещё мы можем сделать, чтобы исправить ситуацию для вас?"), ru);
            assertTrue(ru.contains("сверх него: следующий месяц обслуживания за наш счёт"), "beyond the fix, the configured text: " + ru);
            assertTrue(ru.contains("Ольга Смирнова позвонит вам сегодня") && ru.contains("Ваш персональный менеджер: Ольга Смирнова, телефон"
                    + " +7 495 123-45-67, " + OLGA), "a person with a phone, who calls: " + ru);
            assertTrue(ru.contains("Альфа-Сервис") && !ru.contains("Frontdesk"), ru);
            assertTrue(Mails.subject(mails.get(0).raw()).contains("Мы ошиблись"), Mails.subject(mails.get(0).raw()));
            readsRight(gw, mails.get(0), Locale.forLanguageTag("ru"));

            // the recovery is done; the call it promises is owed, due in business hours today
            assertEquals(List.of(recovery.id()), sent.tasksDone());
            List<Task> after = tasks(gw, TaskState.OPEN);
            assertEquals(List.of(TaskKind.CALL), after.stream().map(Task::kind).toList());
            assertEquals(LocalDateTime.parse("2026-11-25T13:00"), after.get(0).dueAt().atZone(MSK).toLocalDateTime());

            // in English, with another offer
            gw.services.recovery.send(new RecoveryDesk.Request(account, "priority-support",
                    "On 24 November we sent you a suspension notice for invoice INV-2026-0042, which you had paid on 23 November",
                    "the notice is withdrawn and your service was never interrupted",
                    "suspension notices now wait for the previous day's bank statement", List.of(ANNA), Locale.ENGLISH, "admin-api: olga"));
            OutboundMail en = outbox(gw, MailKind.RECOVERY).get(1);
            String english = Mails.text(en.raw());
            assertTrue(english.contains("we made a mistake, and it is ours, not yours. On 24 November we sent you a suspension notice"), english);
            assertTrue(english.contains("What else can we do to make this right for you?")
                    && english.contains("on top of the fix: three months of priority support free of charge"), english);
            assertTrue(english.contains("Ольга Смирнова will call you today"), english);
            readsRight(gw, en, Locale.ENGLISH);
            assertEquals(1, tasks(gw, TaskState.OPEN).size(), "the same call");

            // words that blame the customer are refused, and nothing is sent
            RecoveryDesk.Refused refused = assertThrows(RecoveryDesk.Refused.class, () -> gw.services.recovery.send(new RecoveryDesk.Request(
                    account, "discount", "мы напомнили вам про ваш долг по счёту INV-2026-0042", "уведомление отозвано", "проверяем выписку",
                    List.of(), null, "admin-api: olga")));
            assertTrue(refused.findings().stream().anyMatch(f -> f.rule().equals("debt")), refused.findings().toString());
            assertEquals(2, outbox(gw, MailKind.RECOVERY).size());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void aNoticeHeldAndBlockedThatNeverReachedTheCustomerCountsNoExperience(String name, Supplier<DatabaseSettings> db) throws Exception {
        try (GatewayFixture gw = gateway(db.get())) {
            long account = romashka(gw);
            at(gw, "2026-11-20T16:00"); // Friday: the payment order
            gw.services.payments.recordEvidence(account, "118", LocalDate.of(2026, 11, 20), Money.of("1500.00", "RUB"), null);
            at(gw, "2026-11-21T10:00"); // Saturday: billing's suspension notice is held
            NoticeDesk.Answer notice = suspension(gw, account);
            assertEquals(NoticeState.HELD, notice.state());
            at(gw, "2026-11-23T10:00"); // Monday's statement: paid on Friday; the notice is blocked
            paid(gw, "bank:2026-11-20-1", LocalDate.of(2026, 11, 20));
            assertEquals(NoticeState.BLOCKED, gw.db.inTransaction(r -> r.billing().notice(notice.noticeId()).orElseThrow().state()));

            assertEquals(List.of(), experiences(gw, account), "the customer never saw it");
            assertFalse(gw.services.care.timeline(account).flagged());
            assertEquals(List.of(), tasks(gw, TaskState.OPEN), "nothing to make right");
            assertEquals(List.of(), outbox(gw, MailKind.TASK_ALERT));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void aPaymentMadeOnTheDayTheNoticeWentOutDoesNotMakeItWrong(String name, Supplier<DatabaseSettings> db) throws Exception {
        try (GatewayFixture gw = gateway(db.get())) {
            long account = romashka(gw);
            at(gw, "2026-11-24T10:00");
            suspension(gw, account);
            gw.services.dispatcher.dispatchDue();
            at(gw, "2026-11-25T11:00");
            paid(gw, "bank:2026-11-24-1", LocalDate.of(2026, 11, 24)); // it may have followed the notice
            assertEquals(List.of(), experiences(gw, account));
            assertEquals(List.of(), tasks(gw, TaskState.OPEN));
        }
    }
}
