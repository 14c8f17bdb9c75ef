package app.frontdesk.domain.model.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Billing data; implemented over JPA in infrastructure. */
public interface BillingRepository {

    void add(Invoice invoice);

    Optional<Invoice> invoiceByNumber(String number);

    /** Invoices by number (normalized as stored), in one query. */
    Map<String, Invoice> invoicesByNumber(Collection<String> numbers);

    /** What is allocated to each invoice so far, by invoice id. */
    Map<Long, BigDecimal> allocatedTo(Collection<Long> invoiceIds);

    /** Payments already stored, by external id (an import run twice stores each payment once). */
    boolean paymentExists(String externalId);

    void add(Payment payment);

    void add(PaymentAllocation allocation);

    /** Booked payments of the account that are not fully allocated. */
    List<Payment> unallocatedPayments(long accountId);

    List<Payment> unmatchedPayments(int limit);

    void add(PaymentEvidence evidence);

    List<PaymentEvidence> unconfirmedEvidence(long accountId);

    void add(Notice notice);

    Optional<Notice> notice(long id);

    /** Notices of the account in a state, locked for this transaction. */
    List<Notice> notices(long accountId, Collection<NoticeState> states);

    /** Notices of this kind naming this invoice that went out (queued or sent) after {@code since}. */
    List<Notice> sentSince(String invoiceNumber, NoticeKind kind, Instant since);

    /** Held notices whose hold has expired, and scheduled ones whose time has come: locked, skipping locked rows. */
    List<Notice> dueForRecheck(Instant now, int limit);

    void add(NoticeDecision decision);

    List<NoticeDecision> decisions(long noticeId);

    /** The notice whose mail is this outbox row. */
    Optional<Notice> noticeByOutbox(long outboxId);

    /** What is allocated from one payment so far. */
    BigDecimal allocatedFrom(long paymentId);

    /** Serializes everything that decides about one account's notices (a row lock on the account). */
    void lockAccount(long accountId);
}
