package app.frontdesk.domain.model.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A file of planned notices billing uploaded for a verdict table, checked in the background chunk by chunk. */
@Entity
@Table(name = "notice_batch")
public class NoticeBatch {

    public enum State {
        QUEUED, DONE, FAILED
    }

    @Id
    @SequenceGenerator(name = "notice_batch_seq", sequenceName = "notice_batch_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notice_batch_seq")
    private Long id;

    @Column(nullable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private State state;

    @Column(nullable = false)
    private int total;

    @Column(nullable = false)
    private int done;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    private String error;

    protected NoticeBatch() {
    }

    /** A batch of {@code total} rows; its upload is stored beside it as a {@link NoticeBatchInput}. */
    public NoticeBatch(int total, Instant now) {
        this.total = total;
        this.state = State.QUEUED;
        this.createdAt = now;
    }

    public void progressed(int rows, Instant now) {
        done += rows;
        if (done >= total) {
            state = State.DONE;
            finishedAt = now;
        }
    }

    public void failed(String why, Instant now) {
        state = State.FAILED;
        error = why == null ? null : why.substring(0, Math.min(why.length(), 2000));
        finishedAt = now;
    }

    public Long id() {
        return id;
    }

    public State state() {
        return state;
    }

    public int total() {
        return total;
    }

    public int done() {
        return done;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public String error() {
        return error;
    }
}
