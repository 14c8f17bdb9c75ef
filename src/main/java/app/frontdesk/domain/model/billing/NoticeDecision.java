package app.frontdesk.domain.model.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One answer of the gate, kept with its reasons and the data it saw, so that anyone can tell later why. */
@Entity
@Table(name = "notice_decision")
public class NoticeDecision {

    @Id
    @SequenceGenerator(name = "notice_decision_seq", sequenceName = "notice_decision_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notice_decision_seq")
    private Long id;

    @Column(name = "notice_id")
    private Long noticeId;

    @Column(name = "account_id")
    private Long accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Verdict verdict;

    /** JSON array of {code, message}. */
    @Column(nullable = false)
    private String reasons;

    @Column(name = "hold_until")
    private Instant holdUntil;

    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    /** JSON: invoices, allocations, payments, evidence and cases as the gate saw them. */
    @Column(name = "data_seen", nullable = false)
    private String dataSeen;

    /** check (dry run), submit, recheck-payment, recheck-expiry, before-send. */
    @Column(nullable = false)
    private String cause;

    @Column(name = "batch_id")
    private Long batchId;

    @Column(name = "batch_row")
    private Integer batchRow;

    protected NoticeDecision() {
    }

    public NoticeDecision(Long noticeId, Long accountId, Verdict verdict, String reasonsJson, Instant holdUntil, String dataSeenJson,
                          String cause, Instant now) {
        this.noticeId = noticeId;
        this.accountId = accountId;
        this.verdict = verdict;
        this.reasons = cut(reasonsJson);
        this.holdUntil = holdUntil;
        this.dataSeen = cut(dataSeenJson);
        this.cause = cause;
        this.decidedAt = now;
    }

    /** Marks this decision as row {@code row} of an uploaded batch. */
    public NoticeDecision inBatch(long batch, int row) {
        this.batchId = batch;
        this.batchRow = row;
        return this;
    }

    public Long accountId() {
        return accountId;
    }

    public Integer batchRow() {
        return batchRow;
    }

    public Long batchId() {
        return batchId;
    }

    private static String cut(String s) {
        return s.length() <= 8000 ? s : s.substring(0, 7990) + "...";
    }

    public Long id() {
        return id;
    }

    public Long noticeId() {
        return noticeId;
    }

    public Verdict verdict() {
        return verdict;
    }

    public String reasons() {
        return reasons;
    }

    public Instant holdUntil() {
        return holdUntil;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String dataSeen() {
        return dataSeen;
    }

    public String cause() {
        return cause;
    }
}
