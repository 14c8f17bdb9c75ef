package app.frontdesk.interfaces.console;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The one file a console upload form sends (multipart/form-data, RFC 7578), read from the body: the
 * forms have a single file field and nothing else, so a small reader is enough and no multipart
 * library has to be added to the server.
 */
final class MultipartFile {

    private MultipartFile() {
    }

    /** The content of the part named {@code field}; empty when the body has no such part. */
    static Optional<byte[]> part(byte[] body, String contentType, String field) {
        String boundary = boundary(contentType);
        if (boundary == null) {
            return Optional.empty();
        }
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int headersStart = at + delimiter.length;
            if (headersStart + 2 <= body.length && body[headersStart] == '-' && body[headersStart + 1] == '-') {
                return Optional.empty(); // the closing delimiter
            }
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
            if (headersEnd < 0) {
                return Optional.empty();
            }
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
            int contentStart = headersEnd + 4;
            int next = indexOf(body, ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1), contentStart);
            if (next < 0) {
                return Optional.empty();
            }
            if (headers.matches("(?is).*content-disposition:\\s*form-data;[^\\r\\n]*\\bname=\"" + java.util.regex.Pattern.quote(field) + "\".*")) {
                return Optional.of(Arrays.copyOfRange(body, contentStart, next));
            }
            at = next + 2;
        }
        return Optional.empty();
    }

    private static String boundary(String contentType) {
        if (contentType == null) {
            return null;
        }
        var m = java.util.regex.Pattern.compile("(?i)boundary=\"?([^\";]{1,70})\"?").matcher(contentType);
        return m.find() ? m.group(1) : null;
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
