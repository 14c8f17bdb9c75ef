package app.frontdesk.testkit;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Builds raw RFC 5322 messages for tests: {@code TestMail.from("a@b.example").subject("x").bytes()}. */
public final class TestMail {

    private final List<String[]> headers = new ArrayList<>();
    private String body = "Hello.\r\n";
    private Charset headerCharset = StandardCharsets.US_ASCII;

    private TestMail() {
    }

    /**
     * A message from {@code from}, with the Authentication-Results our test mail server
     * ({@link GatewayFixture#AUTHSERV_ID}) writes for a sender whose domain passed DMARC: a verified
     * sender, as most real mail from customers is. {@link #unverified()} takes that away.
     */
    public static TestMail from(String from) {
        String address = from.contains("<") ? from.substring(from.indexOf('<') + 1, from.indexOf('>')) : from;
        String domain = address.substring(address.indexOf('@') + 1);
        return new TestMail().header("Authentication-Results", GatewayFixture.AUTHSERV_ID + "; dmarc=pass header.from=" + domain)
                .header("From", from).header("To", "support@frontdesk.test")
                .header("Subject", "A question").header("Date", "Sun, 22 Nov 2026 10:00:00 +0000")
                .header("Message-ID", "<" + UUID.randomUUID() + "@test>");
    }

    /** Sets a header field: replaced where it stands when present (trace fields stay on top), else added at the end. */
    public TestMail header(String name, String value) {
        if (!name.equalsIgnoreCase("Received")) {
            for (int i = 0; i < headers.size(); i++) {
                if (headers.get(i)[0].equalsIgnoreCase(name)) {
                    headers.set(i, new String[] {name, value});
                    headers.subList(i + 1, headers.size()).removeIf(h -> h[0].equalsIgnoreCase(name));
                    return this;
                }
            }
        }
        headers.add(new String[] {name, value});
        return this;
    }

    public TestMail addHeader(String name, String value) {
        headers.add(new String[] {name, value});
        return this;
    }

    public TestMail without(String name) {
        headers.removeIf(h -> h[0].equalsIgnoreCase(name));
        return this;
    }

    /** Without our mail server's results: nothing vouches for the From domain. */
    public TestMail unverified() {
        return without("Authentication-Results");
    }

    public TestMail subject(String subject) {
        return header("Subject", subject);
    }

    public TestMail messageId(String id) {
        return header("Message-ID", id);
    }

    public TestMail body(String text) {
        this.body = text;
        return this;
    }

    /** Writes header values in this charset, unencoded (8-bit headers, as broken mailers send them). */
    public TestMail rawHeaderCharset(Charset charset) {
        this.headerCharset = charset;
        return this;
    }

    public byte[] bytes() {
        StringBuilder head = new StringBuilder();
        for (String[] h : headers) {
            head.append(h[0]).append(": ").append(h[1]).append("\r\n");
        }
        byte[] h = head.append("\r\n").toString().getBytes(headerCharset);
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[h.length + b.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(b, 0, all, h.length, b.length);
        return all;
    }
}
