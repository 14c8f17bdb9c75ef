package app.frontdesk.application.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.application.accounts.AccountDraft;
import app.frontdesk.domain.model.inbound.Envelope;
import app.frontdesk.domain.model.outbox.MailKind;
import app.frontdesk.domain.model.outbox.OutboundMail;
import app.frontdesk.domain.model.task.Task;
import app.frontdesk.domain.model.task.TaskKind;
import app.frontdesk.domain.model.task.TaskState;
import app.frontdesk.infrastructure.persistence.DatabaseSettings;
import app.frontdesk.testkit.GatewayFixture;
import app.frontdesk.testkit.Mails;
import app.frontdesk.testkit.TestMail;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 14, item 3: promises are kept or not made. Every call or answer a text promises is a task with a
 * due time in business hours and the person who owes it; the manager's alerts show them; an overdue one
 * goes to the support lead, once.
 */
class PromisedTasksTest {

    private static final ZoneId MSK = ZoneId.of("Europe/Moscow");
    private static final String OLGA = "olga@frontdesk.test";
    private static final String LEAD = "lead@frontdesk.test";

    private static GatewayFixture gateway(DatabaseSettings db) {
        return new GatewayFixture(db, Map.of("FRONTDESK_SUPPORT_LEAD_ADDRESS", LEAD, "FRONTDESK_HEAD_OF_SUPPORT_ADDRESS", "head@frontdesk.test"));
    }

    private static void at(GatewayFixture gw, String mskLocal) {
        gw.clock.set(LocalDateTime.parse(mskLocal).atZone(MSK).toInstant());
    }

    private static long romashka(GatewayFixture gw) throws Exception {
        return gw.accounts.create(new AccountDraft("ООО «Ромашка»", List.of("romashka.example"),
                List.of(new AccountDraft.ContactDraft("buh@romashka.example", "Бухгалтерия", "ru")),
                new AccountDraft.ManagerDraft("Ольга", OLGA)), "test");
    }

    private static void write(GatewayFixture gw, String from, String subject, String body) throws Exception {
        gw.intake.accept(TestMail.from(from).subject(subject).rawHeaderCharset(StandardCharsets.UTF_8).body(body).bytes(), Envelope.UNKNOWN);
        gw.processAll();
    }

    private static List<OutboundMail> outbox(GatewayFixture gw, MailKind kind, String to) {
        return gw.db.inTransaction(r -> r.outbox().claimDue(gw.clock.instant().plus(Duration.ofDays(30)), 1000)).stream()
                .filter(m -> m.kind() == kind && m.recipients().contains(to)).toList();
    }

