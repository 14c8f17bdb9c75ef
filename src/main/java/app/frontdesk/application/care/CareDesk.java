package app.frontdesk.application.care;

import app.frontdesk.application.Repositories;
import app.frontdesk.application.Transactions;
import app.frontdesk.application.outbox.StaffMails;
import app.frontdesk.application.tasks.TaskDesk;
import app.frontdesk.application.texts.StaffReader;
import app.frontdesk.application.texts.Text;
import app.frontdesk.domain.model.account.Account;
import app.frontdesk.domain.model.audit.AuditEvent;
import app.frontdesk.domain.model.care.AccountFlag;
import app.frontdesk.domain.model.care.Experience;
import app.frontdesk.domain.model.care.ExperienceKind;
import app.frontdesk.domain.model.outbox.MailKind;
import app.frontdesk.domain.model.outbox.OutboundMail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records bad experiences and applies the rule of three: at the second within the window the
 * account is red-flagged and its personal manager and the support lead get the history and the
 * playbook; at the third the head of support is alerted. Only a person clears a flag, with a note.
 */
public final class CareDesk {

    /**
     * Who hears of red flags.
     *
     * @param staff writes their mails: in each reader's language, from the company's name, with console links
     */
    public record People(String supportLead, String headOfSupport, StaffMails staff) {
    }

    private final Transactions transactions;
    private final Clock clock;
    private final Duration window;
    private final People people;
    private final TaskDesk tasks;

    /** @param tasks where the call the red flag promises is tracked */
    public CareDesk(Transactions transactions, Clock clock, Duration window, People people, TaskDesk tasks) {
        this.tasks = tasks;
        this.transactions = transactions;
        this.clock = clock;
        this.window = window;
        this.people = people;
    }

    /** Records one bad experience in the caller's transaction and raises the flag or alerts the head of support when due. */
    public void record(Repositories repos, long accountId, ExperienceKind kind, String detail, Long inboundId) {
        Instant now = clock.instant();
        repos.care().add(new Experience(accountId, kind, detail, inboundId, now));
        AccountFlag flag = repos.care().lockFlag(accountId).orElseGet(() -> {
            AccountFlag f = new AccountFlag(accountId);
            repos.care().add(f);
            return f;
        });
        List<Experience> history = counted(repos, flag, accountId, now.minus(window));
        Optional<Account> account = repos.accounts().find(accountId);
        if (history.size() >= 2 && !flag.isRaised()) {
            flag.raise(now);
            // the playbook's call: a task for the manager, due in business hours (a Saturday's flag on Monday morning)
            account.ifPresent(a -> tasks.promiseCall(repos, a, lang -> tasks.words().say("why.redFlag", Map.of("count", history.size(),
                    "kinds", String.join(", ", history.stream().map(e -> WentWrong.forStaff(e.kind(), lang)).distinct().toList())), lang), now));
            List<String> to = new ArrayList<>();
            account.flatMap(Account::manager).ifPresent(m -> to.add(m.address().value()));
            to.add(people.supportLead());
            alert(repos, account, accountId, history, false, to.stream().distinct().toList(), now);
            repos.audit().record(new AuditEvent(now, "care", "red-flag-raised", "account", accountId, history.size() + " bad experiences"));
        }
        if (history.size() >= 3 && flag.isRaised() && !flag.isHeadAlerted()) {
            flag.headAlerted();
            alert(repos, account, accountId, history, true, List.of(people.headOfSupport()), now);
            repos.audit().record(new AuditEvent(now, "care", "head-of-support-alerted", "account", accountId, history.size() + " bad experiences"));
        }
    }

    /** The experiences that count now: within the window and after the last clearing. */
    private static List<Experience> counted(Repositories repos, AccountFlag flag, long accountId, Instant windowStart) {
        Instant since = flag.clearedAt().filter(c -> c.isAfter(windowStart)).orElse(windowStart);
        List<Experience> history = new ArrayList<>(repos.care().experiences(accountId, since));
        // what happened up to the moment a person cleared the flag is dealt with
        flag.clearedAt().ifPresent(cleared -> history.removeIf(e -> !e.occurredAt().isAfter(cleared)));
        return history;
    }

    /**
     * What went wrong for a red-flagged account, for the texts that acknowledge it: the experiences that
     * raised the flag and any since (even when they have left the window), oldest first; empty when not flagged.
     */
    public List<Experience> redFlagHistory(Repositories repos, long accountId) {
        Optional<AccountFlag> flag = repos.care().lockFlag(accountId).filter(AccountFlag::isRaised);
        return flag.map(f -> counted(repos, f, accountId, f.raisedAt().orElse(clock.instant()).minus(window))).orElse(List.of());
    }

    public void clear(long accountId, String actor, String note) {
        transactions.run(repos -> clear(repos, accountId, actor, note));
    }

