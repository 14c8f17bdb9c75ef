package app.frontdesk.application.accountdesk;

import app.frontdesk.application.Repositories;
import app.frontdesk.application.Transactions;
import app.frontdesk.application.care.CareDesk;
import app.frontdesk.application.payments.PaymentDesk;
import app.frontdesk.domain.model.account.Account;
import app.frontdesk.domain.model.account.AccountReference;
import app.frontdesk.domain.model.account.AccountSummary;
import app.frontdesk.domain.model.account.Contact;
import app.frontdesk.domain.model.account.EmailAddress;
import app.frontdesk.domain.model.audit.AuditEvent;
import app.frontdesk.domain.model.billing.Invoice;
import app.frontdesk.domain.model.billing.Money;
import app.frontdesk.domain.model.billing.Payment;
import app.frontdesk.domain.model.billing.PaymentEvidence;
import app.frontdesk.domain.model.care.FlaggedAccount;
import app.frontdesk.domain.model.staff.Viewer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * An account as staff see it in the console, and what they do with it. Every read and action takes
 * the {@link Viewer} and the repositories narrow their queries by it: a manager sees and changes only
 * the accounts whose personal manager has their address; billing sees every account's billing
 * (invoices, payments, payment orders) and records payment orders, but changes no contact and clears
 * no flag; a lead or an administrator sees and does all. For anyone else an account is no account:
 * the same empty answer as for one that does not exist, and nothing changes.
 */
public final class AccountDesk {

    /** Enough for a page; older rows stay in the database (and in the API). */
    public static final int ROWS = 50;
    static final int HISTORY = 30;
    static final int MAX_REASON = 1000;

    /** What a person got wrong in a form; {@link #problem()} is a word the page explains in the reader's language. */
    public static final class Refused extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String problem;

        Refused(String problem, String message) {
            super(message);
            this.problem = problem;
        }

