package app.frontdesk.domain.model.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The upload of a {@link NoticeBatch}, kept apart from the batch row: the row is claimed and updated
 * once per chunk, the upload is read once per batch.
 */
@Entity
@Table(name = "notice_batch_input")
public class NoticeBatchInput {

    @Id
    @Column(name = "batch_id")
    private Long batchId;

    /** The checked rows as JSON lines. */
    @Column(nullable = false)
    private byte[] input;

    protected NoticeBatchInput() {
    }

    public NoticeBatchInput(long batchId, byte[] jsonLines) {
        this.batchId = batchId;
        this.input = jsonLines;
    }

    public byte[] input() {
        return input;
    }
}
