package app.frontdesk.application.care;

import app.frontdesk.application.contacts.CustomerContacts;
import app.frontdesk.application.Repositories;
import app.frontdesk.application.Transactions;
import app.frontdesk.application.news.Days;
import app.frontdesk.application.tasks.TaskDesk;
import app.frontdesk.application.texts.InvalidTemplateException;
import app.frontdesk.application.texts.Rendered;
import app.frontdesk.application.texts.TemplateLibrary;
import app.frontdesk.application.wording.Finding;
import app.frontdesk.application.wording.Purpose;
import app.frontdesk.application.wording.WordingCheck;
import app.frontdesk.domain.model.account.Account;
import app.frontdesk.domain.model.account.EmailAddress;
import app.frontdesk.domain.model.audit.AuditEvent;
import app.frontdesk.domain.model.billing.Notice;
import app.frontdesk.domain.model.outbox.OutboundMail;
import app.frontdesk.domain.model.task.Task;
import app.frontdesk.domain.model.task.TaskKind;
import app.frontdesk.application.texts.StaffReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Making it right after we got something wrong (seed 003). When a mistake is found (a notice that went out
 * though the customer had paid before it), the account's manager gets a recovery task with the offers to
 * choose from. When the manager chooses one through the API, the recovery mail goes to the people who met
 * the mistake, checked first with the recovery wording rules (an apology, a question, something beyond the
 * fix); the manager's call it promises becomes a task, and the recovery task is done.
 */
public final class RecoveryDesk {

    /** The manager's choice: the offer and their words, in {@code language} (null: the recipients' language). */
    public record Request(long accountId, String offer, String mistake, String fixed, String change, List<String> to, Locale language,
                          String actor) {
    }

    /** What was sent: to whom, in which language, the call promised and the recovery tasks it closed. */
    public record Sent(List<String> to, String offer, Locale language, long callTask, Instant callDue, List<Long> tasksDone) {
    }

    /** The mail would not read right: nothing was sent. */
    public static final class Refused extends RuntimeException {
        private final transient List<Finding> findings;

        Refused(String message, List<Finding> findings) {
            super(message);
            this.findings = List.copyOf(findings);
        }

        public List<Finding> findings() {
            return findings;
        }
    }

    private final Transactions transactions;
    private final Clock clock;
    private final RecoveryOffers offers;
    private final RecoveryMail mails;
    private final WordingCheck wording;
    private final TaskDesk tasks;
    private final Locale defaultLocale;
    private final Duration within;

    /** @param within the business time a manager has for a recovery (the answer time we give customers) */
    public RecoveryDesk(Transactions transactions, Clock clock, RecoveryOffers offers, RecoveryMail mails, WordingCheck wording, TaskDesk tasks,
                        Locale defaultLocale, Duration within) {
        this.transactions = transactions;
        this.clock = clock;
        this.offers = offers;
        this.mails = mails;
        this.wording = wording;
        this.tasks = tasks;
        this.defaultLocale = defaultLocale;
        this.within = within;
    }

    public RecoveryOffers offers() {
        return offers;
    }

    /**
     * A notice reached the customer though a payment dated before it had paid what it claimed: the account's
     * manager owes the customer a recovery (a task with the offers, in the caller's transaction).
     *
     * @param sentOn the day it went out, in the account's zone
     * @param paidOn the payment's date
     */
    public Task owed(Repositories repos, Account account, Notice notice, LocalDate sentOn, String payment, LocalDate paidOn, Instant now) {
        StaffReader reader = tasks.mails().reader(repos, tasks.assigneeFor(Optional.of(account)));
        Locale staff = reader.language();
        String invoices = String.join(", ", notice.invoices());
        String mistake = staff.getLanguage().equals("ru")
                ? noticeInWords(notice.kind(), true) + " № " + notice.id() + " ушло клиенту " + reader.date(sentOn) + ", хотя платёж "
                        + payment + " от " + reader.date(paidOn) + " уже оплатил " + (notice.invoices().size() == 1 ? "счёт " : "счета ") + invoices
                : noticeInWords(notice.kind(), false) + " No. " + notice.id() + " went to the customer on " + reader.date(sentOn)
                        + ", although payment " + payment + " dated " + reader.date(paidOn) + " had paid " + (notice.invoices().size() == 1
                        ? "invoice " : "invoices ") + invoices;
        return tasks.recoveryDue(repos, account, notice.id(), reader, mistake, tasks.words().say("recovery", Map.of("notice", notice.id(),
                "sent", reader.date(sentOn), "paid", reader.date(paidOn), "payment", payment), staff), within,
                offers.texts(staff), now);
    }

    private static String noticeInWords(app.frontdesk.domain.model.billing.NoticeKind kind, boolean ru) {
        return switch (kind) {
            case SUSPENSION -> ru ? "уведомление о приостановке обслуживания" : "the suspension notice";
            case FINAL -> ru ? "последнее требование об оплате" : "the final payment demand";
            case REMINDER -> ru ? "напоминание об оплате" : "the payment reminder";
        };
    }