    private static List<Task> open(GatewayFixture gw, String assignee) {
        return gw.services.tasks.list(Optional.of(assignee), Optional.of(TaskState.OPEN), 100, t -> t);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void aRedFlagRaisedOnSaturdayPromisesACallDueOnMondayInBusinessHoursAndEveryTextPromisesThatDay(String name,
                                                                                                   Supplier<DatabaseSettings> db)
            throws Exception {
        try (GatewayFixture gw = gateway(db.get())) {
            long account = romashka(gw);
            at(gw, "2026-11-27T15:00"); // Friday
            write(gw, "buh@romashka.example", "Заказ 77 не доставили", "Добрый день! Заказ 77 не доставили, хотя обещали вчера.");
            assertEquals(List.of(), open(gw, OLGA), "one complaint promises nothing yet");

            at(gw, "2026-11-28T10:00"); // Saturday: the second bad experience raises the flag
            write(gw, "buh@romashka.example", "Re: Заказ 77 не доставили", "Опять не привезли. Что происходит?");
            assertTrue(gw.services.care.timeline(account).flagged());
            List<Task> tasks = open(gw, OLGA);
            assertEquals(1, tasks.size(), tasks.toString());
            Task call = tasks.get(0);
            assertEquals(TaskKind.CALL, call.kind());
            assertEquals(Optional.of(account), call.accountId());
            ZonedDateTime due = call.dueAt().atZone(MSK);
            assertEquals(DayOfWeek.MONDAY, due.getDayOfWeek(), "not on the weekend: " + due);
            assertEquals(LocalDateTime.parse("2026-11-30T11:00"), due.toLocalDateTime(), "two business hours into Monday");
            assertTrue(gw.settings.calendar().isBusinessTime(call.dueAt().minusSeconds(1)), "due within business hours");
            assertTrue(call.promise().startsWith("call ООО «Ромашка»: red flag after 2 bad experiences (complaint, repeat contact)"),
                    "written in the language of whoever owes it (Olga has no staff account: the standard, English): " + call.promise());

            // the red-flag alert shows the promise with its time
            List<OutboundMail> alert = outbox(gw, MailKind.MANAGER_ALERT, OLGA);
            assertEquals(1, alert.size());
            String playbook = Mails.text(alert.get(0).raw());
            assertTrue(playbook.contains("- by Monday, 30 November 2026, 11:00 (MSK): call ООО «Ромашка»; owed by " + OLGA), playbook);
            assertTrue(playbook.contains("Ask the customer what would make it right"), playbook);
            assertTrue(playbook.contains("they wrote again about the same thing") && !playbook.contains("REPEAT_CONTACT"), "named in words: " + playbook);

            // the CEO writes from an address not on file: the colleague asked reads what went wrong, and the same Monday
            at(gw, "2026-11-28T11:00");
            write(gw, "Иван Петров <ceo@romashka.example>", "Приостановка?", "Мы оплатили счёт в пятницу.");
            List<OutboundMail> asked = outbox(gw, MailKind.AUTHORIZATION_REQUEST, "buh@romashka.example");
            assertEquals(1, asked.size());
            String text = Mails.text(asked.get(0).raw());
            assertTrue(text.contains("вы написали нам о проблеме («Заказ 77 не доставили»)"), "names what went wrong: " + text);
            assertTrue(text.contains("вам пришлось снова писать нам о том же"), text);
            assertFalse(text.contains("что-то идёт не так"), "not an unnamed \"something\": " + text);
            assertTrue(text.contains("позвонит вам в понедельник, 30 ноября"), text);
            assertFalse(text.contains("сегодня"), "nobody works on Saturday: " + text);

            List<Task> now = open(gw, OLGA);
            assertEquals(1, now.stream().filter(t -> t.kind() == TaskKind.CALL).count(), "one call, promised once: " + now);
            Task answer = now.stream().filter(t -> t.kind() == TaskKind.ANSWER).findFirst().orElseThrow();
            assertEquals(Optional.of("ceo@romashka.example"), answer.promisedTo());
            assertEquals(LocalDateTime.parse("2026-11-30T13:00"), answer.dueAt().atZone(MSK).toLocalDateTime(), "the reply's deadline");

            // the manager's alert for the stranger's message says what was promised, by when
            String caseAlert = outbox(gw, MailKind.MANAGER_ALERT, OLGA).stream().map(m -> Mails.text(m.raw()))
                    .filter(t -> t.contains("ceo@romashka.example")).findFirst().orElseThrow();
            assertTrue(caseAlert.contains("What we have promised and not yet done"), caseAlert);
            assertTrue(caseAlert.contains("- by Monday, 30 November 2026, 11:00 (MSK): call ООО «Ромашка»"), caseAlert);
            assertTrue(caseAlert.contains("- by Monday, 30 November 2026, 13:00 (MSK): answer ceo@romashka.example on FD-"), caseAlert);
        }
    }

    /** The console shows a task as it was written: in the words of the person who owes it, here Russian. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void aTaskIsWrittenInTheLanguageOfThePersonWhoOwesIt(String name, Supplier<DatabaseSettings> db) throws Exception {
        try (GatewayFixture gw = gateway(db.get())) {
            gw.db.inTransaction(r -> {
                r.staff().add(new app.frontdesk.domain.model.staff.StaffUser(OLGA, "Ольга Смирнова",
                        java.util.Set.of(app.frontdesk.domain.model.staff.StaffRole.MANAGER), java.util.Locale.forLanguageTag("ru"), "x", gw.clock.instant()));
                return null;
            });
            romashka(gw);
            at(gw, "2026-11-27T15:00");
            write(gw, "buh@romashka.example", "Заказ 77 не доставили", "Добрый день! Заказ 77 не доставили, хотя обещали вчера.");
            at(gw, "2026-11-28T10:00");
            write(gw, "buh@romashka.example", "Re: Заказ 77 не доставили", "Опять не привезли. Что происходит?");
            at(gw, "2026-11-28T11:00");
            write(gw, "Иван Петров <ceo@romashka.example>", "Приостановка?", "Мы оплатили счёт в пятницу.");
            List<Task> tasks = open(gw, OLGA);
            Task call = tasks.stream().filter(t -> t.kind() == TaskKind.CALL).findFirst().orElseThrow();
            assertEquals("позвонить клиенту ООО «Ромашка»: красный флаг после 2 неудачных случаев (жалоба, повторное обращение);"
                    + " спросить, что исправит положение", call.promise());
            Task answer = tasks.stream().filter(t -> t.kind() == TaskKind.ANSWER).findFirst().orElseThrow();
            assertTrue(answer.promise().matches("ответить ceo@romashka\\.example по обращению FD-\\S+ в срок, названный в письмах"), answer.promise());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void anOverdueTaskGoesToTheSupportLeadOnceAndAnAnswerTaskIsDoneWhenItsCaseIsResolved(String name, Supplier<DatabaseSettings> db)
            throws Exception {
        try (GatewayFixture gw = gateway(db.get())) {
            long account = romashka(gw);
            at(gw, "2026-11-27T15:00"); // Friday: the answer is promised within 4 business hours, Monday 10:00
            write(gw, "Иван Петров <ceo@romashka.example>", "Вопрос по договору", "Добрый день, у меня вопрос по договору.");
            Task answer = open(gw, OLGA).get(0);
            assertEquals(TaskKind.ANSWER, answer.kind());
            assertEquals(Instant.parse("2026-11-30T07:00:00Z"), answer.dueAt());

            at(gw, "2026-11-30T09:59");
            gw.services.housekeepingDue();
            assertEquals(List.of(), outbox(gw, MailKind.TASK_ALERT, LEAD), "not overdue yet");

            at(gw, "2026-11-30T10:01");
            gw.services.housekeepingDue();
            List<OutboundMail> escalated = outbox(gw, MailKind.TASK_ALERT, LEAD);
            assertEquals(1, escalated.size());
            assertEquals(List.of(LEAD), escalated.get(0).recipients());
            String text = Mails.text(escalated.get(0).raw());
            assertTrue(Mails.subject(escalated.get(0).raw()).contains("Promises to customers overdue: 1"), Mails.subject(escalated.get(0).raw()));
            assertTrue(text.contains("answer ceo@romashka.example on FD-") && text.contains("owed by " + OLGA)
                    && text.contains("Monday, 30 November 2026, 10:00 (MSK)"), text);
            assertTrue(java.util.regex.Pattern.compile("\\(task \\d+\\): https?://[^/]+/console/cases/\\d+\n").matcher(text).find(),
                    "each task links to its case's page: " + text);
            assertTrue(text.matches("(?s).*\"Mark done\" button: https?://[^/]+/console/\n.*"), "and to Needs me, where it is marked done: " + text);
            Task told = open(gw, OLGA).stream().filter(t -> t.kind() == TaskKind.ANSWER).findFirst().orElseThrow();
            assertEquals(Optional.of(LEAD), told.escalatedTo());
            assertEquals(TaskState.OPEN, told.state(), "escalated, still owed");

            at(gw, "2026-11-30T15:00");
            gw.services.housekeepingDue();
            gw.clock.advance(Duration.ofDays(1));
            gw.services.housekeepingDue();
            // (the missed deadline was the account's second bad experience: the red flag's call is a task of its own, told apart)
            assertEquals(1, outbox(gw, MailKind.TASK_ALERT, LEAD).stream().filter(m -> Mails.text(m.raw()).contains("answer ceo@")).count(),
                    "once");

            // the manager confirms the sender: the case is resolved, and the promised answer is no longer owed
            long caseId = told.caseId().orElseThrow();
            gw.services.caseActions.resolve(caseId, "admin-api: olga", "called Ivan, he is the CEO", account).orElseThrow();
            gw.services.housekeepingDue();
            assertEquals(List.of(), open(gw, OLGA).stream().filter(t -> t.kind() == TaskKind.ANSWER).toList());
            Task done = gw.services.tasks.list(Optional.of(OLGA), Optional.of(TaskState.DONE), 10, t -> t).get(0);
            assertEquals(told.id(), done.id());
            assertEquals(Optional.of("frontdesk"), done.doneBy());
            assertTrue(done.note().orElse("").endsWith("resolved"), done.note().toString());
        }
    }
}
