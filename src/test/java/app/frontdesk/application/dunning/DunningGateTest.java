package app.frontdesk.application.dunning;

import app.frontdesk.domain.model.billing.InvoiceState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.domain.model.billing.InvoiceStatus;
import app.frontdesk.domain.model.billing.Money;
import app.frontdesk.domain.model.billing.NoticeKind;
import app.frontdesk.domain.model.billing.PaymentEvidence;
import app.frontdesk.domain.model.billing.Verdict;
import app.frontdesk.domain.model.calendar.BusinessCalendar;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each rule of the gate with its edges, as a pure function of what it sees. */
class DunningGateTest {

    private static final ZoneId MSK = ZoneId.of("Europe/Moscow");
    private static final long ACCOUNT = 7;
    private final BusinessCalendar calendar = new BusinessCalendar(MSK, LocalTime.of(9, 0), LocalTime.of(18, 0),
            Set.of(LocalDate.of(2025, 11, 3), LocalDate.of(2025, 11, 4)), Set.of(LocalDate.of(2025, 11, 1)));
    private final DunningGate gate = new DunningGate(calendar, 3, Duration.ofDays(7));

    private static Instant msk(String local) {
        return LocalDateTime.parse(local).atZone(MSK).toInstant();
    }

    private static InvoiceState invoice(String number, String amount) {
        return invoice(number, ACCOUNT, amount, "RUB");
    }

    private static InvoiceState invoice(String number, long account, String amount, String currency) {
        return new InvoiceState(number, account, Money.of(amount, currency), InvoiceStatus.OPEN, LocalDate.of(2026, 11, 15), Money.of("0", currency));
    }

    private static final class Facts {
        final Map<String, InvoiceState> invoices = new HashMap<>();
        List<Money> unallocated = List.of();
        List<PaymentEvidence> evidence = List.of();
        List<String> cases = List.of();
        Map<String, List<Instant>> recent = Map.of();
        ZoneId zone = MSK;
        app.frontdesk.domain.model.calendar.BusinessHours hours;
        Map<String, Instant> promised = Map.of();

        Facts invoice(InvoiceState i, String paidSoFar) {
            invoices.put(i.number(), new InvoiceState(i.number(), i.accountId(), i.amount(), i.status(), i.dueDate(),
                    new Money(new BigDecimal(paidSoFar), i.currency())));
            return this;
        }

        GateFacts build() {
            return new GateFacts(invoices, unallocated, evidence, cases, false, recent, zone, hours, promised);
        }
    }

    private GateDecision decide(NoticeKind kind, String claimed, String planned, Facts f, List<String> invoices) {
        return gate.decide(new NoticeRequest(ACCOUNT, kind, invoices, Money.of(claimed, "RUB"), msk(planned)), f.build(), msk(planned));
    }

    private static List<String> codes(GateDecision d) {
        return d.reasons().stream().map(Reason::code).toList();
    }

    @Test
    void aNoticeWaitsForTheAnswerWePromisedInAResolvedCaseAndGoesWhenItIsDue() {
        Facts f = new Facts().invoice(invoice("INV-1", "1500"), "0");
        f.promised = Map.of("FD-12", msk("2026-11-30T13:00"));
        GateDecision before = decide(NoticeKind.SUSPENSION, "1500.00", "2026-11-30T10:30", f, List.of("INV-1"));
        assertEquals(Verdict.HOLD, before.verdict());
        assertEquals(List.of("ANSWER_PROMISED"), codes(before));
        assertEquals(msk("2026-11-30T13:00"), before.holdUntil(), "a timed hold: it goes once our answer is due");
        assertTrue(before.reasons().get(0).message().contains("FD-12"), before.reasons().toString());
        assertEquals(Verdict.SEND, decide(NoticeKind.SUSPENSION, "1500.00", "2026-11-30T13:00", f, List.of("INV-1")).verdict());

        // while the case is open it holds for the manager (OPEN_CASE), and the promise adds nothing
        f.cases = List.of("FD-12");
        assertEquals(List.of("OPEN_CASE"), codes(decide(NoticeKind.SUSPENSION, "1500.00", "2026-11-30T10:30", f, List.of("INV-1"))));
    }

    @Test
    void aFullyPaidInvoiceIsBlockedEvenWhenPaidOnTheDueDate() {
        GateDecision d = decide(NoticeKind.REMINDER, "1500.00", "2026-11-16T10:00", new Facts().invoice(invoice("INV-1", "1500"), "1500.00"),
                List.of("INV-1"));
        assertEquals(Verdict.BLOCK, d.verdict());
        assertEquals(List.of("INVOICE_PAID"), codes(d));
    }

