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

    /**
     * Where the Internet message starts in bytes as received: after the mbox "From sender date"
     * line that some local(8) set-ups put in front, or at 0.
     */
    public static int messageStart(byte[] raw) {
        if (raw.length > 5 && raw[0] == 'F' && raw[1] == 'r' && raw[2] == 'o' && raw[3] == 'm' && raw[4] == ' ') {
            for (int i = 5; i < raw.length; i++) {
                if (raw[i] == '\n') {
                    return i + 1;
                }
            }
        }
        return 0;
    }

    public long inboundId() {
        return inboundId;
    }

    public byte[] bytes() {
        return raw;
    }
}
