package app.frontdesk.application.tasks;

import app.frontdesk.application.Repositories;
import app.frontdesk.application.outbox.StaffMails;
import app.frontdesk.application.texts.StaffReader;
import app.frontdesk.application.texts.Text;
import app.frontdesk.domain.model.account.Account;
import app.frontdesk.domain.model.outbox.MailKind;
import app.frontdesk.domain.model.outbox.OutboundMail;
import app.frontdesk.domain.model.supportcase.SupportCase;
import app.frontdesk.domain.model.task.Task;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tasks as staff read them: one line per task in the reader's language and zone ("до понедельника,
 * 30 ноября 2026, 11:00 (МСК): позвонить клиенту ООО «Ромашка»") for the alerts that show what was
 * promised, and the task-alert mail (written through {@link StaffMails}): overdue tasks to the support
 * lead, a new recovery task to the person who owes it.
 */
public final class TaskMails {

    /**
     * Who reads these mails and how they are written.
     *
     * @param mails writes staff mails: the reader's language and zone, the company's name, console links
     */
    public record Staff(String supportLead, StaffMails mails) {
    }

    private final Staff staff;

    public TaskMails(Staff staff) {
        this.staff = staff;
    }

    public Staff staff() {
        return staff;
    }

    /** Who reads mail sent to this address (a console user in their own language). */
    public StaffReader reader(Repositories repos, String address) {
        return staff.mails().reader(repos, address);
    }

    /** The tasks as lines for a staff template ({@code {{#tasks}}- {{due}}: {{what}}{{/tasks}}}). */
    public List<Map<String, Object>> lines(Repositories repos, List<Task> tasks, StaffReader reader, Instant now) {
        Map<Long, String> names = new HashMap<>();
        return tasks.stream().sorted(Comparator.comparing(Task::dueAt).thenComparing(Task::id)).map(t -> {
            String account = t.accountId().map(a -> names.computeIfAbsent(a, id -> repos.accounts().find(id).map(Account::name)
                    .orElse("#" + id))).orElse("");
            Map<String, Object> m = new HashMap<>();
            m.put("id", t.id());
            m.put("what", what(t, account, reader.ru()));
            m.put("due", by(reader, t.dueAt()));
            m.put("overdue", t.isOverdue(now));
            m.put("assignee", t.assignee());
            m.put("account", account);
            m.put("reference", t.caseId().map(SupportCase::reference).orElse(""));
            m.put("promise", t.promise());
            // the page to act on: the case a promised answer is about, else the account
            m.put("url", t.caseId().map(c -> staff.mails().caseUrl(c)).or(() -> t.accountId().map(a -> staff.mails().accountUrl(a))).orElse(""));
            return m;
        }).toList();
    }

    /** A deadline after nothing: "до понедельника, 30 ноября 2026, 11:00 (МСК)", "by Monday, 30 November 2026, 11:00 (MSK)". */
    static String by(StaffReader reader, Instant t) {
        return reader.ru() ? reader.until(t) : "by " + reader.moment(t);
    }

    /** What the task asks for, in the reader's language. */
    static String what(Task t, String account, boolean ru) {
        String to = t.promisedTo().orElse(account);
        return switch (t.kind()) {
            case ANSWER -> (ru ? "ответить " : "answer ") + to + t.caseId().map(c -> (ru ? " по обращению " : " on ") + SupportCase.reference(c)).orElse("");
            case CALL -> (ru ? "позвонить клиенту " : "call ") + (account.isEmpty() ? to : account)
                    + (account.isEmpty() || to.equals(account) ? "" : " (" + to + ")");
            case RECOVERY -> ru ? "исправить нашу ошибку перед клиентом " + account + " (выбрать, что предложить, и отправить письмо с извинениями)"
                    : "make our mistake right with " + account + " (choose an offer and send the recovery mail)";
        };
    }

    /** To the support lead: these tasks are overdue and nobody marked them done (each is told once). */
    public OutboundMail overdue(Repositories repos, List<Task> tasks, Instant now) {
        StaffReader reader = reader(repos, staff.supportLead());
        Map<String, Object> model = common(reader);
        model.put("overdue", Map.of("count", tasks.size()));
        model.put("recovery", false);
        model.put("tasks", lines(repos, tasks, reader, now));
        Instant earliest = tasks.stream().map(Task::dueAt).min(Comparator.naturalOrder()).orElse(now);
        model.put("deadline", Map.of("when", by(reader, earliest)));
        return mail(repos, reader, model, List.of(staff.supportLead()), null, now);
    }

    /**
     * To the person who owes a new recovery task: what went wrong, by when to act, and the offers to choose from.
     *
     * @param reader  who owes it (see {@link #reader}); the mistake and the offers are in their language
     * @param offers  each offer's kind and its text in the reader's language
     */
    public OutboundMail recoveryTask(Repositories repos, StaffReader reader, Task task, String mistake, Map<String, String> offers, Instant now) {
        Map<String, Object> model = common(reader);
        model.put("overdue", false);
        model.put("tasks", lines(repos, List.of(task), reader, now));
        long accountId = task.accountId().orElse(0L);
        model.put("recovery", Map.of("mistake", mistake, "accountId", accountId, "accountUrl", staff.mails().accountUrl(accountId),
                "offers", offers.entrySet().stream().map(e -> Map.of("kind", e.getKey(), "text", e.getValue())).toList()));
        model.put("deadline", Map.of("when", by(reader, task.dueAt())));
        return mail(repos, reader, model, List.of(task.assignee()), task.accountId().orElse(null), now);
    }

    private Map<String, Object> common(StaffReader reader) {
        // no link to the JSON API (a browser cannot use it): console pages only; a task is marked done on "Needs me"
        Map<String, Object> m = staff.mails().model(reader);
        m.put("needsUrl", staff.mails().console(""));
        return m;
    }

    private OutboundMail mail(Repositories repos, StaffReader reader, Map<String, Object> model, List<String> to, Long accountId, Instant now) {
        var mail = staff.mails().write(Text.TASK_ALERT, reader, model, to, "auto-generated", null, now);
        return new OutboundMail(MailKind.TASK_ALERT, mail.messageId(), staff.mails().from(), to, mail.raw(), null, now).about(accountId, null);
    }

    /** Every key the task-alert template uses, for the start-up check. */
    public static Map<String, Object> sample() {
        Map<String, Object> m = new HashMap<>();
        m.put("overdue", Map.of("count", 1));
        m.put("needsUrl", "https://frontdesk.example/console/");
        m.put("recovery", Map.of("mistake", "a suspension notice sent on 28 November 2026 although invoice INV-1 was paid on 27 November 2026",
                "accountId", 100, "accountUrl", "https://frontdesk.example/console/accounts/100",
                "offers", List.of(Map.of("kind", "free-month", "text", "a month of service free"))));
        m.put("tasks", List.of(Map.of("id", 7, "what", "call Sample LLC", "due", "by Monday, 30 November 2026, 11:00 (MSK)", "overdue", true,
                "assignee", "olga@frontdesk.example", "account", "Sample LLC", "reference", "FD-100", "promise", "call the customer",
                "url", "https://frontdesk.example/console/accounts/100")));
        return m;
    }
}
