package app.frontdesk.application.payments;

import app.frontdesk.application.ImportRefused;
import app.frontdesk.application.Repositories;
import app.frontdesk.application.Transactions;
import app.frontdesk.domain.model.account.EvidenceIndex;
import app.frontdesk.domain.model.billing.Invoice;
import app.frontdesk.domain.model.billing.InvoiceStatus;
import app.frontdesk.domain.model.billing.Money;
import app.frontdesk.domain.model.billing.Payment;
import app.frontdesk.domain.model.billing.PaymentAllocation;
import app.frontdesk.domain.model.billing.PaymentEvidence;
import app.frontdesk.domain.model.billing.PaymentState;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Payments in: each is matched to invoices by the invoice numbers in its purpose text and to the
 * account by the payer's INN, checked by amount and allocated; what cannot be told is listed for a
 * person. A batch commits together with the re-check of every touched account's held notices.
 */
public final class PaymentDesk {

    /** Words that may be invoice numbers: letters, digits, '-' and '/', with at least one digit. */
    private static final Pattern TOKEN = Pattern.compile("(?iu)[\\p{L}0-9][\\p{L}0-9/-]*\\d[\\p{L}0-9/-]*");
    private static final int MAX_TOKENS = 40;

    private final Transactions transactions;
    private final Clock clock;
    private final PaymentsChanged notices;

    public PaymentDesk(Transactions transactions, Clock clock, PaymentsChanged notices) {
        this.transactions = transactions;
        this.clock = clock;
        this.notices = notices;
    }

    /** What an import did. */
    public record Result(int stored, int duplicates, int allocated, int unallocated, int unmatched, int pending, Set<Long> accounts) {
    }

    public Result record(List<PaymentDraft> drafts) {
        return transactions.inTransaction(repos -> {
            Instant now = clock.instant();
            int stored = 0;
            int duplicates = 0;
            int[] states = new int[PaymentState.values().length];
            Set<Long> touched = new LinkedHashSet<>();
            for (PaymentDraft d : drafts) {
                if (repos.billing().paymentExists(d.externalId())) {
                    duplicates++;
                    continue;
                }
                Payment p = new Payment(d.externalId(), d.amount(), d.bookingDate(), d.valueDate(), d.payerInn(), d.payerAccount(),
                        d.purpose(), d.source(), now);
                repos.billing().add(p);
                match(repos, p);
                stored++;
                states[p.state().ordinal()]++;
                if (p.accountId() != null) {
                    touched.add(p.accountId());
                }
            }
            for (long account : touched) {
                notices.accountChanged(repos, account, "payment-arrived");
            }
            return new Result(stored, duplicates, states[PaymentState.ALLOCATED.ordinal()], states[PaymentState.UNALLOCATED.ordinal()],
                    states[PaymentState.UNMATCHED.ordinal()], states[PaymentState.PENDING.ordinal()], touched);
        });
    }

    /**
     * A payment file as billing uploads it: a 1CClientBankExchange statement, an ISO 20022 camt message,
     * or CSV, told apart by their content; all or nothing.
     *
     * @throws ImportRefused with every bad line or entry; nothing was stored then
     */
    public Result importFile(byte[] body) throws ImportRefused {
        List<PaymentDraft> drafts;
        if (new String(body, 0, Math.min(body.length, 40), java.nio.charset.StandardCharsets.ISO_8859_1).contains("1CClientBankExchange")) {
            drafts = ClientBankExchangeImport.parse(body);
        } else if (CamtImport.looksLikeCamt(body)) {
            drafts = CamtImport.parse(body);
        } else {
            drafts = PaymentCsvImport.parse(new String(body, java.nio.charset.StandardCharsets.UTF_8));
        }
        return record(drafts);
    }

    /**
     * A person ties an unmatched payment to an account: it pays the account's open invoices, the earliest
     * due first, and held notices of the account are checked again. Audited.
     *
     * @return the payment's new state; empty when there is no such payment
     * @throws IllegalArgumentException when the account does not exist
     * @throws IllegalStateException when the payment is not unmatched any more
     */
    public Optional<PaymentState> assign(long paymentId, long accountId, String actor) {
        return assign(paymentId, accountId, actor, repos -> repos.accounts().find(accountId).isPresent());
    }

    /**
     * The same for a person in the console: only to an account whose billing {@code viewer} may see (the check is
     * the account query narrowed to the viewer, in the assignment's transaction); any other reads as no account.
     */
    public Optional<PaymentState> assignAs(app.frontdesk.domain.model.staff.Viewer viewer, long paymentId, long accountId) {
        return assign(paymentId, accountId, viewer.email(), repos -> repos.accounts().findFor(viewer, accountId).isPresent());
    }

