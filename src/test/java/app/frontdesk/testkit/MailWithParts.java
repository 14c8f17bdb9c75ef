package app.frontdesk.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A customer's mail with parts a person may open: a text body with an HTML alternative, a PDF named in
 * Russian (RFC 2231), an inline PNG, an HTML page with script, an SVG, and a forwarded message. Each
 * part's decoded bytes are known, so a test can check what is opened byte for byte.
 */
public final class MailWithParts {

    public static final byte[] PDF = "%PDF-1.4\n% счёт 42\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
    public static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    public static final String HTML = "<html><body><script>alert('x')</script><p>Hi</p></body></html>";
    public static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>";
    public static final String PDF_NAME = "Счёт № 42.pdf";

    private MailWithParts() {
    }

    /** The Content-Type of {@link #body()}. */
    public static final String CONTENT_TYPE = "multipart/mixed; boundary=\"b1\"";

    /** The mail from {@code from} with subject {@code subject}: five parts may be opened (0 PDF, 1 PNG, 2 HTML, 3 SVG, 4 forwarded). */
    public static byte[] mail(String from, String to, String messageId, String subject) {
        String s = "From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject + "\r\nMessage-ID: " + messageId
                + "\r\nDate: Fri, 20 Nov 2026 09:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: " + CONTENT_TYPE + "\r\n\r\n" + body();
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The multipart body alone, for {@code TestMail.from(...).header("Content-Type", CONTENT_TYPE).body(body())}. */
    public static String body() {
        String b = "b1", alt = "b2";
        return "--" + b + "\r\nContent-Type: multipart/alternative; boundary=\"" + alt + "\"\r\n\r\n"
                + "--" + alt + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nСчёт во вложении.\r\n"
                + "--" + alt + "\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Счёт во вложении.</p>\r\n"
                + "--" + alt + "--\r\n"
                + "--" + b + "\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename*=UTF-8''" + java.net.URLEncoder.encode(PDF_NAME, StandardCharsets.UTF_8).replace("+", "%20")
                + "\r\n\r\n" + base64(PDF)
                + "--" + b + "\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: inline\r\n\r\n" + base64(PNG)
                + "--" + b + "\r\nContent-Type: text/html; charset=utf-8; name=\"page.html\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + base64(HTML.getBytes(StandardCharsets.UTF_8))
                + "--" + b + "\r\nContent-Type: image/svg+xml\r\nContent-Disposition: attachment; filename=\"=?UTF-8?B?"
                + Base64.getEncoder().encodeToString("../../рисунок.svg".getBytes(StandardCharsets.UTF_8)) + "?=\"\r\n\r\n" + SVG + "\r\n"
                + "--" + b + "\r\nContent-Type: message/rfc822\r\n\r\nFrom: x@example.net\r\nSubject: earlier\r\n\r\nthe earlier mail\r\n"
                + "--" + b + "--\r\n";
    }

    private static String base64(byte[] bytes) {
        return Base64.getMimeEncoder(76, new byte[] {'\r', '\n'}).encodeToString(bytes) + "\r\n";
    }
}
