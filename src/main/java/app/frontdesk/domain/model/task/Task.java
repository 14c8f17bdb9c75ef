package app.frontdesk.domain.model.task;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Something we promised a customer: who owes it (the personal manager, or the support lead), what was
 * promised and to whom, by when (a moment in business hours), and about which account, case or
 * notice. It is open until done; once overdue it is escalated to the support lead, once.
 */
@Entity
@Table(name = "task")
public class Task {

    @Id
    @SequenceGenerator(name = "task_seq", sequenceName = "task_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "task_seq")
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TaskKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TaskState state;

    @Column(nullable = false)
    private String assignee;

    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "case_id")
    private Long caseId;

    @Column(name = "notice_id")
    private Long noticeId;

    @Column(name = "promised_to")
    private String promisedTo;

    @Column(nullable = false)
    private String promise;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "escalated_at")
    private Instant escalatedAt;

    @Column(name = "escalated_to")
    private String escalatedTo;

    @Column(name = "done_at")
    private Instant doneAt;

    @Column(name = "done_by")
    private String doneBy;

    private String note;

    @Version
    private long version;

    protected Task() {
    }

    /**
     * @param promisedTo who was promised (an address, a name or the company); null when it is the account as a whole
     * @param promise    what was promised, in words ("call the customer about the red flag")
     */
    public Task(TaskKind kind, String assignee, Long accountId, Long caseId, Long noticeId, String promisedTo, String promise, Instant dueAt,
                Instant now) {
        this.kind = Objects.requireNonNull(kind);
        this.state = TaskState.OPEN;
        if (assignee == null || assignee.isBlank()) {
            throw new IllegalArgumentException("a task needs a person who owes it");
        }
        this.assignee = assignee.strip().toLowerCase(java.util.Locale.ROOT); // addresses compare as the API and console write them
        this.accountId = accountId;
        this.caseId = caseId;
        this.noticeId = noticeId;
        this.promisedTo = promisedTo == null || promisedTo.isBlank() ? null : cut(promisedTo.strip(), 500);
        this.promise = cut(Objects.requireNonNull(promise).strip(), 2000);
        this.dueAt = Objects.requireNonNull(dueAt);
        this.createdAt = now;
    }

    /** Done, by a person with a note, or by what fulfilled it (a recovery mail sent, the case resolved). */
    public void done(String by, String why, Instant at) {
        if (state == TaskState.DONE) {
            throw new IllegalStateException("task " + id + " is already done");
        }
        state = TaskState.DONE;
        doneAt = at;
        doneBy = by;
        note = why == null ? null : cut(why.strip(), 2000);
    }

    /** Told to the support lead because it is overdue; once. */
    public void escalated(String to, Instant at) {
        escalatedAt = at;
        escalatedTo = to;
    }

    public boolean isOverdue(Instant now) {
        return state == TaskState.OPEN && !dueAt.isAfter(now);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    public Long id() {
        return id;
    }

    public TaskKind kind() {
        return kind;
    }

    public TaskState state() {
        return state;
    }

    public String assignee() {
        return assignee;
    }

    public Optional<Long> accountId() {
        return Optional.ofNullable(accountId);
    }

    public Optional<Long> caseId() {
        return Optional.ofNullable(caseId);
    }

    public Optional<Long> noticeId() {
        return Optional.ofNullable(noticeId);
    }

    public Optional<String> promisedTo() {
        return Optional.ofNullable(promisedTo);
    }

    public String promise() {
        return promise;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> escalatedAt() {
        return Optional.ofNullable(escalatedAt);
    }

    public Optional<String> escalatedTo() {
        return Optional.ofNullable(escalatedTo);
    }

    public Optional<Instant> doneAt() {
        return Optional.ofNullable(doneAt);
    }

    public Optional<String> doneBy() {
        return Optional.ofNullable(doneBy);
    }

    public Optional<String> note() {
        return Optional.ofNullable(note);
    }
}
