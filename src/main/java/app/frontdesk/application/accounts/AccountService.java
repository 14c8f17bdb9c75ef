package app.frontdesk.application.accounts;

import app.frontdesk.application.ImportProblem;
import app.frontdesk.application.WebhookTargets;
import app.frontdesk.application.Repositories;
import app.frontdesk.application.Transactions;
import app.frontdesk.domain.model.account.Account;
import app.frontdesk.domain.model.account.AccountReference;
import app.frontdesk.domain.model.account.CompanyName;
import app.frontdesk.domain.model.account.EmailAddress;
import app.frontdesk.domain.model.account.Inn;
import app.frontdesk.domain.model.account.ReferenceKind;
import app.frontdesk.domain.model.account.PersonalManager;
import app.frontdesk.domain.model.audit.AuditEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Creates, updates and imports accounts. Every change is audited with the acting administrator. */
public final class AccountService {

    private final Transactions transactions;
    private final Clock clock;
    private final Locale defaultLocale;
    private final WebhookTargets webhooks;

    public AccountService(Transactions transactions, Clock clock, Locale defaultLocale, WebhookTargets webhooks) {
        this.transactions = transactions;
        this.clock = clock;
        this.defaultLocale = defaultLocale;
        this.webhooks = webhooks;
    }

    /** {@link #problems(AccountDraft)}, and webhook URLs that point where we post nothing (a private address). */
    private List<String> allProblems(AccountDraft draft) {
        List<String> problems = new ArrayList<>(problems(draft));
        if (problems.isEmpty()) {
            draft.contacts().stream().filter(c -> c.webhookUrl() != null && !c.webhookUrl().isBlank())
                    .forEach(c -> webhooks.problem(c.webhookUrl()).ifPresent(p -> problems.add("contact webhookUrl is " + p)));
        }
        return problems;
    }

