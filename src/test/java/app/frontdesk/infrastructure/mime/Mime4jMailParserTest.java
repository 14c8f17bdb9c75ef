package app.frontdesk.infrastructure.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.application.pipeline.ParsedMail;
import app.frontdesk.application.pipeline.UnparseableMailException;
import app.frontdesk.testkit.TestMail;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Mime4jMailParserTest {

    private final Mime4jMailParser parser = new Mime4jMailParser();

    @Test
    void shouldDecodeEncodedWordsInKoi8r() throws Exception {
        ParsedMail p = parser.parse(TestMail.from("a@x.example").subject("=?KOI8-R?B?8NLJ18XU?=").bytes());
        assertEquals("Привет", p.subject());
    }

    @Test
    void shouldReadUnencodedEightBitHeadersInWindows1251() throws Exception {
        byte[] raw = TestMail.from("Иван Петров <ivan@x.example>").subject("Счёт не оплачен")
                .rawHeaderCharset(Charset.forName("windows-1251")).bytes();
        ParsedMail p = parser.parse(raw);
        assertEquals("Счёт не оплачен", p.subject());
        assertEquals("ivan@x.example", p.from().get(0).address());
        assertEquals("Иван Петров", p.from().get(0).displayName());
        assertTrue(p.problems().stream().anyMatch(s -> s.contains("8-bit")), p.problems().toString());
    }

    @Test
    void shouldReadUnencodedUtf8Headers() throws Exception {
        ParsedMail p = parser.parse(TestMail.from("a@x.example").subject("Счёт №5").rawHeaderCharset(StandardCharsets.UTF_8).bytes());
        assertEquals("Счёт №5", p.subject());
    }

    @Test
    void shouldGuessTheTextOfAnUnknownCharsetInsteadOfFailing() throws Exception {
        byte[] raw = TestMail.from("a@x.example").header("MIME-Version", "1.0")
                .header("Content-Type", "text/plain; charset=x-unknown-42").body("Оплата прошла").bytes();
        ParsedMail p = parser.parse(raw);
        assertEquals("Оплата прошла", p.text());
        assertTrue(p.problems().stream().anyMatch(s -> s.contains("x-unknown-42")));
    }

    @Test
    void shouldTakeThePlainTextPartOfAMultipartMessage() throws Exception {
        String body = "--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>html</p>\r\n"
                + "--b\r\nContent-Type: text/plain; charset=koi8-r\r\nContent-Transfer-Encoding: base64\r\n\r\n8NLJ18XU\r\n--b--\r\n";
        ParsedMail p = parser.parse(TestMail.from("a@x.example").header("MIME-Version", "1.0")
                .header("Content-Type", "multipart/alternative; boundary=b").body(body).bytes());
        assertEquals("Привет", p.text().strip());
        assertEquals("multipart/alternative", p.mimeType());
        assertEquals(java.util.List.of("text/html", "text/plain"), p.partTypes());
    }

    @Test
    void shouldReadMessagesWithCarriageReturnLineEnds() throws Exception {
        byte[] raw = "From: old@mac.example\rSubject: classic\r\rbody\r".getBytes(StandardCharsets.US_ASCII);
        ParsedMail p = parser.parse(raw);
        assertEquals("classic", p.subject());
        assertEquals("old@mac.example", p.from().get(0).address());
    }

    @Test
    void shouldSkipAnMboxFromLine() throws Exception {
        byte[] raw = ("From sender@x.example Sun Nov 22 10:00:00 2026\n" + new String(TestMail.from("a@x.example").bytes(),
                StandardCharsets.US_ASCII)).getBytes(StandardCharsets.US_ASCII);
        assertEquals("a@x.example", parser.parse(raw).from().get(0).address());
    }

    @Test
    void shouldListEveryMailboxOfAGroupOrList() throws Exception {
        ParsedMail p = parser.parse(TestMail.from("a@x.example, \"B, Bee\" <b@y.example>").bytes());
        assertEquals(2, p.from().size());
        assertEquals("B, Bee", p.from().get(1).displayName());
    }

    @Test
    void shouldRefuseBytesWithoutAnyHeader() {
        assertThrows(UnparseableMailException.class, () -> parser.parse("\r\n\r\njust text".getBytes(StandardCharsets.US_ASCII)));
    }
}
