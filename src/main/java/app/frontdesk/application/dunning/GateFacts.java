package app.frontdesk.application.dunning;

import app.frontdesk.domain.model.billing.InvoiceState;
import app.frontdesk.domain.model.billing.Money;
import app.frontdesk.domain.model.billing.PaymentEvidence;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Everything the gate looks at for one notice, read fresh from the database (see NoticeDesk). The gate
 * itself is a pure function of this, so its rules are tested without a database and every decision
 * can store exactly what it saw.
 *
 * @param invoices          the named invoices that exist, with what is paid on each, by number as requested
 * @param unallocated       booked payments of the account not (fully) allocated: their unallocated remainder
 * @param evidence          unconfirmed payment orders of the account
 * @param openCases         references of open cases on the account (unknown sender, complaint)
 * @param redFlagged        the account is red-flagged (care rules)
 * @param recentSameKind    when notices of the same kind for each invoice went out within the repeat window, by invoice number
 * @param zone              the account's time zone
 * @param hours             the account's own business hours; null: the gateway's
 * @param promisedAnswers   when the answer promised in each of the account's cases falls due, by case reference, for
 *                          the open cases and the resolved ones whose answer is still to come
 */
public record GateFacts(Map<String, InvoiceState> invoices, List<Money> unallocated, List<PaymentEvidence> evidence,
                        List<String> openCases, boolean redFlagged, Map<String, List<java.time.Instant>> recentSameKind, ZoneId zone,
                        app.frontdesk.domain.model.calendar.BusinessHours hours, Map<String, java.time.Instant> promisedAnswers) {

    /** Without promised answers (as before they were read). */
    public GateFacts(Map<String, InvoiceState> invoices, List<Money> unallocated, List<PaymentEvidence> evidence, List<String> openCases,
                     boolean redFlagged, Map<String, List<java.time.Instant>> recentSameKind, ZoneId zone,
                     app.frontdesk.domain.model.calendar.BusinessHours hours) {
        this(invoices, unallocated, evidence, openCases, redFlagged, recentSameKind, zone, hours, Map.of());
    }
}
