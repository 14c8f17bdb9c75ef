package app.frontdesk.domain.model.billing;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows the gate decides from, for a set of accounts and invoices, read together: billing's
 * tables, open cases and red flags are separate modules, but one check must see them at one moment
 * and, on PostgreSQL, in one round trip (a single check is a handful of milliseconds, most of them
 * waiting on the network and the scheduler, once per statement).
 */
public interface GateFactsQuery {

    /** @param now the moment of the check: a case's promised answer still to come holds notices until it */
    Rows read(Collection<String> invoiceNumbers, Collection<Long> accountIds, Instant sentSince, Long exceptNotice, Instant now);

    /**
     * @param accounts      the asked accounts that exist: their time zone and business hours (either may be null)
     * @param invoices      the asked invoices that exist, with what is allocated to each
     * @param unallocated   the unallocated remainders of booked payments, by account
     * @param evidence      unconfirmed payment orders, by account
     * @param openCases     references of open cases, by account
     * @param promised      when the answer promised in each case (open or resolved) falls due, by account and case reference,
     *                      for the cases whose answer is still to come
     * @param flagged       red-flagged accounts
     * @param sent          notices queued or sent since {@code sentSince}, by kind and invoice number
     */
    record Rows(Map<Long, String[]> accounts, Map<String, InvoiceState> invoices, Map<Long, List<Money>> unallocated,
                Map<Long, List<PaymentEvidence>> evidence, Map<Long, List<String>> openCases, Map<Long, Map<String, Instant>> promised,
                Set<Long> flagged,
                Map<NoticeKind, Map<String, List<Instant>>> sent) {
    }
}