    private Optional<PaymentState> assign(long paymentId, long accountId, String actor,
                                          java.util.function.Predicate<app.frontdesk.application.Repositories> accountSeen) {
        return transactions.inTransaction(repos -> repos.billing().lockPayment(paymentId).map(p -> {
            if (p.state() != PaymentState.UNMATCHED) {
                throw new IllegalStateException("payment " + p.externalId() + " is " + p.state().name().toLowerCase(Locale.ROOT) + " already");
            }
            if (!accountSeen.test(repos)) {
                throw new IllegalArgumentException("no account " + accountId);
            }
            List<Invoice> open = repos.billing().openInvoices(accountId).stream()
                    .filter(i -> i.currency().equals(p.amount().currency())).toList();
            Money left = p.amount();
            Map<Long, BigDecimal> paid = repos.billing().allocatedTo(open.stream().map(Invoice::id).toList());
            for (Invoice inv : open) {
                if (!left.isPositive()) {
                    break;
                }
                Money already = new Money(paid.getOrDefault(inv.id(), BigDecimal.ZERO), inv.currency());
                Money due = inv.amount().minus(already);
                if (!due.isPositive()) {
                    continue;
                }
                Money part = due.compareTo(left) <= 0 ? due : left;
                repos.billing().add(new PaymentAllocation(p.id(), inv.id(), part));
                inv.paid(already.plus(part));
                left = left.minus(part);
            }
            p.matched(accountId, left.isPositive() ? PaymentState.UNALLOCATED : PaymentState.ALLOCATED);
            repos.audit().record(new app.frontdesk.domain.model.audit.AuditEvent(clock.instant(), actor, "payment-assigned", "payment", p.id(),
                    p.externalId() + " to account " + accountId + ", " + p.state().name().toLowerCase(Locale.ROOT)));
            notices.accountChanged(repos, accountId, "payment-assigned");
            return p.state();
        }));
    }

    /** A payment order the customer sent: it holds dunning for the clearing window; held notices are re-checked now. */
    public long recordEvidence(long accountId, String number, LocalDate date, Money amount, Long inboundId) {
        return transactions.inTransaction(repos -> recordEvidence(repos, accountId, number, date, amount, inboundId));
    }

    /** Within the caller's transaction (the pipeline records a payment order in the decision's transaction). */
    public long recordEvidence(Repositories repos, long accountId, String number, LocalDate date, Money amount, Long inboundId) {
        if (repos.accounts().find(accountId).isEmpty()) {
            throw new IllegalArgumentException("no account " + accountId);
        }
        PaymentEvidence e = new PaymentEvidence(accountId, number, date, amount, inboundId, clock.instant());
        repos.billing().add(e);
        notices.accountChanged(repos, accountId, "payment-evidence");
        return e.id();
    }

    private void match(Repositories repos, Payment p) {
        Long innAccount = null;
        if (p.payerInn() != null) {
            List<Long> byInn = repos.evidence().find(List.of(p.payerInn()), List.of(), List.of()).stream()
                    .filter(h -> "INN".equals(h.kind())).map(EvidenceIndex.Hit::accountId).distinct().toList();
            innAccount = byInn.size() == 1 ? byInn.get(0) : null;
        }
        Set<String> tokens = new LinkedHashSet<>();
        Matcher m = TOKEN.matcher(p.purpose());
        while (m.find() && tokens.size() < MAX_TOKENS) {
            tokens.add(m.group().toUpperCase(Locale.ROOT));
            tokens.add(m.group());
        }
        Map<String, Invoice> found = repos.billing().invoicesByNumber(tokens);
        List<Invoice> invoices = new ArrayList<>();
        for (Invoice inv : found.values()) {
            boolean sameAccount = innAccount == null || inv.accountId() == innAccount;
            if (sameAccount && inv.currency().equals(p.amount().currency()) && inv.status() != InvoiceStatus.CANCELLED
                    && !invoices.contains(inv)) {
                invoices.add(inv);
            }
        }
        invoices.sort(java.util.Comparator.comparing(Invoice::dueDate).thenComparing(Invoice::number));
        Long account = innAccount != null ? innAccount : invoices.isEmpty() ? null : invoices.get(0).accountId();
        if (account == null || p.state() == PaymentState.PENDING) {
            p.matched(account, PaymentState.UNMATCHED);
            return;
        }
        Money left = p.amount();
        Map<Long, BigDecimal> paid = repos.billing().allocatedTo(invoices.stream().map(Invoice::id).toList());
        for (Invoice inv : invoices) {
            if (!left.isPositive() || inv.accountId() != account) {
                continue;
            }
            Money already = new Money(paid.getOrDefault(inv.id(), BigDecimal.ZERO), inv.currency());
            Money open = inv.amount().minus(already);
            if (!open.isPositive()) {
                continue;
            }
            Money part = open.compareTo(left) <= 0 ? open : left;
            repos.billing().add(new PaymentAllocation(p.id(), inv.id(), part));
            inv.paid(already.plus(part));
            left = left.minus(part);
        }
        p.matched(account, left.isPositive() ? PaymentState.UNALLOCATED : PaymentState.ALLOCATED);
        for (PaymentEvidence e : repos.billing().unconfirmedEvidence(account)) {
            if (e.amount().isEmpty() || e.amount().get().equals(p.amount())) {
                e.confirmedBy(p.id());
                break;
            }
        }
    }

    /**
     * Stores invoices billing sent, all or none: every one must name an existing account and a number not yet known.
     *
     * @throws IllegalArgumentException saying which invoice is wrong; nothing is stored then
     */
    public int addInvoices(List<Invoice> invoices) {
        return transactions.inTransaction(r -> {
            for (Invoice inv : invoices) {
                if (r.accounts().find(inv.accountId()).isEmpty()) {
                    throw new IllegalArgumentException("invoice " + inv.number() + ": no account " + inv.accountId());
                }
                if (r.billing().invoiceByNumber(inv.number()).isPresent()) {
                    throw new IllegalArgumentException("invoice " + inv.number() + " exists already");
                }
                r.billing().add(inv);
            }
            return invoices.size();
        });
    }

    /** Payments nobody could match to an account, oldest first, for a person to assign. */
    public <T> List<T> unmatched(int limit, java.util.function.Function<Payment, T> view) {
        return transactions.inTransaction(r -> r.billing().unmatchedPayments(limit).stream().map(view).toList());
    }
}
