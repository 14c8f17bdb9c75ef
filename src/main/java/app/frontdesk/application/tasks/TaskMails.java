package app.frontdesk.application.tasks;

import app.frontdesk.application.Repositories;
import app.frontdesk.application.news.Days;
import app.frontdesk.application.outbox.MailComposer;
import app.frontdesk.application.outbox.MessageIds;
import app.frontdesk.application.texts.Rendered;
import app.frontdesk.application.texts.TemplateLibrary;
import app.frontdesk.application.texts.Text;
import app.frontdesk.domain.model.account.Account;
import app.frontdesk.domain.model.outbox.MailKind;
import app.frontdesk.domain.model.outbox.OutboundMail;
import app.frontdesk.domain.model.supportcase.SupportCase;
import app.frontdesk.domain.model.task.Task;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tasks as staff read them: one line per task in the staff's language ("позвонить клиенту ООО «Ромашка»
 * до 30 ноября 2026, 11:00 (MSK)") for the alerts that show what was promised, and the task-alert mail:
 * overdue tasks to the support lead, a new recovery task to the manager.
 */
public final class TaskMails {

    /** Who writes and reads these mails. */
    public record Staff(String supportLead, String from, String senderName, Locale language, ZoneId zone, String apiBase) {
    }

    private final TemplateLibrary templates;
    private final MessageIds messageIds;
    private final MailComposer composer;
    private final Staff staff;

    public TaskMails(TemplateLibrary templates, MessageIds messageIds, String loopDomain, Staff staff) {
        this.templates = templates;
        this.messageIds = messageIds;
        this.composer = new MailComposer(loopDomain);
        this.staff = staff;
    }

    public Staff staff() {
        return staff;
    }

    /** The tasks as lines for a staff template ({@code {{#tasks}}- {{what}} до {{due}}{{/tasks}}}). */
    public List<Map<String, Object>> lines(Repositories repos, List<Task> tasks, Locale lang, Instant now) {
        Map<Long, String> names = new HashMap<>();
        return tasks.stream().sorted(Comparator.comparing(Task::dueAt).thenComparing(Task::id)).map(t -> {
            String account = t.accountId().map(a -> names.computeIfAbsent(a, id -> repos.accounts().find(id).map(Account::name)
                    .orElse("#" + id))).orElse("");
            Map<String, Object> m = new HashMap<>();
            m.put("id", t.id());
            m.put("what", what(t, account, lang));
            m.put("due", Days.moment(t.dueAt(), staff.zone(), lang));
            m.put("overdue", t.isOverdue(now));
            m.put("assignee", t.assignee());
            m.put("account", account);
            m.put("reference", t.caseId().map(SupportCase::reference).orElse(""));
            m.put("promise", t.promise());
            return m;
        }).toList();
    }

    /** What the task asks for, in the reader's language. */
    static String what(Task t, String account, Locale lang) {
        boolean ru = lang.getLanguage().equals("ru");
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
        Locale lang = staff.language();
        Map<String, Object> model = common(lang);
        model.put("overdue", Map.of("count", tasks.size()));
        model.put("recovery", false);
        model.put("tasks", lines(repos, tasks, lang, now));
        Instant earliest = tasks.stream().map(Task::dueAt).min(Comparator.naturalOrder()).orElse(now);
        model.put("deadline", Map.of("when", Days.moment(earliest, staff.zone(), lang)));
        return mail(model, lang, List.of(staff.supportLead()), null, now);
    }

    /**
     * To the person who owes a new recovery task: what went wrong, by when to act, and the offers to choose from.
     *
     * @param offers each offer's kind and its text in the staff's language
     */
    public OutboundMail recoveryTask(Repositories repos, Task task, String mistake, Map<String, String> offers, Instant now) {
        Locale lang = staff.language();
        Map<String, Object> model = common(lang);
        model.put("overdue", false);
        model.put("tasks", lines(repos, List.of(task), lang, now));
        model.put("recovery", Map.of("mistake", mistake, "accountId", task.accountId().orElse(0L),
                "offers", offers.entrySet().stream().map(e -> Map.of("kind", e.getKey(), "text", e.getValue())).toList()));
        model.put("deadline", Map.of("when", Days.moment(task.dueAt(), staff.zone(), lang)));
        return mail(model, lang, List.of(task.assignee()), task.accountId().orElse(null), now);
    }

    private Map<String, Object> common(Locale lang) {
        Map<String, Object> m = new HashMap<>();
        m.put("nextStep", true);
        m.put("apiUrl", staff.apiBase() + "/api/tasks");
        m.put("accountsUrl", staff.apiBase() + "/api/accounts");
        return m;
    }

    private OutboundMail mail(Map<String, Object> model, Locale lang, List<String> to, Long accountId, Instant now) {
        Rendered r = templates.render(Text.TASK_ALERT, lang, model);
        String id = messageIds.next();
        byte[] raw = composer.draft(id, r).from(staff.from(), staff.senderName()).to(to).header("Auto-Submitted", "auto-generated").write(now);
        return new OutboundMail(MailKind.TASK_ALERT, id, staff.from(), to, raw, null, now).about(accountId, null);
    }

    /** Every key the task-alert template uses, for the start-up check. */
    public static Map<String, Object> sample() {
        Map<String, Object> m = new HashMap<>();
        m.put("overdue", Map.of("count", 1));
        m.put("recovery", Map.of("mistake", "a suspension notice sent on 28 November 2026 although invoice INV-1 was paid on 27 November 2026",
                "accountId", 100, "offers", List.of(Map.of("kind", "free-month", "text", "a month of service free"))));
        m.put("tasks", List.of(Map.of("id", 7, "what", "call Sample LLC", "due", "Monday, 30 November 2026, 11:00 (MSK)", "overdue", true,
                "assignee", "olga@frontdesk.example", "account", "Sample LLC", "reference", "FD-100", "promise", "call the customer")));
        m.put("apiUrl", "https://frontdesk.example/api/tasks");
        m.put("accountsUrl", "https://frontdesk.example/api/accounts");
        return m;
    }
}
