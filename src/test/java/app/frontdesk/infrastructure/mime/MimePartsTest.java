package app.frontdesk.infrastructure.mime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.application.mail.MailPart;
import app.frontdesk.testkit.MailWithParts;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MimePartsTest {

    private final Mime4jMailParser parser = new Mime4jMailParser();
    private final byte[] mail = MailWithParts.mail("anna@romashka.example", "support@frontdesk.test", "<p@x>", "Счёт");

    @Test
    void listsEveryPartAPersonMayOpenWithItsDecodedNameTypeAndSizeButNotTheText() throws Exception {
        List<MailPart> parts = parser.parts(new ByteArrayInputStream(mail));
        assertEquals(List.of("application/pdf", "image/png", "text/html", "image/svg+xml", "message/rfc822"),
                parts.stream().map(MailPart::type).toList(), "the text body and its HTML alternative are the page's, not offered");
        assertEquals(MailWithParts.PDF_NAME, parts.get(0).filename(), "RFC 2231 name decoded");
        assertEquals("../../рисунок.svg", parts.get(3).filename(), "RFC 2047 name decoded (made safe only when served)");
        assertEquals(MailWithParts.PDF.length, parts.get(0).size(), "decoded size, not the base64 one");
        assertEquals(MailWithParts.PNG.length, parts.get(1).size());
        assertEquals(List.of(0, 1, 2, 3, 4), parts.stream().map(MailPart::index).toList());
    }

    @Test
    void opensOnlyThePartAskedForDecoded() throws Exception {
        byte[][] got = new byte[1][];
        var part = parser.openPart(new ByteArrayInputStream(mail), 0, (p, in) -> got[0] = in.readAllBytes());
        assertEquals("application/pdf", part.orElseThrow().type());
        assertArrayEquals(MailWithParts.PDF, got[0]);

        parser.openPart(new ByteArrayInputStream(mail), 2, (p, in) -> got[0] = in.readAllBytes());
        assertEquals(MailWithParts.HTML, new String(got[0], StandardCharsets.UTF_8));
        parser.openPart(new ByteArrayInputStream(mail), 4, (p, in) -> got[0] = in.readAllBytes());
        assertTrue(new String(got[0], StandardCharsets.UTF_8).contains("Subject: earlier"), "a forwarded message is opened whole");

        assertTrue(parser.openPart(new ByteArrayInputStream(mail), 5, (p, in) -> got[0] = null).isEmpty(), "no sixth part");
    }

    @Test
    void aSinglePartTextMailHasNothingToOpen() throws Exception {
        byte[] plain = "From: a@b.example\r\nSubject: hi\r\n\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals(List.of(), parser.parts(new ByteArrayInputStream(plain)));
    }
}
