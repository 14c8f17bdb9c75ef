package app.frontdesk.interfaces.console;

import app.frontdesk.application.accountdesk.AccountDesk;
import app.frontdesk.application.care.CareDesk;
import app.frontdesk.domain.model.account.Account;
import app.frontdesk.domain.model.audit.AuditEvent;
import app.frontdesk.domain.model.billing.Invoice;
import app.frontdesk.domain.model.billing.Money;
import app.frontdesk.domain.model.billing.Payment;
import app.frontdesk.domain.model.billing.PaymentEvidence;
import app.frontdesk.domain.model.care.FlaggedAccount;
import app.frontdesk.domain.model.staff.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Models for the account pages and the red flags on "Needs me": plain maps of words and numbers in the
 * reader's language; money at its currency's scale; every value escaped by the template.
 */
@ApplicationScoped
public class AccountViews {

    @Inject
    ConsoleSettings settings;

    public AccountViews() {
    }

    AccountViews(ConsoleSettings settings) {
        this.settings = settings;
    }

    Map<String, Object> listRow(AccountDesk.Listed l) {
        Map<String, Object> m = new HashMap<>();
        m.put("accountId", l.account().id());
        m.put("accountName", l.account().name());
        m.put("domains", String.join(", ", l.domains()));
        m.put("managerName", l.account().managerName() == null ? "" : l.account().managerName());
        m.put("flagged", l.flagged());
        return m;
    }

    Map<String, Object> flagRow(FlaggedAccount f, Locale lang) {
        Map<String, Object> m = new HashMap<>();
        m.put("accountId", f.accountId());
        m.put("accountName", f.accountName());
        m.put("since", f.raisedAt() == null ? "" : time(f.raisedAt(), lang));
        m.put("headAlerted", f.headAlerted());
        return m;
    }

    Map<String, Object> detail(Viewer v, AccountDesk.Detail d) {
        Locale lang = v.locale();
        Account a = d.account();
        Map<String, Object> m = new HashMap<>();
        m.put("accountId", a.id());
        m.put("accountName", a.name());
        m.put("looksAfter", d.looksAfter());
        m.put("flagged", d.flagged());
        a.manager().ifPresent(x -> m.put("manager", Map.of("name", x.name(), "address", x.address().value())));
        m.put("timeZone", a.timeZone().map(java.time.ZoneId::getId).orElse(""));
        m.put("businessHours", a.businessHours().orElse(""));
        m.put("domainList", String.join(", ", a.domains()));
        m.put("references", d.references().stream().map(r -> Map.of("kind", Map.of(r.kind().name(), true), "value", r.value())).toList());
        m.put("hasReferences", !d.references().isEmpty());
        m.put("contacts", a.contacts().stream().map(c -> {
            Map<String, Object> x = new HashMap<>();
            x.put("contactId", c.id());
            x.put("address", c.address().value());
            x.put("contactName", c.name() == null ? "" : c.name());
            x.put("language", c.locale().getDisplayLanguage(lang));
            x.put("since", c.createdAt() == null ? "" : time(c.createdAt(), lang));
            x.put("webhook", c.webhookUrl().isPresent());
            return x;
        }).toList());
        m.put("hasContacts", !a.contacts().isEmpty());
        m.put("invoices", d.invoices().stream().map(i -> invoice(i, d.paid().get(i.id()), lang)).toList());
        m.put("hasInvoices", !d.invoices().isEmpty());
        m.put("payments", d.payments().stream().map(p -> payment(p, lang)).toList());
        m.put("hasPayments", !d.payments().isEmpty());
        m.put("evidence", d.evidence().stream().map(e -> evidence(e, lang)).toList());
        m.put("hasEvidence", !d.evidence().isEmpty());
        m.put("rows", AccountDesk.ROWS);
        m.put("invoicesCut", d.invoices().size() >= AccountDesk.ROWS);
        m.put("paymentsCut", d.payments().size() >= AccountDesk.ROWS);
        m.put("today", LocalDate.now(settings.clock().withZone(settings.zone())).toString());
        d.care().ifPresent(c -> m.put("care", care(c, lang)));
        m.put("history", d.history().stream().map(e -> history(e, lang)).toList());
        m.put("hasHistory", !d.history().isEmpty());
        return m;
    }