    /**
     * Sends the recovery mail with the chosen offer.
     *
     * @throws IllegalArgumentException no such account or offer, or a word missing; nothing is sent
     * @throws Refused                  the mail fails the recovery wording rules; nothing is sent
     */
    public Sent send(Request r) {
        RecoveryOffers.Offer offer = offers.find(r.offer()).orElseThrow(() -> new IllegalArgumentException("\"offer\" must be one of "
                + offers.all().stream().map(RecoveryOffers.Offer::kind).toList()));
        for (String[] w : List.of(new String[] {"mistake", r.mistake()}, new String[] {"fixed", r.fixed()}, new String[] {"change", r.change()})) {
            if (w[1] == null || w[1].isBlank()) {
                throw new IllegalArgumentException("\"" + w[0] + "\" is required: the recovery mail says it in your words");
            }
        }
        return transactions.inTransaction(repos -> {
            Instant now = clock.instant();
            Account account = repos.accounts().find(r.accountId()).orElseThrow(() -> new IllegalArgumentException("no account " + r.accountId()));
            List<String> to = recipients(repos, account, r.to());
            if (to.isEmpty()) {
                throw new IllegalArgumentException("account " + account.id() + " has nobody to write to: give \"to\"");
            }
            Locale lang = r.language() != null ? TemplateLibrary.language(r.language()) : TemplateLibrary.language(language(account, to.get(0)));
            Task call = tasks.promiseCall(repos, account, l -> tasks.words().say("why.recovery", Map.of("offer", offer.kind(),
                    "mistake", r.mistake().strip()), l), now);
            String callWhen = Days.callDay(tasks.calendarOf(Optional.of(account)).zone(), now, call.dueAt(), lang);
            RecoveryMail.Words words = new RecoveryMail.Words(r.mistake(), r.fixed(), r.change(), offer.text(lang));
            List<OutboundMail> out = new ArrayList<>();
            for (String address : to) {
                String name = account.contact(EmailAddress.of(address)).map(CustomerContacts::greetName).orElse("");
                Rendered rendered = mails.render(account, name, lang, words, callWhen);
                List<Finding> findings = check(rendered, lang);
                if (!findings.isEmpty()) {
                    throw new Refused("the recovery mail does not read right; nothing was sent", findings);
                }
                out.add(mails.mail(rendered, account, address, lang, now));
            }
            out.forEach(repos.outbox()::add);
            List<Long> done = tasks.fulfil(repos, account.id(), TaskKind.RECOVERY, r.actor(), "recovery mail sent to " + to + " with the offer "
                    + offer.kind(), now).stream().map(Task::id).toList();
            repos.audit().record(new AuditEvent(now, r.actor(), "recovery-sent", "account", account.id(), "offer " + offer.kind() + " to " + to
                    + "; mistake: " + r.mistake().strip()));
            return new Sent(to, offer.kind(), lang, call.id(), call.dueAt(), done);
        });
    }

    /** The mail as a customer reads it (text and HTML), checked with the recovery rules. */
    private List<Finding> check(Rendered r, Locale lang) {
        List<Finding> all = new ArrayList<>(wording.check(r.subject() + "\n" + r.text(), Optional.of(lang), Purpose.RECOVERY, Optional.empty()).findings());
        if (all.isEmpty()) {
            all.addAll(wording.check(r.html().replaceAll("<[^>]+>", " "), Optional.of(lang), Purpose.RECOVERY, Optional.empty()).findings());
        }
        return all;
    }

    /**
     * Who met the mistake: the given addresses; else the recipients of the notices the open recovery tasks
     * are about; else the account's authorized contacts.
     */
    private static List<String> recipients(Repositories repos, Account account, List<String> given) {
        Set<String> to = new LinkedHashSet<>();
        if (given != null && !given.isEmpty()) {
            given.forEach(a -> to.add(EmailAddress.of(a).value()));
            return List.copyOf(to);
        }
        for (Task t : repos.tasks().openOfAccount(account.id())) {
            if (t.kind() == TaskKind.RECOVERY) {
                t.noticeId().flatMap(id -> repos.billing().notice(id)).ifPresent(n -> n.recipients().forEach(a -> to.add(a.strip())));
            }
        }
        if (to.isEmpty()) {
            to.addAll(CustomerContacts.authorizedAddresses(account));
        }
        return List.copyOf(to);
    }

    private Locale language(Account account, String address) {
        return CustomerContacts.language(account, address, defaultLocale);
    }

    /**
     * At start: the recovery template, in each language, with each configured offer, passes the recovery
     * wording rules (an apology, a question, something beyond the fix, a deadline, a person).
     *
     * @throws InvalidTemplateException naming the offer, the language and the findings
     */
    public static void check(RecoveryOffers offers, RecoveryMail mails, WordingCheck wording, Account sample) {
        List<String> problems = new ArrayList<>();
        for (Locale lang : TemplateLibrary.LANGUAGES) {
            boolean ru = lang.getLanguage().equals("ru");
            for (RecoveryOffers.Offer offer : offers.all()) {
                RecoveryMail.Words w = ru
                        ? new RecoveryMail.Words("28 ноября мы прислали вам уведомление о приостановке обслуживания, хотя 27 ноября вы оплатили счёт",
                        "уведомление отозвано, обслуживание не прерывалось", "уведомления теперь ждут банковскую выписку за предыдущий день",
                        offer.text(lang))
                        : new RecoveryMail.Words("On 28 November we sent you a suspension notice, though you had paid the invoice on 27 November",
                        "the notice is withdrawn and your service was never interrupted",
                        "notices now wait for the bank statement of the day before", offer.text(lang));
                Rendered r = mails.render(sample, "Anna", lang, w, ru ? "в понедельник, 30 ноября" : "on Monday, 30 November");
                for (Finding f : wording.check(r.subject() + "\n" + r.text(), Optional.of(lang), Purpose.RECOVERY, Optional.empty()).findings()) {
                    problems.add(offers.source() + ": offer \"" + offer.kind() + "\" (" + lang.getLanguage() + "): " + f.rule()
                            + (f.excerpt().isEmpty() ? "" : " \"" + f.excerpt() + "\"") + ": " + f.message());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidTemplateException("the recovery mail with these offers is refused by the wording rules:\n  - "
                    + String.join("\n  - ", problems));
        }
    }
}