    /** Everything wrong with {@code draft}, in words an administrator understands; empty when it is fine. */
    public static List<String> problems(AccountDraft draft) {
        List<String> problems = new ArrayList<>();
        if (draft == null) {
            return List.of("no account given");
        }
        if (draft.name() == null || draft.name().isBlank()) {
            problems.add("\"name\" is required");
        } else if (draft.name().length() > 300) {
            problems.add("\"name\" is longer than 300 characters");
        }
        for (String domain : draft.domains()) {
            try {
                Account.normalizeDomain(domain);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        for (AccountDraft.ContactDraft c : draft.contacts()) {
            if (c == null || EmailAddress.parse(c.address()).isEmpty()) {
                problems.add("contact address is not a mail address: \"" + (c == null ? "" : c.address()) + "\"");
            }
            if (c != null && c.webhookUrl() != null && !c.webhookUrl().matches("https?://[^\\s]+")) {
                problems.add("contact webhookUrl is not an http(s) URL: \"" + c.webhookUrl() + "\"");
            }
            if (c != null && c.locale() != null && !c.locale().isBlank() && locale(c.locale()).isEmpty()) {
                problems.add("contact locale is not a language tag: \"" + c.locale() + "\"");
            }
        }
        for (AccountDraft.ReferenceDraft r : draft.references()) {
            referenceProblem(r).ifPresent(problems::add);
        }
        if (draft.timeZone() != null) {
            try {
                java.time.ZoneId.of(draft.timeZone().strip());
            } catch (java.time.DateTimeException e) {
                problems.add("\"timeZone\" is not a time zone id such as Asia/Vladivostok: \"" + draft.timeZone() + "\"");
            }
        }
        if (draft.businessHours() != null) {
            try {
                app.frontdesk.domain.model.calendar.BusinessHours.parse(draft.businessHours());
            } catch (IllegalArgumentException e) {
                problems.add("\"businessHours\": " + e.getMessage());
            }
        }
        if (draft.manager() != null) {
            if (draft.manager().name() == null || draft.manager().name().isBlank()) {
                problems.add("manager \"name\" is required");
            }
            if (EmailAddress.parse(draft.manager().address()).isEmpty()) {
                problems.add("manager address is not a mail address: \"" + draft.manager().address() + "\"");
            }
        }
        return problems;
    }

    private static Optional<String> referenceProblem(AccountDraft.ReferenceDraft r) {
        if (r == null || r.kind() == null || r.value() == null || r.value().isBlank()) {
            return Optional.of("a reference needs \"kind\" and \"value\"");
        }
        ReferenceKind kind;
        try {
            kind = ReferenceKind.valueOf(r.kind().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.of("reference kind \"" + r.kind() + "\" is not one of INVOICE, CONTRACT, ACCOUNT_NUMBER, INN, KPP, PHONE");
        }
        String value = AccountReference.normalize(kind, r.value());
        if (kind == ReferenceKind.INN && !Inn.isValid(value)) {
            return Optional.of("INN \"" + r.value() + "\" fails its check digits");
        }
        if (kind == ReferenceKind.NAME) {
            return Optional.of("the company name reference comes from the account name; do not give it");
        }
        if (value.isEmpty() || value.length() > 200) {
            return Optional.of(kind + " reference \"" + r.value() + "\" is empty or too long");
        }
        return Optional.empty();
    }

    public long create(AccountDraft draft, String actor) throws InvalidAccountException {
        requireValid(draft);
        return transactions.inTransaction(repos -> {
            Account account = new Account(draft.name(), clock.instant());
            apply(account, draft, repos);
            repos.accounts().store(account);
            storeReferences(account, draft, repos);
            audit(repos, actor, "account-created", account);
            return account.id();
        });
    }

    /** Replaces name, domains, contacts and manager; answers empty when there is no such account. */
    public Optional<Long> update(long id, AccountDraft draft, String actor) throws InvalidAccountException {
        requireValid(draft);
        return transactions.inTransaction(repos -> repos.accounts().find(id).map(account -> {
            account.rename(draft.name());
            account.replaceDomains(List.of());
            account.removeContacts();
            repos.accounts().store(account);
            apply(account, draft, repos);
            repos.accounts().store(account);
            storeReferences(account, draft, repos);
            audit(repos, actor, "account-updated", account);
            return account.id();
        }));
    }

    /**
     * Imports all {@code drafts} (with their source line numbers) in one transaction: an account with
     * the same name as an existing one gets the new domains and contacts added. Nothing is stored unless
     * every record is valid.
     */
    public List<Long> importAll(Map<Integer, AccountDraft> draftsByLine, String actor) throws InvalidAccountException {
        List<ImportProblem> problems = new ArrayList<>();
        draftsByLine.forEach((line, draft) -> allProblems(draft).forEach(p -> problems.add(new ImportProblem(line, p))));
        if (!problems.isEmpty()) {
            throw new InvalidAccountException(problems);
        }
        if (draftsByLine.isEmpty()) {
            throw new InvalidAccountException(List.of(new ImportProblem(0, "the file holds no accounts")));
        }
        return transactions.inTransaction(repos -> {
            List<Long> ids = new ArrayList<>();
            for (AccountDraft draft : draftsByLine.values()) {
                Account account = repos.accounts().findByName(draft.name().strip())
                        .orElseGet(() -> new Account(draft.name(), clock.instant()));
                apply(account, draft, repos);
                repos.accounts().store(account);
                storeReferences(account, draft, repos);
                audit(repos, actor, "account-imported", account);
                if (!ids.contains(account.id())) {
                    ids.add(account.id());
                }
            }
            return ids;
        });
    }

    private void requireValid(AccountDraft draft) throws InvalidAccountException {
        List<String> problems = allProblems(draft);
        if (!problems.isEmpty()) {
            throw new InvalidAccountException(problems.stream().map(p -> new ImportProblem(0, p)).toList());
        }
    }

    private void apply(Account account, AccountDraft draft, Repositories repos) {
        draft.domains().forEach(account::addDomain);
        if (draft.timeZone() != null) {
            account.moveTo(java.time.ZoneId.of(draft.timeZone().strip()));
        }
        if (draft.businessHours() != null) {
            account.workHours(draft.businessHours());
        }
        for (AccountDraft.ContactDraft c : draft.contacts()) {
            Locale locale = c.locale() == null || c.locale().isBlank() ? defaultLocale : locale(c.locale()).orElseThrow();
            account.authorize(EmailAddress.of(c.address()), c.name(), locale, clock.instant())
                    .useWebhook(c.webhookUrl() == null || c.webhookUrl().isBlank() ? null : c.webhookUrl().strip());
        }
        if (draft.manager() != null) {
            EmailAddress address = EmailAddress.of(draft.manager().address());
            PersonalManager manager = repos.accounts().managerWithAddress(address)
                    .orElseGet(() -> new PersonalManager(draft.manager().name(), address));
            manager.rename(draft.manager().name());
            account.assignManager(manager);
        }
    }

    /** The account's name and the draft's numbers, so that a stranger's mail can be tied to the account by them. */
    private static void storeReferences(Account account, AccountDraft draft, Repositories repos) {
        String name = CompanyName.normalize(account.name());
        if (name.length() >= 2) {
            repos.accounts().addReference(new AccountReference(account.id(), ReferenceKind.NAME, account.name()));
        }
        for (AccountDraft.ReferenceDraft r : draft.references()) {
            repos.accounts().addReference(new AccountReference(account.id(),
                    ReferenceKind.valueOf(r.kind().strip().toUpperCase(Locale.ROOT)), r.value()));
        }
    }

    private void audit(Repositories repos, String actor, String action, Account account) {
        repos.audit().record(new AuditEvent(clock.instant(), actor, action, "account", account.id(),
                account.name() + "; domains " + account.domains() + "; " + account.contacts().size() + " contact(s)"));
    }

    static Optional<Locale> locale(String tag) {
        try {
            Locale l = new Locale.Builder().setLanguageTag(tag.strip().replace('_', '-')).build();
            return l.getLanguage().isEmpty() ? Optional.empty() : Optional.of(l);
        } catch (IllformedLocaleException e) {
            return Optional.empty();
        }
    }

    /** Every account, as {@code view} shows it (made inside the read's transaction). */
    public <T> List<T> all(java.util.function.Function<Account, T> view) {
        return transactions.inTransaction(r -> r.accounts().findAll().stream().map(view).toList());
    }

    public <T> Optional<T> find(long id, java.util.function.Function<Account, T> view) {
        return transactions.inTransaction(r -> r.accounts().find(id).map(view));
    }
}