    private Map<String, Object> invoice(Invoice i, BigDecimal paid, Locale lang) {
        Map<String, Object> x = new HashMap<>();
        x.put("number", i.number());
        x.put("issued", date(i.issueDate(), lang));
        x.put("due", date(i.dueDate(), lang));
        x.put("amount", money(i.amount(), lang));
        x.put("paid", money(new Money(paid == null ? BigDecimal.ZERO : paid, i.currency()), lang));
        x.put("status", Map.of(i.status().name(), true));
        return x;
    }

    private Map<String, Object> payment(Payment p, Locale lang) {
        Map<String, Object> x = new HashMap<>();
        x.put("booked", p.bookingDate() == null ? "" : date(p.bookingDate(), lang));
        x.put("amount", money(p.amount(), lang));
        x.put("purpose", p.purpose() == null ? "" : p.purpose());
        x.put("payerInn", p.payerInn() == null ? "" : p.payerInn());
        x.put("state", Map.of(p.state().name(), true));
        return x;
    }

    private Map<String, Object> evidence(PaymentEvidence e, Locale lang) {
        Map<String, Object> x = new HashMap<>();
        x.put("number", e.number() == null ? "" : e.number());
        x.put("date", date(e.orderDate(), lang));
        x.put("amount", e.amount().map(a -> money(a, lang)).orElse(""));
        x.put("confirmed", e.state() == PaymentEvidence.State.CONFIRMED);
        x.put("received", time(e.receivedAt(), lang));
        x.put("byMail", e.inboundId() != null);
        return x;
    }

    private Map<String, Object> care(CareDesk.Timeline t, Locale lang) {
        Map<String, Object> x = new HashMap<>();
        x.put("raised", t.flagged());
        x.put("raisedAt", t.raisedAt() == null ? "" : time(t.raisedAt(), lang));
        x.put("headAlerted", t.headAlerted());
        // what came before the last clearing is dealt with (CareDesk counts only what came after)
        x.put("experiences", t.experiences().stream().map(e -> Map.of("at", time(e.occurredAt(), lang), "kind", Map.of(e.kind().name(), true),
                "detail", e.detail() == null ? "" : e.detail(),
                "settled", t.clearedAt() != null && !e.occurredAt().isAfter(t.clearedAt()))).toList());
        x.put("hasExperiences", !t.experiences().isEmpty());
        if (t.clearedAt() != null) {
            x.put("cleared", Map.of("at", time(t.clearedAt(), lang), "by", t.clearedBy() == null ? "" : t.clearedBy(),
                    "note", t.note() == null ? "" : t.note()));
        }
        return x;
    }

    private Map<String, Object> history(AuditEvent e, Locale lang) {
        Map<String, Object> x = new HashMap<>();
        x.put("at", time(e.occurredAt(), lang));
        x.put("actor", e.actor());
        x.put("action", e.action());
        boolean known = KNOWN.contains(e.action());
        x.put("known", known);
        if (known) {
            x.put("what", Map.of(camel(e.action()), true));
        }
        x.put("detail", e.detail() == null ? "" : e.detail());
        return x;
    }

    /** Audit actions the page names in the reader's words; any other is shown as recorded. */
    private static final java.util.Set<String> KNOWN = java.util.Set.of("account-created", "account-updated", "account-imported",
            "contact-added", "contact-removed", "red-flag-raised", "red-flag-cleared", "head-of-support-alerted", "payment-evidence-added");

    private static String camel(String action) {
        StringBuilder b = new StringBuilder();
        for (String part : action.split("-")) {
            b.append(b.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return b.toString();
    }

    /** At the currency's scale, grouped as the reader writes numbers: 1 500,00 RUB or 1,500.00 RUB. */
    static String money(Money m, Locale lang) {
        NumberFormat f = NumberFormat.getNumberInstance(lang);
        int scale = Math.max(m.currency().getDefaultFractionDigits(), 0);
        f.setMinimumFractionDigits(scale);
        f.setMaximumFractionDigits(scale);
        return f.format(m.amount()) + " " + m.currency().getCurrencyCode();
    }

    private String time(Instant t, Locale lang) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", lang).withZone(settings.zone()).format(t);
    }

    private static String date(LocalDate d, Locale lang) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy", lang).format(d);
    }
}
