package app.frontdesk.application.dunning;

import app.frontdesk.domain.model.billing.InvoiceState;
import app.frontdesk.domain.model.billing.InvoiceStatus;
import app.frontdesk.domain.model.billing.Money;
import app.frontdesk.domain.model.billing.PaymentEvidence;
import app.frontdesk.domain.model.billing.Verdict;
import app.frontdesk.domain.model.calendar.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The rules, in the order a clerk would check them. Any BLOCK reason blocks; otherwise any HOLD
 * reason holds (until the latest timed hold, or until a person or an event when one of them has no
 * time); otherwise SEND. Every rule that fires is reported, not only the first.
 */
public final class DunningGate {

    /** Holds a person may approve; NOT_BUSINESS_TIME is the calendar's, and nobody skips it. */
    public static final Set<String> APPROVABLE_HOLDS = Set.of("PAYMENT_EVIDENCE", "UNALLOCATED_PAYMENT", "OPEN_CASE", "RED_FLAG");
    /** Every hold the gate reports; the other codes of a BLOCK decision are its blocks. */
    public static final Set<String> HOLDS = Set.of("PAYMENT_EVIDENCE", "UNALLOCATED_PAYMENT", "OPEN_CASE", "RED_FLAG", "NOT_BUSINESS_TIME");

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm z", Locale.ENGLISH);

    private final BusinessCalendar calendar;
    private final int clearingBusinessDays;
    private final Duration repeatWindow;

    /**
     * @param clearingBusinessDays how long a payment order may take to reach us (3 business days)
     * @param repeatWindow         the same kind of notice for the same invoice is not sent twice within this
     */
    public DunningGate(BusinessCalendar calendar, int clearingBusinessDays, Duration repeatWindow) {
        this.calendar = calendar;
        this.clearingBusinessDays = clearingBusinessDays;
        this.repeatWindow = repeatWindow;
    }

    public Duration repeatWindow() {
        return repeatWindow;
    }

    /**
     * When a payment order dated {@code orderDate} stops holding notices: the end of the last of the
     * clearing business days after it, by the account's calendar (its zone and hours). What the gate
     * holds for and what customers are told ("no reminders until ...") both come from here.
     */
    public Instant clearingEnds(BusinessCalendar accountCalendar, java.time.LocalDate orderDate) {
        return accountCalendar.plusBusinessDays(orderDate.atStartOfDay(accountCalendar.zone()).toInstant(), clearingBusinessDays);
    }

    /** The gate's calendar in an account's zone and hours (null: the default ones). */
    public BusinessCalendar calendarOf(java.time.ZoneId zone, app.frontdesk.domain.model.calendar.BusinessHours hours) {
        return calendar.inZone(zone).withHours(hours);
    }

    public GateDecision decide(NoticeRequest r, GateFacts f, Instant now) {
        return decide(r, f, now, List.of());
    }

