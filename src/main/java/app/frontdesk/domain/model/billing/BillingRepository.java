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

    List<Payment> unmatchedPayments(int limit);

    /** The payments with a part allocated to any of these invoices (by invoice id). */
    List<Payment> paymentsAllocatedTo(Collection<Long> invoiceIds);

    /** The payment, locked for this transaction; empty when there is none. */
    Optional<Payment> lockPayment(long id);

    /** The account's invoices not paid in full and not cancelled, the earliest due first. */
    List<Invoice> openInvoices(long accountId);

    void add(PaymentEvidence evidence);

    List<PaymentEvidence> unconfirmedEvidence(long accountId);

    /** The account's invoices, latest issued first, at most {@code limit}. */
    List<Invoice> invoicesOf(long accountId, int limit);

    /** The payments matched to the account, latest first, at most {@code limit}. */
    List<Payment> paymentsOf(long accountId, int limit);

    /** The payment orders the account sent (or a person recorded), latest first, at most {@code limit}. */
    List<PaymentEvidence> evidenceOf(long accountId, int limit);

    void add(Notice notice);

    Optional<Notice> notice(long id);

    /** Notices of the account in a state, locked for this transaction. */
    List<Notice> notices(long accountId, Collection<NoticeState> states);

    /** Notices in {@code states} across accounts, oldest first, at most {@code limit}. */
    List<Notice> notices(Collection<NoticeState> states, int limit);

    /** Held notices whose hold has expired, and scheduled ones whose time has come: locked, skipping locked rows. */
    List<Notice> dueForRecheck(Instant now, int limit);

    void add(NoticeDecision decision);

    /**
     * Stores many decisions at once (a batch chunk), written straight to the database: they are not
     * managed afterwards and get no id on the object.
     */
    void addAll(List<NoticeDecision> decisions);

    List<NoticeDecision> decisions(long noticeId);

    /** The notice whose mail is this outbox row. */
    Optional<Notice> noticeByOutbox(long outboxId);

    void add(NoticeBatch batch);

    void add(NoticeBatchInput input);

    /** The upload of a batch, as JSON lines. */
    byte[] batchInput(long batchId);

    Optional<NoticeBatch> batch(long id);

    /** The oldest batch still to be checked, locked, skipping one another worker holds. */
    Optional<NoticeBatch> claimQueuedBatch();

    /** A batch's verdicts in row order. */
    List<NoticeDecision> batchDecisions(long batchId);

    /**
     * This transaction's commit need not wait for the disk (PostgreSQL {@code synchronous_commit = off}):
     * for records that may be lost in a crash together with everything else of the transaction
     * (dry-run decisions; a batch chunk with its progress, redone after a crash). No effect on H2.
     */
    void commitWithoutWaitingForDisk();

    /** Serializes everything that decides about one account's notices (a row lock on the account); false: no such account. */
    boolean lockAccount(long accountId);
}