    @Test
    void aPartlyPaidInvoiceIsBlockedWithTheCorrectAmountUnlessTheClaimIsRight() {
        Facts f = new Facts().invoice(invoice("INV-1", "1500.00"), "500.00");
        GateDecision wrong = decide(NoticeKind.REMINDER, "1500.00", "2026-11-16T10:00", f, List.of("INV-1"));
        assertEquals(Verdict.BLOCK, wrong.verdict());
        assertEquals(List.of("AMOUNT_WRONG"), codes(wrong));
        assertTrue(wrong.reasons().get(0).message().contains("correct the amount to 1000.00 RUB"), wrong.reasons().get(0).message());
        assertEquals(Verdict.SEND, decide(NoticeKind.REMINDER, "1000.00", "2026-11-16T10:00", f, List.of("INV-1")).verdict());
        assertEquals(Verdict.BLOCK, decide(NoticeKind.REMINDER, "1000.01", "2026-11-16T10:00", f, List.of("INV-1")).verdict(),
                "one kopeck off is wrong");
    }

    @Test
    void partialPaymentsAcrossSeveralInvoicesAddUp() {
        Facts f = new Facts().invoice(invoice("INV-1", "1000.00"), "1000.00").invoice(invoice("INV-2", "2000.00"), "500.00")
                .invoice(invoice("INV-3", "333.33"), "0");
        assertEquals(Verdict.SEND, decide(NoticeKind.REMINDER, "1833.33", "2026-11-16T10:00", f, List.of("INV-2", "INV-3")).verdict());
        GateDecision withPaid = decide(NoticeKind.REMINDER, "1833.33", "2026-11-16T10:00", f, List.of("INV-1", "INV-2", "INV-3"));
        assertEquals(List.of("INVOICE_PAID"), codes(withPaid), "a notice naming a paid invoice is wrong as a whole");
    }

    @Test
    void moneyKeepsTheCurrencyScaleAndRefusesMore() {
        assertEquals("1000.50 RUB", Money.of("1000.5", "RUB").toString());
        assertThrows(IllegalArgumentException.class, () -> Money.of("1000.005", "RUB"));
        assertEquals("100 JPY", Money.of("100", "JPY").toString());
        assertThrows(IllegalArgumentException.class, () -> Money.of("100.5", "JPY"));
        assertEquals("1.250 KWD", Money.of("1.25", "KWD").toString());
    }

    @Test
    void aSuspensionAtFridayMidnightOrSaturdayWaitsForMondayMorning() {
        Facts f = new Facts().invoice(invoice("INV-1", "1500.00"), "0");
        assertEquals(Verdict.SEND, decide(NoticeKind.SUSPENSION, "1500.00", "2026-11-20T17:59", f, List.of("INV-1")).verdict());
        for (String when : List.of("2026-11-20T23:59", "2026-11-21T00:01", "2026-11-22T12:00")) {
            GateDecision d = decide(NoticeKind.SUSPENSION, "1500.00", when, f, List.of("INV-1"));
            assertEquals(Verdict.HOLD, d.verdict(), when);
            assertEquals(List.of("NOT_BUSINESS_TIME"), codes(d));
            assertEquals(msk("2026-11-23T09:00"), d.holdUntil(), when);
        }
        assertEquals(Verdict.SEND, decide(NoticeKind.REMINDER, "1500.00", "2026-11-21T00:01", f, List.of("INV-1")).verdict(),
                "a reminder may go at the weekend");
    }

    @Test
    void transferDaysAndHolidaysCount() {
        Facts f = new Facts().invoice(invoice("INV-1", "1500.00"), "0");
        assertEquals(Verdict.SEND, decide(NoticeKind.FINAL, "1500.00", "2025-11-01T10:00", f, List.of("INV-1")).verdict(),
                "Saturday 1 November 2025 was a working day by decree");
        GateDecision holiday = decide(NoticeKind.FINAL, "1500.00", "2025-11-03T10:00", f, List.of("INV-1"));
        assertEquals(msk("2025-11-05T09:00"), holiday.holdUntil(), "3 and 4 November 2025 were days off");
    }

    @Test
    void theAccountsTimeZoneDecidesWhatBusinessHoursAre() {
        Facts f = new Facts().invoice(invoice("INV-1", "1500.00"), "0");
        f.zone = ZoneId.of("Asia/Vladivostok");
        assertEquals(Verdict.SEND, decide(NoticeKind.SUSPENSION, "1500.00", "2026-11-20T10:00", f, List.of("INV-1")).verdict(),
                "17:00 in Vladivostok");
        assertEquals(Verdict.HOLD, decide(NoticeKind.SUSPENSION, "1500.00", "2026-11-20T12:00", f, List.of("INV-1")).verdict(),
                "19:00 in Vladivostok");
    }

    @Test
    void anAccountsOwnBusinessHoursCount() {
        Facts f = new Facts().invoice(invoice("INV-1", "1500.00"), "0");
        assertEquals(Verdict.SEND, decide(NoticeKind.SUSPENSION, "1500.00", "2026-11-20T17:30", f, List.of("INV-1")).verdict());
        f.hours = app.frontdesk.domain.model.calendar.BusinessHours.parse("08:00-17:00");
        GateDecision d = decide(NoticeKind.SUSPENSION, "1500.00", "2026-11-20T17:30", f, List.of("INV-1"));
        assertEquals(Verdict.HOLD, d.verdict(), "the customer's office closes at 17:00");
        assertEquals(msk("2026-11-23T08:00"), d.holdUntil());
    }

