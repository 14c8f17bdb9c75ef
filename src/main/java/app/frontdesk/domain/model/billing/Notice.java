package app.frontdesk.domain.model.billing;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** An overdue or suspension notice billing submitted, with the mail itself; Frontdesk sends it if and when the gate allows. */
@Entity
@Table(name = "notice")
public class Notice {

    @Id
    @SequenceGenerator(name = "notice_seq", sequenceName = "notice_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notice_seq")
    private Long id;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private NoticeKind kind;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "notice_invoice", joinColumns = @JoinColumn(name = "notice_id"))
    @Column(name = "invoice_no")
    private Set<String> invoices = new LinkedHashSet<>();

    @Column(name = "claimed_amount", nullable = false)
    private BigDecimal claimedAmount;

    @Column(nullable = false)
    private String currency;

    @Column(name = "planned_at", nullable = false)
    private Instant plannedAt;

    @Column(nullable = false)
    private String recipients;

    @Column(nullable = false)
    private String subject;

    @Column(nullable = false)
    private String body;

    @Column(name = "callback_url")
    private String callbackUrl;

    @Column(name = "external_ref")
    private String externalRef;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private NoticeState state;

    @Column(name = "hold_until")
    private Instant holdUntil;

    @Column(name = "outbox_id")
    private Long outboxId;

    /** What people accepted on this notice (approved holds, an overridden block), as JSON; null: nothing. */
    @Column(name = "accepted")
    private String accepted;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** When the outbox sent it to the customer. */
    @Column(name = "sent_at")
    private Instant sentAt;

    /** When a payment dated before it was sent showed that it was wrong (told once). */
    @Column(name = "found_wrong_at")
    private Instant foundWrongAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Notice() {
    }

    public Notice(long accountId, NoticeKind kind, List<String> invoices, Money claimed, Instant plannedAt, List<String> recipients,
                  String subject, String body, String callbackUrl, String externalRef, Instant now) {
        this.accountId = accountId;
        this.kind = kind;
        this.invoices.addAll(invoices);
        this.claimedAmount = claimed.amount();
        this.currency = claimed.currency().getCurrencyCode();
        this.plannedAt = plannedAt;
        this.recipients = String.join(",", recipients);
        this.subject = subject;
        this.body = body;
        this.callbackUrl = callbackUrl;
        this.externalRef = externalRef;
        this.state = NoticeState.SCHEDULED;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Applies a decision: held with its time (or until a person approves), blocked, or on its way. */
    public void decided(Verdict verdict, Instant until, Instant now) {
        if (state.isFinal()) {
            throw new IllegalStateException("notice " + id + " is already " + state);
        }
        this.state = switch (verdict) {
            case BLOCK -> NoticeState.BLOCKED;
            case HOLD -> NoticeState.HELD;
            case SEND -> now.isBefore(plannedAt) ? NoticeState.SCHEDULED : NoticeState.QUEUED;
        };
        this.holdUntil = verdict == Verdict.HOLD ? until : null;
        this.updatedAt = now;
    }

    public void queued(long outbox, Instant now) {
        this.outboxId = outbox;
        this.state = NoticeState.QUEUED;
        this.updatedAt = now;
    }

    /** The check right before sending said no: the mail stays unsent, the notice waits or is blocked. */
    public void stopped(Verdict verdict, Instant until, Instant now) {
        if (verdict == Verdict.SEND) {
            throw new IllegalArgumentException("SEND does not stop a notice");
        }
        this.state = verdict == Verdict.BLOCK ? NoticeState.BLOCKED : NoticeState.HELD;
        this.holdUntil = verdict == Verdict.HOLD ? until : null;
        this.outboxId = null;
        this.updatedAt = now;
    }

    /** A person approved a hold or overrode a block: what they accepted, for every later check of this notice. */
    public void accept(String acceptedJson, Instant now) {
        if (state.isFinal() && state != NoticeState.BLOCKED || state == NoticeState.QUEUED) {
            throw new IllegalStateException("notice " + id + " is " + state + ": nothing to approve");
        }
        this.accepted = acceptedJson;
        this.updatedAt = now;
    }

    /** An administrator overrode the block: the notice is decided again (BLOCKED is final otherwise). */
    public void reopen(Instant now) {
        if (state != NoticeState.BLOCKED) {
            throw new IllegalStateException("notice " + id + " is " + state + ", not blocked");
        }
        this.state = NoticeState.HELD;
        this.updatedAt = now;
    }

    public Optional<String> accepted() {
        return Optional.ofNullable(accepted);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public void sent(Instant now) {
        this.state = NoticeState.SENT;
        this.sentAt = now;
        this.updatedAt = now;
    }

    /** It went out, and a payment dated before that shows it should not have: the customer is owed a recovery, once. */
    public void foundWrong(Instant now) {
        if (state != NoticeState.SENT) {
            throw new IllegalStateException("notice " + id + " never reached the customer; only a sent notice can be found wrong");
        }
        this.foundWrongAt = now;
    }

    /** When it reached the customer (for notices sent before this was recorded: when it last changed, which was then). */
    public Optional<Instant> sentAt() {
        return state != NoticeState.SENT ? Optional.empty() : Optional.of(sentAt != null ? sentAt : updatedAt);
    }

    public Optional<Instant> foundWrongAt() {
        return Optional.ofNullable(foundWrongAt);
    }

    public Long id() {
        return id;
    }

    public long accountId() {
        return accountId;
    }

    public NoticeKind kind() {
        return kind;
    }

    public List<String> invoices() {
        return new ArrayList<>(invoices);
    }

    public Money claimed() {
        return new Money(claimedAmount, Currency.getInstance(currency));
    }

    public Instant plannedAt() {
        return plannedAt;
    }

    public List<String> recipients() {
        return Arrays.asList(recipients.split(","));
    }

    public String subject() {
        return subject;
    }

    public String body() {
        return body;
    }

    public Optional<String> callbackUrl() {
        return Optional.ofNullable(callbackUrl);
    }

    public String externalRef() {
        return externalRef;
    }

    public NoticeState state() {
        return state;
    }

    public Optional<Instant> holdUntil() {
        return Optional.ofNullable(holdUntil);
    }

    public Long outboxId() {
        return outboxId;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
