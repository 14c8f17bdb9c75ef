package app.frontdesk.interfaces.lmtp;

import java.util.Arrays;

/**
 * The message of one DATA, kept up to the size cap and counted beyond it: a message over the cap is read to
 * its end (the protocol needs the final dot) but none of the rest is kept, so memory stays bounded by the cap.
 */
final class CappedBody implements LmtpInput.Sink {

    private final long cap;
    private byte[] bytes = new byte[8 * 1024];
    private int length;
    private long total;

    CappedBody(long cap) {
        this.cap = cap;
    }

    @Override
    public void write(byte[] b, int offset, int n) {
        total += n;
        if (total > cap) {
            bytes = null; // over the cap: nothing more is kept, and what was kept is let go
            return;
        }
        if (length + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(cap, Math.max((long) length + n, 2L * bytes.length)));
        }
        System.arraycopy(b, offset, bytes, length, n);
        length += n;
    }

    boolean overCap() {
        return total > cap;
    }

    /** The message after {@code prefix} in one new array (the trace fields of one recipient). */
    byte[] withPrefix(byte[] prefix) {
        byte[] raw = new byte[prefix.length + length];
        System.arraycopy(prefix, 0, raw, 0, prefix.length);
        System.arraycopy(bytes, 0, raw, prefix.length, length);
        return raw;
    }
}
