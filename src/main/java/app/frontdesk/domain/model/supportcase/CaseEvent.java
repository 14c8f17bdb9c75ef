package app.frontdesk.domain.model.supportcase;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of a case's timeline: what happened, when, and who did it. */
@Entity
@Table(name = "case_event")
public class CaseEvent {

    @Id
    @SequenceGenerator(name = "case_event_seq", sequenceName = "case_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_event_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "case_id")
    private SupportCase supportCase;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false)
    private String actor;

    @Column(nullable = false)
    private String kind;

    private String detail;

    protected CaseEvent() {
    }

    CaseEvent(SupportCase supportCase, Instant at, String actor, String kind, String detail) {
        this.supportCase = supportCase;
        this.occurredAt = at;
        this.actor = actor;
        this.kind = kind;
        this.detail = detail == null ? null : detail.substring(0, Math.min(detail.length(), 4000));
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String actor() {
        return actor;
    }

    public String kind() {
        return kind;
    }

    public String detail() {
        return detail;
    }
}