    @Test
    void aPaymentOrderHoldsForThreeBusinessDays() {
        Facts f = new Facts().invoice(invoice("INV-1", "1500.00"), "0");
        f.evidence = List.of(new PaymentEvidence(ACCOUNT, "118", LocalDate.of(2026, 11, 20), Money.of("1500.00", "RUB"), null, msk("2026-11-20T16:00")));
        GateDecision d = decide(NoticeKind.REMINDER, "1500.00", "2026-11-23T10:00", f, List.of("INV-1"));
        assertEquals(Verdict.HOLD, d.verdict());
        assertEquals(List.of("PAYMENT_EVIDENCE"), codes(d));
        assertEquals(msk("2026-11-25T18:00"), d.holdUntil(), "Friday + 3 business days = Wednesday evening");
        assertEquals(Verdict.SEND, decide(NoticeKind.REMINDER, "1500.00", "2026-11-25T18:00", f, List.of("INV-1")).verdict());
    }

    @Test
    void theStoryHoldsWithBothReasons() {
        Facts f = new Facts().invoice(invoice("INV-2026-0042", "1500.00"), "0");
        f.evidence = List.of(new PaymentEvidence(ACCOUNT, "118", LocalDate.of(2026, 11, 20), null, null, msk("2026-11-20T16:00")));
        GateDecision d = decide(NoticeKind.SUSPENSION, "1500.00", "2026-11-21T10:00", f, List.of("INV-2026-0042"));
        assertEquals(Verdict.HOLD, d.verdict());
        assertEquals(List.of("PAYMENT_EVIDENCE", "NOT_BUSINESS_TIME"), codes(d));
        assertEquals(msk("2026-11-25T18:00"), d.holdUntil(), "the later of the two");
    }

    @Test
    void unallocatedPaymentsThatCoverTheClaimHoldForAPerson() {
        Facts f = new Facts().invoice(invoice("INV-1", "1500.00"), "0");
        f.unallocated = List.of(Money.of("1000.00", "RUB"), Money.of("500.00", "RUB"), Money.of("9999.00", "EUR"));
        GateDecision d = decide(NoticeKind.REMINDER, "1500.00", "2026-11-16T10:00", f, List.of("INV-1"));
        assertEquals(List.of("UNALLOCATED_PAYMENT"), codes(d));
        assertNull(d.holdUntil(), "waits for the allocation, not for a time");
        f.unallocated = List.of(Money.of("1499.99", "RUB"));
        assertEquals(Verdict.SEND, decide(NoticeKind.REMINDER, "1500.00", "2026-11-16T10:00", f, List.of("INV-1")).verdict());
    }

    @Test
    void anOpenCaseHoldsForTheManager() {
        Facts f = new Facts().invoice(invoice("INV-1", "1500.00"), "0");
        f.cases = List.of("FD-51");
        GateDecision d = decide(NoticeKind.REMINDER, "1500.00", "2026-11-16T10:00", f, List.of("INV-1"));
        assertEquals(List.of("OPEN_CASE"), codes(d));
        assertTrue(d.reasons().get(0).message().contains("FD-51"));
        assertNull(d.holdUntil());
    }

    @Test
    void theSameNoticeAgainWithinTheWindowIsBlocked() {
        Facts f = new Facts().invoice(invoice("INV-1", "1500.00"), "0");
        f.recent = Map.of("INV-1", List.of(msk("2026-11-14T10:00")));
        assertEquals(List.of("DUPLICATE"), codes(decide(NoticeKind.REMINDER, "1500.00", "2026-11-16T10:00", f, List.of("INV-1"))));
    }

    @Test
    void unknownForeignAndOtherCurrencyInvoicesAreBlocked() {
        Facts f = new Facts().invoice(invoice("EUR-1", ACCOUNT, "10.00", "EUR"), "0").invoice(invoice("OTHER-1", 99, "10.00", "RUB"), "0");
        assertEquals(List.of("UNKNOWN_INVOICE"), codes(decide(NoticeKind.REMINDER, "10.00", "2026-11-16T10:00", f, List.of("NOPE-1"))));
        assertEquals(List.of("CURRENCY_MISMATCH"), codes(decide(NoticeKind.REMINDER, "10.00", "2026-11-16T10:00", f, List.of("EUR-1"))));
        assertEquals(List.of("INVOICE_OF_ANOTHER_ACCOUNT"), codes(decide(NoticeKind.REMINDER, "10.00", "2026-11-16T10:00", f, List.of("OTHER-1"))));
        assertEquals(List.of("NO_INVOICE"), codes(decide(NoticeKind.REMINDER, "10.00", "2026-11-16T10:00", f, List.of())));
    }

    @Test
    void aBlockOutweighsHoldsAndReportsThemAll() {
        Facts f = new Facts().invoice(invoice("INV-1", "1500.00"), "1500.00");
        f.cases = List.of("FD-1");
        GateDecision d = decide(NoticeKind.SUSPENSION, "1500.00", "2026-11-21T10:00", f, List.of("INV-1"));
        assertEquals(Verdict.BLOCK, d.verdict());
        assertEquals(List.of("INVOICE_PAID", "NOT_BUSINESS_TIME", "OPEN_CASE"), codes(d));
    }
}
