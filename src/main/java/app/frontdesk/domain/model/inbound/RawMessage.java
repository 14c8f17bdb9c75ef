package app.frontdesk.domain.model.inbound;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes of an inbound message exactly as received, written once and never changed. They live in
 * the table {@code inbound_raw}, apart from the message's record, and are written and read as streams
 * by the repository ({@link InboundRepository}): a 25 MB message is never copied on its way in or out.
 */
public final class RawMessage {

    /** How far the mbox "From " line is looked for its end when the bytes come as a stream. */
    private static final int MBOX_LINE_LIMIT = 64 * 1024;

    private RawMessage() {
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

    /**
     * The same for a stream: {@code in} from where the Internet message starts, as {@link #messageStart}
     * finds it (an mbox line longer than 64 KiB is taken for part of the message).
     */
    public static InputStream fromMessageStart(InputStream in) throws IOException {
        BufferedInputStream b = in instanceof BufferedInputStream buffered ? buffered : new BufferedInputStream(in, 8192);
        b.mark(MBOX_LINE_LIMIT + 8);
        byte[] start = b.readNBytes(5);
        if (start.length == 5 && start[0] == 'F' && start[1] == 'r' && start[2] == 'o' && start[3] == 'm' && start[4] == ' ') {
            for (int i = 5, c; i < MBOX_LINE_LIMIT && (c = b.read()) != -1; i++) {
                if (c == '\n') {
                    b.reset();
                    b.skipNBytes(i + 1);
                    return b;
                }
            }
        }
        b.reset();
        return b;
    }
}
