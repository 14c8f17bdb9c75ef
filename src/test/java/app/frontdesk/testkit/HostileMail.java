package app.frontdesk.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

/**
 * Messages built to hurt a parser, as the attacker's review of 2026-11-28 sent them: tens of thousands
 * of nested parts, a million header fields, one enormous line, a huge base64 text. Each starts with a
 * normal From and Subject, so a test can check that the message is still read far enough to route it.
 */
public final class HostileMail {

    private HostileMail() {
    }

    private static String head(String from, String subject) {
        return "From: " + from + "\r\nSubject: " + subject + "\r\nMessage-ID: <" + subject.hashCode() + "." + System.nanoTime()
                + "@hostile.example>\r\nMIME-Version: 1.0\r\n";
    }

    /** {@code depth} message/rfc822 parts, each inside the one before. */
    public static byte[] nestedMessages(String from, int depth) {
        StringBuilder s = new StringBuilder(head(from, "nested messages " + depth));
        for (int i = 0; i < depth; i++) {
            s.append("Content-Type: message/rfc822\r\n\r\n");
        }
        s.append("Content-Type: text/plain\r\n\r\ninnermost\r\n");
        return s.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code depth} multiparts, each the only part of the one before, with a text part first at the top. */
    public static byte[] nestedMultiparts(String from, int depth) {
        StringBuilder s = new StringBuilder(head(from, "nested multiparts " + depth));
        s.append("Content-Type: multipart/mixed; boundary=\"b0\"\r\n\r\n--b0\r\nContent-Type: text/plain\r\n\r\nHello, see below.\r\n");
        for (int i = 0; i < depth; i++) {
            s.append("--b").append(i).append("\r\nContent-Type: multipart/mixed; boundary=\"b").append(i + 1).append("\"\r\n\r\n");
        }
        s.append("--b").append(depth).append("\r\nContent-Type: text/plain\r\n\r\ninnermost\r\n");
        for (int i = depth; i >= 0; i--) {
            s.append("--b").append(i).append("--\r\n");
        }
        return s.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code count} extra header fields after From and Subject. */
    public static byte[] manyHeaderFields(String from, int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(count * 14);
        out.writeBytes(head(from, "many fields " + count).getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < count; i++) {
            out.writeBytes(("X-F" + i + ": v\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** A text body that is one line of {@code bytes} letters. */
    public static byte[] oneLongLine(String from, int bytes) {
        byte[] h = (head(from, "one long line") + "Content-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[h.length + bytes + 2];
        System.arraycopy(h, 0, all, 0, h.length);
        java.util.Arrays.fill(all, h.length, h.length + bytes, (byte) 'a');
        all[all.length - 2] = '\r';
        all[all.length - 1] = '\n';
        return all;
    }

    /** A multipart whose text part is {@code decodedBytes} of base64 text, in 76-character lines. */
    public static byte[] bigBase64Text(String from, int decodedBytes) {
        byte[] text = new byte[decodedBytes];
        Random r = new Random(7);
        for (int i = 0; i < text.length; i++) {
            text[i] = (byte) ('a' + r.nextInt(26));
        }
        String b64 = Base64.getMimeEncoder().encodeToString(text);
        String s = head(from, "big base64 text") + "Content-Type: multipart/mixed; boundary=\"x\"\r\n\r\n--x\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" + b64 + "\r\n--x--\r\n";
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
