package app.frontdesk.domain.model.inbound;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * Where Frontdesk stands in one IMAP mailbox it reads: the mailbox's UIDVALIDITY, the highest UID
 * taken under it, and the cut-off of the first run. A message is taken when its UID is above
 * {@code lastUid} (it arrived after we last looked) or it arrived on or after {@code takingSince}
 * (left behind by a crash between storing and moving): mail that was already in the mailbox before
 * the first run, and older than the cut-off, is never taken.
 */
@Entity
@Table(name = "imap_mailbox_position")
public class MailboxPosition {

    @Id
    private String mailbox;

    @Column(name = "uid_validity", nullable = false)
    private long uidValidity;

    @Column(name = "last_uid", nullable = false)
    private long lastUid;

    @Column(name = "taking_since", nullable = false)
    private Instant takingSince;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected MailboxPosition() {
    }

    /**
     * The position of a mailbox seen for the first time (or again under a new UIDVALIDITY).
     *
     * @param lastUid the highest UID already in the mailbox: those messages are judged by their date alone
     */
    public MailboxPosition(String mailbox, long uidValidity, long lastUid, Instant takingSince, Instant now) {
        this.mailbox = Objects.requireNonNull(mailbox);
        if (uidValidity <= 0 || lastUid < 0) {
            throw new IllegalArgumentException("UIDVALIDITY must be positive and the last UID not negative");
        }
        this.uidValidity = uidValidity;
        this.lastUid = lastUid;
        this.takingSince = Objects.requireNonNull(takingSince);
        this.updatedAt = now;
    }

    /** Whether a message with this UID and arrival time is ours to take. */
    public boolean takes(long uid, Instant arrived) {
        return uid > lastUid || (arrived != null && !arrived.isBefore(takingSince));
    }

    /** Moves past {@code uid}, once the message is stored and moved (never back). */
    public void passed(long uid, Instant now) {
        if (uid > lastUid) {
            lastUid = uid;
            updatedAt = now;
        }
    }

    /**
     * The server gave the mailbox a new UIDVALIDITY: every UID we knew means nothing now. The mailbox is
     * read again, judged by arrival date from {@code highestUid} down; copies are kept out by intake.
     */
    public void restartAt(long newUidValidity, long highestUid, Instant now) {
        this.uidValidity = newUidValidity;
        this.lastUid = highestUid;
        this.updatedAt = now;
    }

    public String mailbox() {
        return mailbox;
    }

    public long uidValidity() {
        return uidValidity;
    }

    public long lastUid() {
        return lastUid;
    }

    public Instant takingSince() {
        return takingSince;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
