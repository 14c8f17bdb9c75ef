package app.frontdesk.domain.model.care;

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

/** One bad experience of an account, with what it was about. */
@Entity
@Table(name = "experience")
public class Experience {

    @Id
    @SequenceGenerator(name = "experience_seq", sequenceName = "experience_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "experience_seq")
    private Long id;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ExperienceKind kind;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    private String detail;

    @Column(name = "inbound_id")
    private Long inboundId;

    protected Experience() {
    }

    public Experience(long accountId, ExperienceKind kind, String detail, Long inboundId, Instant at) {
        this.accountId = accountId;
        this.kind = kind;
        this.detail = detail == null ? null : detail.substring(0, Math.min(detail.length(), 2000));
        this.inboundId = inboundId;
        this.occurredAt = at;
    }

    public long accountId() {
        return accountId;
    }

    public ExperienceKind kind() {
        return kind;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String detail() {
        return detail;
    }

    public Long inboundId() {
        return inboundId;
    }
}