        public String problem() {
            return problem;
        }
    }

    /**
     * One account as the viewer may see it, read in one transaction. {@code looksAfter}: the viewer may
     * change its contacts and its flag (and sees its care timeline and history); otherwise only its billing.
     */
    public record Detail(Account account, boolean looksAfter, List<AccountReference> references, List<Invoice> invoices,
                         Map<Long, BigDecimal> paid, List<Payment> payments, List<PaymentEvidence> evidence, boolean flagged,
                         Optional<CareDesk.Timeline> care, List<AuditEvent> history) {
    }

    /** An account in a list, with its domains and whether it is red-flagged. */
    public record Listed(AccountSummary account, List<String> domains, boolean flagged) {
    }

    /** A page of a list, and the key of the next page (none on the last). */
    public record Page<T>(List<T> rows, Optional<Long> nextAfter) {
    }

    private final Transactions transactions;
    private final Clock clock;
    private final ZoneId zone;
    private final CareDesk care;
    private final PaymentDesk payments;

    public AccountDesk(Transactions transactions, Clock clock, ZoneId zone, CareDesk care, PaymentDesk payments) {
        this.transactions = transactions;
        this.clock = clock;
        this.zone = zone;
        this.care = care;
        this.payments = payments;
    }

    /** The accounts the viewer may see that match {@code search} (see AccountRepository.page), {@code size} at a time. */
    public <T> Page<T> search(Viewer viewer, String search, long after, int size, Function<Listed, T> view) {
        return transactions.inTransaction(r -> {
            List<AccountSummary> found = r.accounts().page(viewer, search, after, size + 1);
            List<AccountSummary> shown = found.subList(0, Math.min(size, found.size()));
            List<Long> ids = shown.stream().map(AccountSummary::id).toList();
            Map<Long, List<String>> domains = r.accounts().domainsOf(ids);
            Set<Long> flagged = r.care().flagged(ids);
            List<T> rows = shown.stream().map(a -> view.apply(new Listed(a, domains.getOrDefault(a.id(), List.of()), flagged.contains(a.id()))))
                    .toList();
            return new Page<>(rows, found.size() > size ? Optional.of(shown.get(shown.size() - 1).id()) : Optional.empty());
        });
    }

    /** The account with what the viewer may see of it; empty when they may not see it (or it does not exist). */
    public <T> Optional<T> detailFor(Viewer viewer, long id, Function<Detail, T> view) {
        return transactions.inTransaction(r -> {
            Optional<Account> mine = r.accounts().findLookedAfterBy(viewer, id);
            Optional<Account> account = mine.isPresent() ? mine : r.accounts().findFor(viewer, id);
            return account.map(a -> {
                boolean full = mine.isPresent();
                List<Invoice> invoices = r.billing().invoicesOf(id, ROWS);
                return view.apply(new Detail(a, full, r.accounts().references(id, ROWS), invoices,
                        r.billing().allocatedTo(invoices.stream().map(Invoice::id).toList()), r.billing().paymentsOf(id, ROWS),
                        r.billing().evidenceOf(id, ROWS), r.care().flagged(List.of(id)).contains(id),
                        full ? Optional.of(care.timeline(r, id)) : Optional.empty(),
                        full ? r.audit().latestAbout("account", id, HISTORY) : List.of()));
            });
        });
    }

    /** The red-flagged accounts the viewer looks after, for "Needs me". */
    public <T> List<T> redFlagsFor(Viewer viewer, int limit, Function<FlaggedAccount, T> view) {
        return transactions.inTransaction(r -> r.care().raisedFor(viewer, limit).stream().map(view).toList());
    }

    /**
     * Makes {@code address} an authorized contact of the account: their verified mail goes to the
     * helpdesk from now on. Audited with the viewer and the reason.
     *
     * @return the contact's id; empty when the viewer does not look after the account
     * @throws Refused for a bad address, one that is a contact already, or no reason
     */
    public Optional<Long> addContact(Viewer viewer, long accountId, String address, String name, Locale language, String reason) {
        String why = reason(reason);
        EmailAddress a = EmailAddress.parse(address).orElseThrow(() -> new Refused("address", "not a mail address: \"" + address + "\""));
        String who = name == null || name.isBlank() ? null : name.strip();
        if (who != null && who.length() > 200) {
            throw new Refused("name", "a name of at most 200 characters");
        }
        return transactions.inTransaction(r -> r.accounts().findLookedAfterBy(viewer, accountId).map(account -> {
            if (account.contact(a).isPresent()) {
                throw new Refused("already", a.value() + " is an authorized contact already");
            }
            Contact c = account.authorize(a, who, language, clock.instant());
            r.accounts().store(account);
            audit(r, viewer, "contact-added", accountId, a.value() + (who == null ? "" : " (" + who + ")") + "; reason: " + why);
            return c.id();
        }));
    }

    /**
     * Takes a contact's authorization away: their mail is a stranger's from now on. Audited with the reason.
     *
     * @return the address removed; empty when the viewer does not look after the account or it has no such contact
     */
    public Optional<String> removeContact(Viewer viewer, long accountId, long contactId, String reason) {
        String why = reason(reason);
        return transactions.inTransaction(r -> r.accounts().findLookedAfterBy(viewer, accountId)
                .flatMap(account -> account.removeContact(contactId).map(c -> {
                    r.accounts().store(account);
                    audit(r, viewer, "contact-removed", accountId, c.address().value() + "; reason: " + why);
                    return c.address().value();
                })));
    }

    /**
     * Records a payment order the customer sent (through the payments service: it holds dunning for the
     * clearing window and re-checks held notices). Billing may do this for any account. Audited.
     *
     * @return the evidence's id; empty when the viewer may not see the account
     * @throws Refused for a missing or future date, or a bad amount
     */
    public Optional<Long> addEvidence(Viewer viewer, long accountId, String number, LocalDate date, String amount, String currency) {
        if (date == null) {
            throw new Refused("date", "the payment order's date is required");
        }
        if (date.isAfter(LocalDate.now(clock.withZone(zone)))) {
            throw new Refused("date", "a payment order dated " + date + " is in the future");
        }
        String no = number == null || number.isBlank() ? null : number.strip();
        if (no != null && no.length() > 50) {
            throw new Refused("number", "a payment order number of at most 50 characters");
        }
        Money money = money(amount, currency);
        return transactions.inTransaction(r -> r.accounts().findFor(viewer, accountId).map(account -> {
            long id = payments.recordEvidence(r, accountId, no, date, money, null);
            audit(r, viewer, "payment-evidence-added", accountId, "payment order" + (no == null ? "" : " " + no) + " of " + date
                    + (money == null ? "" : ", " + money));
            return id;
        }));
    }

    /**
     * Clears the account's red flag (CareDesk's clearing, audited there): what came before no longer counts.
     *
     * @return true; empty when the viewer does not look after the account
     * @throws Refused without a note
     * @throws IllegalStateException when the account has no red flag (any more)
     */
    public Optional<Boolean> clearFlag(Viewer viewer, long accountId, String note) {
        String why = note == null ? "" : note.strip();
        if (why.isEmpty()) {
            throw new Refused("note", "say what was done for the customer");
        }
        if (why.length() > MAX_REASON) {
            throw new Refused("note", "a note of at most " + MAX_REASON + " characters");
        }
        return transactions.inTransaction(r -> r.accounts().findLookedAfterBy(viewer, accountId).map(account -> {
            care.clear(r, accountId, viewer.email(), why);
            return true;
        }));
    }

    private static String reason(String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new Refused("reason", "a reason is required: colleagues read it in the account's history");
        }
        if (why.length() > MAX_REASON) {
            throw new Refused("reason", "a reason of at most " + MAX_REASON + " characters");
        }
        return why;
    }

    /** An amount as a person types it ("1 500,00"), at the currency's scale; none when left empty. */
    static Money money(String amount, String currency) {
        if (amount == null || amount.isBlank()) {
            return null;
        }
        String plain = amount.replaceAll("[\\s\\u00a0\\u202f']", "").replace(',', '.');
        String cur = currency == null || currency.isBlank() ? "RUB" : currency.strip().toUpperCase(Locale.ROOT);
        try {
            Money m = Money.of(plain, cur);
            if (!m.isPositive()) {
                throw new Refused("amount", "the amount must be more than zero");
            }
            return m;
        } catch (Refused e) {
            throw e;
        } catch (IllegalArgumentException e) { // NumberFormatException and an unknown currency too
            throw new Refused("amount", "not an amount in " + cur + ": \"" + amount.strip() + "\"");
        }
    }

    private void audit(Repositories r, Viewer viewer, String action, long accountId, String detail) {
        r.audit().record(new AuditEvent(clock.instant(), viewer.email(), action, "account", accountId, detail));
    }
}