    /** Within the caller's transaction (the console checks in it who may clear the flag of this account). */
    public void clear(Repositories repos, long accountId, String actor, String note) {
        AccountFlag flag = repos.care().lockFlag(accountId).orElseThrow(() -> new IllegalStateException("account " + accountId + " has no red flag"));
        flag.clear(actor, note, clock.instant());
        repos.audit().record(new AuditEvent(clock.instant(), actor, "red-flag-cleared", "account", accountId, note));
    }

    /** The timeline within the window and the flag, for GET /api/accounts/{id}/experience and the account's page. */
    public record Timeline(List<Experience> experiences, boolean flagged, Instant raisedAt, boolean headAlerted, Instant clearedAt,
                           String clearedBy, String note) {
    }

    public Timeline timeline(long accountId) {
        return transactions.inTransaction(repos -> timeline(repos, accountId));
    }

    /** Within the caller's transaction. */
    public Timeline timeline(Repositories repos, long accountId) {
        Optional<AccountFlag> f = repos.care().lockFlag(accountId);
        return new Timeline(repos.care().experiences(accountId, clock.instant().minus(window)), f.map(AccountFlag::isRaised).orElse(false),
                f.flatMap(AccountFlag::raisedAt).orElse(null), f.map(AccountFlag::isHeadAlerted).orElse(false),
                f.flatMap(AccountFlag::clearedAt).orElse(null), f.map(AccountFlag::clearedBy).orElse(null), f.map(AccountFlag::note).orElse(null));
    }

    /** The history and the playbook, to each reader in their language (one mail per language). */
    private void alert(Repositories repos, Optional<Account> account, long accountId, List<Experience> history, boolean head, List<String> to,
                       Instant now) {
        StaffMails staff = people.staff();
        staff.readers(repos, to).forEach((reader, group) -> {
            Map<String, Object> model = staff.model(reader);
            model.put("accountName", account.map(Account::name).orElse("#" + accountId));
            model.put("accountId", accountId);
            model.put("count", history.size());
            model.put("head", head);
            model.put("history", history.stream().map(e -> Map.of("when", reader.moment(e.occurredAt()), "kind", kind(e.kind(), reader),
                    "detail", e.detail() == null ? "" : e.detail())).toList());
            model.put("accountUrl", staff.accountUrl(accountId));
            // what is promised to this customer and not yet done, by when, in the reader's language and zone
            List<Map<String, Object>> promised = tasks.lines(repos, Optional.of(accountId), Optional.empty(), reader, now);
            model.put("promised", promised.isEmpty() ? false : Map.of("tasks", promised));
            var mail = staff.write(Text.RED_FLAG_ALERT, reader, model, group, "auto-generated", null, now);
            repos.outbox().add(new OutboundMail(MailKind.MANAGER_ALERT, mail.messageId(), staff.from(), group, mail.raw(), null, now)
                    .about(accountId, null));
        });
    }

    /** A bad experience in words: "жалоба клиента", "a complaint". */
    static String kind(ExperienceKind kind, StaffReader reader) {
        boolean ru = reader.ru();
        return switch (kind) {
            case UNKNOWN_SENDER_CASE -> ru ? "человеку клиента пришлось писать с незнакомого нам адреса" : "someone of theirs had to write from an address we did not know";
            case WRONG_NOTICE -> ru ? "клиенту ушло уведомление, хотя он уже заплатил" : "a notice went to them although they had already paid";
            case REPEAT_CONTACT -> ru ? "клиент снова пишет о том же, а решения нет" : "they wrote again about the same thing without a resolution";
            case COMPLAINT -> ru ? "жалоба клиента" : "a complaint";
            case CASE_REOPENED -> ru ? "вопрос вернулся: обращение открыто снова" : "the matter came back: a case reopened";
            case DEADLINE_MISSED -> ru ? "мы не ответили к обещанному сроку" : "we missed a deadline we gave them";
        };
    }

    /** Sample model for the start-up check of the alert template. */
    public static Map<String, Object> sample() {
        Map<String, Object> m = new HashMap<>();
        m.put("accountName", "Sample LLC");
        m.put("accountId", 100);
        m.put("count", 2);
        m.put("head", false);
        m.put("history", List.of(Map.of("when", "Friday, 20 November 2026, 10:00 (MSK)", "kind", "a complaint", "detail", "order 77 not delivered")));
        m.put("nextStep", true);
        m.put("promised", Map.of("tasks", List.of(Map.of("id", 7, "what", "call Sample LLC", "due", "by Monday, 30 November 2026, 11:00 (MSK)", "overdue", false,
                "assignee", "olga@frontdesk.example", "account", "Sample LLC", "reference", "", "promise", "call the customer"))));
        return m;
    }
}
