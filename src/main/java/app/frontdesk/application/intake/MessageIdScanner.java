package app.frontdesk.application.intake;

import java.nio.charset.StandardCharsets;

/**
 * Finds the Message-ID in the header block without a MIME parse: intake must stay cheap and must
 * not fail on a message the parser would choke on (that is the pipeline's business, after storing).
 */
public final class MessageIdScanner {

    private static final byte[] NAME = "message-id:".getBytes(StandardCharsets.US_ASCII);

    private MessageIdScanner() {
    }

    /** The unfolded Message-ID value, or null when the header block has none. */
    public static String find(byte[] raw) {
        int i = 0;
        while (i < raw.length) {
            int lineEnd = indexOf(raw, (byte) '\n', i);
            int end = lineEnd < 0 ? raw.length : lineEnd;
            int contentEnd = end > i && raw[end - 1] == '\r' ? end - 1 : end;
            if (contentEnd == i) {
                return null; // empty line: end of the header block
            }
            if (startsWithIgnoreCase(raw, i, NAME)) {
                StringBuilder value = new StringBuilder(new String(raw, i + NAME.length, contentEnd - i - NAME.length,
                        StandardCharsets.ISO_8859_1));
                int next = end + 1;
                while (next < raw.length && (raw[next] == ' ' || raw[next] == '\t')) {
                    int e = indexOf(raw, (byte) '\n', next);
                    int stop = e < 0 ? raw.length : e;
                    int ce = stop > next && raw[stop - 1] == '\r' ? stop - 1 : stop;
                    value.append(new String(raw, next, ce - next, StandardCharsets.ISO_8859_1));
                    next = stop + 1;
                }
                String v = value.toString().strip();
                return v.isEmpty() ? null : v;
            }
            i = end + 1;
        }
        return null;
    }

    private static int indexOf(byte[] a, byte b, int from) {
        for (int i = from; i < a.length; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWithIgnoreCase(byte[] raw, int at, byte[] lowerPrefix) {
        if (raw.length - at < lowerPrefix.length) {
            return false;
        }
        for (int k = 0; k < lowerPrefix.length; k++) {
            byte c = raw[at + k];
            if (c >= 'A' && c <= 'Z') {
                c = (byte) (c + 32);
            }
            if (c != lowerPrefix[k]) {
                return false;
            }
        }
        return true;
    }
}
