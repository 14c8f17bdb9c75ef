package app.frontdesk.application.intake;

import java.nio.charset.StandardCharsets;

/**
 * Finds a header field (Message-ID, From) in the header block without a MIME parse: intake must stay
 * cheap and must not fail on a message the parser would choke on (that is the pipeline's business,
 * after storing).
 */
public final class HeaderScanner {

    private static final byte[] MESSAGE_ID = "message-id:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FROM = "from:".getBytes(StandardCharsets.US_ASCII);

    private HeaderScanner() {
    }

    /** The unfolded Message-ID value, or null when the header block has none. */
    public static String messageId(byte[] raw) {
        return find(raw, MESSAGE_ID);
    }

    /**
     * The address in the first From field, lower-cased ({@code "Anna" <Anna@X.example>} gives
     * {@code anna@x.example}), or null. Unverified: a scheduling hint for the pipeline, never trust.
     */
    public static String fromAddress(byte[] raw) {
        String value = find(raw, FROM);
        if (value == null) {
            return null;
        }
        int open = value.lastIndexOf('<');
        int close = open < 0 ? -1 : value.indexOf('>', open);
        String address = (open >= 0 && close > open ? value.substring(open + 1, close) : value).strip();
        return address.isEmpty() ? null : address.toLowerCase(java.util.Locale.ROOT);
    }

    private static String find(byte[] raw, byte[] name) {
        int i = 0;
        while (i < raw.length) {
            int end = lineEnd(raw, i);
            int contentEnd = contentEnd(raw, i, end);
            if (contentEnd == i) {
                return null; // empty line: end of the header block
            }
            if (startsWithIgnoreCase(raw, i, name)) {
                StringBuilder value = new StringBuilder(new String(raw, i + name.length, contentEnd - i - name.length,
                        StandardCharsets.ISO_8859_1));
                int next = end + 1;
                while (next < raw.length && (raw[next] == ' ' || raw[next] == '\t')) {
                    int stop = lineEnd(raw, next);
                    value.append(new String(raw, next, contentEnd(raw, next, stop) - next, StandardCharsets.ISO_8859_1));
                    next = stop + 1;
                }
                String v = value.toString().strip();
                return v.isEmpty() ? null : v;
            }
            i = end + 1;
        }
        return null;
    }

    /** The index of the LF that ends the line starting at {@code from}, or the end of the bytes. */
    private static int lineEnd(byte[] raw, int from) {
        for (int i = from; i < raw.length; i++) {
            if (raw[i] == '\n') {
                return i;
            }
        }
        return raw.length;
    }

    /** The end of the line's content: before a CR that precedes the LF. */
    private static int contentEnd(byte[] raw, int start, int lineEnd) {
        return lineEnd > start && raw[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
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
