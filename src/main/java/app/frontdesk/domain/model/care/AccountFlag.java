package app.frontdesk.domain.model.care;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;

/**
 * The red flag of an account: raised at the second bad experience in the window, the head of support
 * alerted at the third; only a person clears it, with a note. Experiences before the clearing no
 * longer count towards a new flag.
 */
@Entity
@Table(name = "account_flag")
public class AccountFlag {

    @Id
    @Column(name = "account_id")
    private Long accountId;

    @Column(nullable = false)
    private boolean raised;

    @Column(name = "raised_at")
    private Instant raisedAt;

    @Column(name = "head_alerted", nullable = false)
    private boolean headAlerted;

    @Column(name = "cleared_at")
    private Instant clearedAt;

    @Column(name = "cleared_by")
    private String clearedBy;

    private String note;

    @Version
    private long version;

    protected AccountFlag() {
    }

    public AccountFlag(long accountId) {
        this.accountId = accountId;
    }

    public void raise(Instant at) {
        raised = true;
        raisedAt = at;
        headAlerted = false;
    }

    public void headAlerted() {
        headAlerted = true;
    }

    public void clear(String by, String why, Instant at) {
        if (!raised) {
            throw new IllegalStateException("account " + accountId + " has no red flag to clear");
        }
        raised = false;
        headAlerted = false;
        clearedAt = at;
        clearedBy = by;
        note = why;
    }

    public boolean isRaised() {
        return raised;
    }

    public boolean isHeadAlerted() {
        return headAlerted;
    }

    public Optional<Instant> raisedAt() {
        return Optional.ofNullable(raisedAt);
    }

    /** Experiences after this moment count (the last clearing), or all when never cleared. */
    public Optional<Instant> clearedAt() {
        return Optional.ofNullable(clearedAt);
    }

    public String clearedBy() {
        return clearedBy;
    }

    public String note() {
        return note;
    }
}
