package app.frontdesk.domain.model.supportcase;

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

/**
 * A one-click link we mailed: the row makes it single-use, the signature in the URL (see
 * application.cases.LinkSigner) makes it unforgeable without a database look-up.
 */
@Entity
@Table(name = "action_link")
public class ActionLink {

    @Id
    @SequenceGenerator(name = "action_link_seq", sequenceName = "action_link_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "action_link_seq")
    private Long id;

    @Column(name = "case_id", nullable = false)
    private Long caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LinkAction action;

    /** Who the link was sent to: the authorized contact or the manager; recorded as the actor when used. */
    @Column(name = "issued_to", nullable = false)
    private String issuedTo;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    /** The message the link's mail named: the only one the link releases (null on links issued before V8). */
    @Column(name = "inbound_id")
    private Long inboundId;

    protected ActionLink() {
    }

    public ActionLink(long caseId, LinkAction action, String issuedTo, Instant expiresAt, long inboundId) {
        this.inboundId = inboundId;
        this.caseId = caseId;
        this.action = action;
        this.issuedTo = issuedTo;
        this.expiresAt = expiresAt;
    }

    public boolean usable(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    public void use(Instant now) {
        if (!usable(now)) {
            throw new IllegalStateException("link " + id + " is used or expired");
        }
        this.usedAt = now;
    }

    public Long id() {
        return id;
    }

    public long caseId() {
        return caseId;
    }

    public LinkAction action() {
        return action;
    }

    public String issuedTo() {
        return issuedTo;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public java.util.Optional<Long> inboundId() {
        return java.util.Optional.ofNullable(inboundId);
    }

    public Instant usedAt() {
        return usedAt;
    }
}
