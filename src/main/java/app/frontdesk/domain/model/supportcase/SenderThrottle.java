package app.frontdesk.domain.model.supportcase;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When we last wrote to (or about) one sender, per kind. A reply goes out at most once per window,
 * so that a sender who writes five times, or an auto-responder we failed to recognise, gets one;
 * an alert likewise, and what it held back goes into a digest.
 */
@Entity
@Table(name = "sender_throttle")
@IdClass(SenderThrottle.Key.class)
public class SenderThrottle {

    /**
     * REPLY and ALERT per sender; OPERATOR for the gateway's own alerts to the administrator (sender: what it is about);
     * CASE: no mail, the row whose lock orders the workers that look up or open a sender's case.
     */
    public enum Kind {
        REPLY, ALERT, OPERATOR, CASE
    }

    @Id
    private String sender;

    @Id
    @Enumerated(EnumType.STRING)
    private Kind kind;

    @Column(name = "last_sent_at", nullable = false)
    private Instant lastSentAt;

    /** Mails held back since the last one (the digest counts them). */
    @Column(nullable = false)
    private int pending;

    @Column(name = "case_id")
    private Long caseId;

    protected SenderThrottle() {
    }

    public SenderThrottle(String sender, Kind kind, Long caseId, Instant now) {
        this.sender = sender;
        this.kind = kind;
        this.caseId = caseId;
        this.lastSentAt = now;
    }

    /** True (and the window restarts) when one may be sent now; false counts one more held back. */
    public boolean tryPass(Duration window, Long currentCase, Instant now) {
        if (!now.isBefore(lastSentAt.plus(window))) {
            lastSentAt = now;
            pending = 0;
            caseId = currentCase;
            return true;
        }
        pending++;
        caseId = currentCase;
        return false;
    }

    /** The held-back ones went out in a digest now. */
    public void digested(Instant now) {
        pending = 0;
        lastSentAt = now;
    }

    public boolean digestDue(Duration window, Instant now) {
        return pending > 0 && !now.isBefore(lastSentAt.plus(window));
    }

    public String sender() {
        return sender;
    }

    public Kind kind() {
        return kind;
    }

    public Instant lastSentAt() {
        return lastSentAt;
    }

    public int pending() {
        return pending;
    }

    public Long caseId() {
        return caseId;
    }

    public static final class Key implements Serializable {
        private String sender;
        private Kind kind;

        public Key() {
        }

        public Key(String sender, Kind kind) {
            this.sender = sender;
            this.kind = kind;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(sender, k.sender) && kind == k.kind;
        }

        @Override
        public int hashCode() {
            return Objects.hash(sender, kind);
        }
    }
}