    /** As {@link #decide(NoticeRequest, GateFacts, Instant)}, leaving aside the block reasons an administrator accepted word for word. */
    public GateDecision decide(NoticeRequest r, GateFacts f, Instant now, Collection<Reason> acceptedBlocks) {
        BusinessCalendar cal = calendarOf(f.zone(), f.hours());
        List<Reason> blocks = new ArrayList<>();
        List<Reason> holds = new ArrayList<>();
        Instant holdUntil = null;
        boolean untimedHold = false;

        if (r.invoiceNumbers().isEmpty()) {
            blocks.add(new Reason("NO_INVOICE", "The notice names no invoice, so there is nothing to check it against."));
        }
        Money outstanding = Money.zero(r.claimed().currency());
        boolean amountsComparable = true;
        for (String number : r.invoiceNumbers()) {
            InvoiceState inv = f.invoices().get(number);
            if (inv == null) {
                blocks.add(new Reason("UNKNOWN_INVOICE", "Invoice " + number + " is not known to Frontdesk; upload it first or correct the number.",
                        Map.of("invoice", number)));
                amountsComparable = false;
                continue;
            }
            if (inv.accountId() != r.accountId()) {
                blocks.add(new Reason("INVOICE_OF_ANOTHER_ACCOUNT", "Invoice " + number + " belongs to another account.", Map.of("invoice", number)));
                amountsComparable = false;
                continue;
            }
            if (!inv.currency().equals(r.claimed().currency())) {
                blocks.add(new Reason("CURRENCY_MISMATCH", "Invoice " + number + " is in " + inv.currency().getCurrencyCode()
                        + " but the notice claims " + r.claimed().currency().getCurrencyCode() + ".", Map.of("invoice", number,
                        "invoiceCurrency", inv.currency().getCurrencyCode(), "claimedCurrency", r.claimed().currency().getCurrencyCode())));
                amountsComparable = false;
                continue;
            }
            if (inv.status() == InvoiceStatus.CANCELLED) {
                blocks.add(new Reason("INVOICE_CANCELLED", "Invoice " + number + " was cancelled.", Map.of("invoice", number)));
                amountsComparable = false;
                continue;
            }
            Money paid = inv.paid();
            Money left = inv.amount().minus(paid);
            if (left.isZeroOrLess()) {
                blocks.add(new Reason("INVOICE_PAID", "Invoice " + number + " is paid in full (" + paid + " of " + inv.amount() + ").",
                        Map.of("invoice", number, "paid", paid, "amount", inv.amount())));
            } else {
                outstanding = outstanding.plus(left);
            }
            for (Instant sent : f.recentSameKind().getOrDefault(number, List.of())) {
                blocks.add(new Reason("DUPLICATE", "A " + r.kind().name().toLowerCase(Locale.ROOT) + " notice for invoice " + number
                        + " already went out on " + WHEN.format(sent.atZone(f.zone())) + "; the same notice is not sent again within "
                        + repeatWindow.toDays() + " days.", Map.of("invoice", number, "kind", r.kind(), "sent", sent, "days", repeatWindow.toDays())));
            }
        }
        if (amountsComparable && blocks.stream().noneMatch(b -> b.code().equals("INVOICE_PAID")) && !r.invoiceNumbers().isEmpty()
                && r.claimed().compareTo(outstanding) != 0) {
            blocks.add(new Reason("AMOUNT_WRONG", "The notice claims " + r.claimed() + " but " + outstanding
                    + " is outstanding; correct the amount to " + outstanding + ".", Map.of("claimed", r.claimed(), "outstanding", outstanding)));
        }

        for (PaymentEvidence e : f.evidence()) {
            Instant windowEnds = clearingEnds(cal, e.orderDate());
            if (now.isBefore(windowEnds)) {
                holds.add(new Reason("PAYMENT_EVIDENCE", "The customer sent a payment order" + (e.number() == null ? "" : " No. " + e.number())
                        + " dated " + e.orderDate() + e.amount().map(a -> " for " + a).orElse("") + "; banks need up to " + clearingBusinessDays
                        + " business days, so we wait until " + WHEN.format(windowEnds.atZone(f.zone())) + ".", orderFacts(e, windowEnds)));
                holdUntil = later(holdUntil, windowEnds);
            }
        }
        Money unallocated = Money.zero(r.claimed().currency());
        for (Money m : f.unallocated()) {
            if (m.currency().equals(r.claimed().currency())) {
                unallocated = unallocated.plus(m);
            }
        }
        if (unallocated.isPositive() && unallocated.compareTo(r.claimed()) >= 0) {
            holds.add(new Reason("UNALLOCATED_PAYMENT", "The account has payments of " + unallocated
                    + " not yet allocated to invoices, enough to cover the claim; allocate them first.", Map.of("unallocated", unallocated)));
            untimedHold = true;
        }
        Instant sendAt = r.plannedAt().isAfter(now) ? r.plannedAt() : now;
        if (r.kind().needsBusinessTime() && !cal.isBusinessTime(sendAt)) {
            Instant next = cal.nextBusinessTime(sendAt);
            holds.add(new Reason("NOT_BUSINESS_TIME", "A " + r.kind().name().toLowerCase(Locale.ROOT) + " notice planned for "
                    + WHEN.format(sendAt.atZone(f.zone())) + " would reach the customer when nobody can answer; it goes out at "
                    + WHEN.format(next.atZone(f.zone())) + ".", Map.of("kind", r.kind(), "planned", sendAt, "next", next)));
            holdUntil = later(holdUntil, next);
        }
        if (!f.openCases().isEmpty()) {
            holds.add(new Reason("OPEN_CASE", "The account has an open case (" + String.join(", ", f.openCases())
                    + "); the personal manager must approve this notice.", Map.of("cases", String.join(", ", f.openCases()))));
            untimedHold = true;
        }
        for (var promised : f.promisedAnswers().entrySet()) {
            // an open case holds for the manager (above); once resolved, the answer we promised its sender still comes first
            if (!f.openCases().contains(promised.getKey()) && sendAt.isBefore(promised.getValue())) {
                holds.add(new Reason("ANSWER_PROMISED", "We promised the sender of " + promised.getKey() + " an answer by "
                        + WHEN.format(promised.getValue().atZone(f.zone())) + "; a notice before it would overtake our answer, so it waits until then.",
                        Map.of("case", promised.getKey(), "until", promised.getValue())));
                holdUntil = later(holdUntil, promised.getValue());
            }
        }
        if (f.redFlagged()) {
            holds.add(new Reason("RED_FLAG", "The account is red-flagged after repeated bad experiences; the personal manager must approve this notice."));
            untimedHold = true;
        }

        // word for word: code and message (which carries the figures); the facts beside them are for readers, and
        // after a round trip through the stored JSON they are not the same Java values
        blocks.removeIf(b -> acceptedBlocks.stream().anyMatch(a -> a.code().equals(b.code()) && a.message().equals(b.message())));
        if (!blocks.isEmpty()) {
            List<Reason> all = new ArrayList<>(blocks);
            all.addAll(holds);
            return new GateDecision(Verdict.BLOCK, all, null);
        }
        if (!holds.isEmpty()) {
            return new GateDecision(Verdict.HOLD, holds, untimedHold ? null : holdUntil);
        }
        return new GateDecision(Verdict.SEND, List.of(new Reason("CLEAR", "Nothing speaks against sending: " + outstanding
                + " is outstanding and no payment, payment order or open case is known.", Map.of("outstanding", outstanding))), null);
    }

    private static Map<String, Object> orderFacts(PaymentEvidence e, Instant until) {
        Map<String, Object> m = new java.util.HashMap<>(Map.of("date", e.orderDate(), "until", until));
        if (e.number() != null) {
            m.put("number", e.number());
        }
        e.amount().ifPresent(a -> m.put("amount", a));
        return m;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
