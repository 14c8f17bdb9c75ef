package app.frontdesk.domain.model.supportcase;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One unknown-sender situation: who wrote, which account the evidence points to (if any), and
 * everything that happened since, as a timeline. Later mail from the same sender joins the open case.
 */
@Entity
@Table(name = "support_case")
public class SupportCase {

    @Id
    @SequenceGenerator(name = "support_case_seq", sequenceName = "support_case_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "support_case_seq")
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CaseKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CaseState state;

    @Column(nullable = false)
    private String sender;

    @Column(name = "sender_name")
    private String senderName;

    @Column(name = "account_id")
    private Long accountId;

    /** Percent, 0 to 100. */
    @Column(nullable = false)
    private int confidence;

    private String evidence;

    @Column(nullable = false)
    private String locale;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** When the sender was promised an answer. */
    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    /** When the links stop working and the case expires unless a person acted. */
    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "closed_note")
    private String closedNote;

    /** Who a lead handed the case to (a staff member's address); null: the account's manager. */
    private String assignee;

    @Version
    private long version;

    /** What was written before this instance was read; loaded only when someone reads the timeline. */
    @OneToMany(mappedBy = "supportCase")
    @OrderBy("id")
    private List<CaseEvent> timeline = new ArrayList<>();

    /**
     * Events recorded through this instance, kept apart from {@link #timeline} so that recording one does not read
     * the whole history: a sender who had written 600 times made each further message load and compare 600 events,
     * the pipeline's main cost (docs/benchmarks.md, "Intake"). The persistence layer writes them at the next flush.
     */
    @Transient
    private List<CaseEvent> recorded = new ArrayList<>();

    @Transient
    private int handedOver;

    protected SupportCase() {
    }

    public SupportCase(CaseKind kind, String sender, String senderName, Long accountId, int confidence, String evidence,
                       Locale locale, Instant now, Instant dueAt, Instant expiresAt) {
        this.kind = Objects.requireNonNull(kind);
        this.state = CaseState.OPEN;
        this.sender = Objects.requireNonNull(sender);
        this.senderName = senderName == null || senderName.isBlank() ? null : cut(senderName.strip(), 200);
        this.accountId = accountId;
        this.confidence = Math.max(0, Math.min(100, confidence));
        this.evidence = evidence == null ? null : cut(evidence, 4000);
        this.locale = locale.toLanguageTag();
        this.openedAt = now;
        this.updatedAt = now;
        this.dueAt = dueAt;
        this.expiresAt = expiresAt;
    }

    public void record(Instant at, String actor, String what, String detail) {
        recorded.add(new CaseEvent(this, at, actor, what, detail));
        this.updatedAt = at;
    }

    /** The authorized channel was asked; the case now waits for a click or a person. */
    public void awaitAuthorization(Instant at) {
        if (state == CaseState.OPEN) {
            state = CaseState.AWAITING_AUTHORIZATION;
            updatedAt = at;
        }
    }

    public void close(CaseState outcome, String actor, String note, Instant at) {
        if (!outcome.isClosed()) {
            throw new IllegalArgumentException(outcome + " does not close a case");
        }
        if (state.isClosed()) {
            throw new IllegalStateException("case " + id + " is already " + state.name().toLowerCase(Locale.ROOT));
        }
        this.state = outcome;
        this.closedNote = note == null ? null : cut(note, 2000);
        record(at, actor, outcome.name().toLowerCase(Locale.ROOT), note);
    }

    /** Ties the case to an account after the fact (a person found it). */
    /** A lead hands the case to a colleague, who then sees it among their own. */
    public void handOver(String to, String actor, String note, Instant at) {
        if (state.isClosed()) {
            throw new IllegalStateException("case " + reference() + " is closed");
        }
        this.assignee = to;
        record(at, actor, "handed-over", "to " + to + (note == null || note.isBlank() ? "" : ": " + note.strip()));
    }

    public Optional<String> assignee() {
        return Optional.ofNullable(assignee);
    }

    public void assignAccount(long account, String actor, Instant at) {
        this.accountId = account;
        record(at, actor, "account-assigned", "account " + account);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    public Long id() {
        return id;
    }

    /** What the sender and the customer see: a number that says nothing about the account. */
    public String reference() {
        return reference(id);
    }

    public static String reference(long caseId) {
        return "FD-" + caseId;
    }

    public CaseKind kind() {
        return kind;
    }

    public CaseState state() {
        return state;
    }

    public String sender() {
        return sender;
    }

    public Optional<String> senderName() {
        return Optional.ofNullable(senderName);
    }

    public Optional<Long> accountId() {
        return Optional.ofNullable(accountId);
    }

    public int confidence() {
        return confidence;
    }

    public String evidence() {
        return evidence;
    }

    public Locale locale() {
        return Locale.forLanguageTag(locale);
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public String closedNote() {
        return closedNote;
    }

    /** Everything that happened, oldest first: the written history, then what was recorded since it was read. */
    public List<CaseEvent> timeline() {
        List<CaseEvent> all = new ArrayList<>(timeline);
        for (CaseEvent e : recorded) {
            if (all.stream().noneMatch(known -> known == e)) { // read again after a flush wrote it
                all.add(e);
            }
        }
        return List.copyOf(all);
    }

    /** Whether an event of this kind was recorded through this instance, written yet or not. */
    public boolean recordedHere(String what) {
        return recorded.stream().anyMatch(e -> e.kind().equals(what));
    }

    /** Open or waiting for the authorized contact: a stranger's next message joins it. */
    public boolean isOpen() {
        return !state.isClosed();
    }

    /** For the persistence layer: the events recorded since it last asked, which it writes now. */
    public List<CaseEvent> eventsToWrite() {
        List<CaseEvent> fresh = List.copyOf(recorded.subList(handedOver, recorded.size()));
        handedOver = recorded.size();
        return fresh;
    }
}
