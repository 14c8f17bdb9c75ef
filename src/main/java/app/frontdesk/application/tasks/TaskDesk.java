package app.frontdesk.application.tasks;

import app.frontdesk.application.Repositories;
import app.frontdesk.application.Transactions;
import app.frontdesk.application.texts.StaffReader;
import app.frontdesk.application.news.Days;
import app.frontdesk.domain.model.account.Account;
import app.frontdesk.domain.model.audit.AuditEvent;
import app.frontdesk.domain.model.calendar.BusinessCalendar;
import app.frontdesk.domain.model.calendar.BusinessHours;
import app.frontdesk.domain.model.staff.Viewer;
import app.frontdesk.domain.model.supportcase.SupportCase;
import app.frontdesk.domain.model.task.Task;
import app.frontdesk.domain.model.task.TaskKind;
import app.frontdesk.domain.model.task.TaskState;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Promises are kept or not made: every answer or call we promise a customer becomes a task here, in the
 * transaction that sends the promise, with a due time in business hours and the person who owes it (the
 * account's personal manager, else the support lead). An answer task is done when its case is resolved or
 * rejected, a recovery task when the recovery mail goes out, anything else when a person says so. The
 * housekeeping job tells the support lead, once, of every task that is overdue.
 */
public final class TaskDesk {

    private final Transactions transactions;
    private final Clock clock;
    private final BusinessCalendar calendar;
    private final TaskMails mails;
    private final PromiseWords words;

    public TaskDesk(Transactions transactions, Clock clock, BusinessCalendar calendar, TaskMails mails, PromiseWords words) {
        this.transactions = transactions;
        this.clock = clock;
        this.calendar = calendar;
        this.mails = mails;
        this.words = words;
    }

    public TaskMails mails() {
        return mails;
    }

    /** The words of what was promised, for a caller that says why a call is owed ({@link #promiseCall}). */
    public PromiseWords words() {
        return words;
    }

    /** The language of whoever owes what we promise about this account: the task is written in it. */
    private java.util.Locale languageOf(Repositories repos, String assignee) {
        return mails.reader(repos, assignee).language();
    }

    /** Who owes what we promise about this account: its personal manager, else the support lead. */
    public String assigneeFor(Optional<Account> account) {
        return account.flatMap(Account::manager).map(m -> m.address().value()).orElse(mails.staff().supportLead());
    }

    /** The business days and hours of the account (its zone, its own hours), in which its promises fall due. */
    public BusinessCalendar calendarOf(Optional<Account> account) {
        return calendar.inZone(account.flatMap(Account::timeZone).orElse(calendar.zone()))
                .withHours(account.flatMap(Account::businessHours).map(BusinessHours::parse).orElse(null));
    }

    /**
     * The answer promised to a case's sender by the case's deadline, once per case, in the caller's transaction.
     *
     * @param to who was promised, as the mail names them
     */
    public Task promiseAnswer(Repositories repos, SupportCase c, String to, Instant now) {
        Optional<Task> open = repos.tasks().openOfCase(c.id()).stream().filter(t -> t.kind() == TaskKind.ANSWER).findFirst();
        if (open.isPresent()) {
            return open.get();
        }
        Optional<Account> account = c.accountId().flatMap(id -> repos.accounts().find(id));
        String assignee = assigneeFor(account);
        Task t = new Task(TaskKind.ANSWER, assignee, c.accountId().orElse(null), c.id(), null, to,
                words.say("answer", Map.of("to", to, "case", c.reference()), languageOf(repos, assignee)), c.dueAt(), now);
        repos.tasks().add(t);
        c.record(now, "frontdesk", "task-opened", "task " + t.id() + ": " + t.promise() + " (" + t.assignee() + ", due " + t.dueAt() + ")");
        return t;
    }

    /**
     * A call promised to the account's people: the open call task still to come is reused (so every text
     * promises the same day), else a new one due two business hours from now in the account's calendar.
     *
     * @param why what the call is about, for the person who makes it, in their language ({@link #words})
     */
    public Task promiseCall(Repositories repos, Account account, Function<java.util.Locale, String> why, Instant now) {
        Optional<Task> open = repos.tasks().openOfAccount(account.id()).stream()
                .filter(t -> t.kind() == TaskKind.CALL && t.dueAt().isAfter(now)).findFirst();
        if (open.isPresent()) {
            return open.get();
        }
        String assignee = assigneeFor(Optional.of(account));
        java.util.Locale lang = languageOf(repos, assignee);
        Task t = new Task(TaskKind.CALL, assignee, account.id(), null, null, account.name(),
                words.say("call", Map.of("account", account.name(), "why", why.apply(lang)), lang), Days.callDue(calendarOf(Optional.of(account)), now), now);
        repos.tasks().add(t);
        repos.audit().record(new AuditEvent(now, "frontdesk", "task-opened", "account", account.id(), t.promise() + " (due " + t.dueAt() + ")"));
        return t;
    }

    /**
     * We got something wrong for the customer: the person who owes the account a recovery is told what, by
     * when (the business time we give for an answer), and which offers they can choose from.
     *
     * @param reader  who owes it (the account's manager, else the support lead: {@link TaskMails#reader})
     * @param mistake what went wrong, in the reader's language
     * @param offers  each offer's kind and its text in the reader's language
     */
    public Task recoveryDue(Repositories repos, Account account, Long noticeId, StaffReader reader, String mistake, String promise,
                            java.time.Duration within, Map<String, String> offers, Instant now) {
        Task t = new Task(TaskKind.RECOVERY, assigneeFor(Optional.of(account)), account.id(), null, noticeId, account.name(), promise,
                calendarOf(Optional.of(account)).plusBusinessTime(now, within), now);
        repos.tasks().add(t);
        repos.outbox().add(mails.recoveryTask(repos, reader, t, mistake, offers, now));
        repos.audit().record(new AuditEvent(now, "frontdesk", "task-opened", "account", account.id(), promise + " (due " + t.dueAt() + ")"));
        return t;
    }

    /** The account's open tasks of a kind are done: what they asked for happened (in the caller's transaction). */
    public List<Task> fulfil(Repositories repos, long accountId, TaskKind kind, String by, String note, Instant now) {
        List<Task> open = repos.tasks().openOfAccount(accountId).stream().filter(t -> t.kind() == kind).toList();
        for (Task t : open) {
            repos.tasks().lock(t.id()).filter(x -> x.state() == TaskState.OPEN).ifPresent(x -> x.done(by, note, now));
        }
        return open;
    }

    /** The open tasks of a case and its account, as lines for a staff alert. */
    public List<Map<String, Object>> lines(Repositories repos, Optional<Long> accountId, Optional<Long> caseId, StaffReader reader,
                                           Instant now) {
        java.util.LinkedHashMap<Long, Task> tasks = new java.util.LinkedHashMap<>();
        caseId.ifPresent(c -> repos.tasks().openOfCase(c).forEach(t -> tasks.put(t.id(), t)));
        accountId.ifPresent(a -> repos.tasks().openOfAccount(a).forEach(t -> tasks.put(t.id(), t)));
        return mails.lines(repos, List.copyOf(tasks.values()), reader, now);
    }

    /** Open and its due time has passed, by the gateway's clock. */
    public boolean overdue(Task t) {
        return t.isOverdue(clock.instant());
    }

    /** Tasks for the API, earliest due first. */
    public <T> List<T> list(Optional<String> assignee, Optional<TaskState> state, int limit, Function<Task, T> view) {
        return transactions.inTransaction(r -> r.tasks().list(assignee, state, limit).stream().map(view).toList());
    }

    /**
     * A person marks a task done, with a note.
     *
     * @return empty when there is no such task
     * @throws IllegalStateException when it is done already
     */
    public <T> Optional<T> done(long id, String actor, String note, Function<Task, T> view) {
        return transactions.inTransaction(r -> r.tasks().lock(id).map(t -> {
            Instant now = clock.instant();
            t.done(actor, note, now);
            r.audit().record(new AuditEvent(now, actor, "task-done", "task", id, note));
            return view.apply(t);
        }));
    }

    /**
     * A person marks a task done from the console: only one they may complete (a manager their own, a lead or an
     * administrator any), audited with who and why.
     *
     * @return empty when there is no such task or the viewer may not complete it (the same answer)
     * @throws IllegalStateException when it is done already
     */
    public <T> Optional<T> doneBy(Viewer viewer, long id, String note, Function<Task, T> view) {
        return transactions.inTransaction(r -> r.tasks().lockFor(viewer, id).map(t -> {
            Instant now = clock.instant();
            String why = note == null || note.isBlank() ? "done in the console" : note.strip();
            t.done(viewer.email(), why, now);
            r.audit().record(new AuditEvent(now, viewer.email(), "task-done", "task", id, t.promise() + "; " + why));
            return view.apply(t);
        }));
    }

    /**
     * For the housekeeping job: answer tasks whose case was resolved or rejected are done; every task
     * overdue and not yet escalated goes to the support lead in one mail, and is never escalated again.
     *
     * @return how many tasks changed
     */
    public int runDue() {
        return transactions.inTransaction(repos -> {
            Instant now = clock.instant();
            List<Task> answered = repos.tasks().answeredByClosedCase(100);
            for (Task t : answered) {
                SupportCase c = repos.cases().find(t.caseId().orElseThrow()).orElseThrow();
                t.done("frontdesk", c.reference() + " " + c.state().name().toLowerCase(java.util.Locale.ROOT), now);
            }
            List<Task> overdue = repos.tasks().overdue(now, 100).stream().filter(t -> t.state() == TaskState.OPEN).toList();
            if (!overdue.isEmpty()) {
                overdue.forEach(t -> t.escalated(mails.staff().supportLead(), now));
                repos.outbox().add(mails.overdue(repos, overdue, now));
                for (Task t : overdue) {
                    repos.audit().record(new AuditEvent(now, "frontdesk", "task-escalated", "task", t.id(), "overdue since " + t.dueAt()
                            + "; told " + mails.staff().supportLead()));
                }
            }
            return answered.size() + overdue.size();
        });
    }
}
