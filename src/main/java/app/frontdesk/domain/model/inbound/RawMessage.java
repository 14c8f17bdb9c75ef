package app.frontdesk.domain.model.inbound;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The bytes of an inbound message exactly as received. Written once, never changed. */
@Entity
@Table(name = "inbound_raw")
public class RawMessage {

    @Id
    @Column(name = "inbound_id")
    private Long inboundId;

    @Column(nullable = false)
    private byte[] raw;

    protected RawMessage() {
    }

    public RawMessage(long inboundId, byte[] raw) {
        this.inboundId = inboundId;
        this.raw = raw;
    }

    public long inboundId() {
        return inboundId;
    }

    public byte[] bytes() {
        return raw;
    }
}
