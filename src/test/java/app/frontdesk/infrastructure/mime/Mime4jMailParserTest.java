package app.frontdesk.infrastructure.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.application.mail.ParsedMail;
import app.frontdesk.application.mail.UnparseableMailException;
import app.frontdesk.testkit.HostileMail;
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
    void aFirstHeaderLineOverTheLimitMakesTheMessageUnparseableWithTheLimitNamed() {
        Mime4jMailParser small = new Mime4jMailParser(new MimeLimits(8, 100, 10_000, 10_000, 1000, 1, 1000));
        var e = assertThrows(UnparseableMailException.class, () -> small.parse(("From: boss@x.example" + "a".repeat(20_000)
                + "\r\n\r\nbody\r\n").getBytes(StandardCharsets.US_ASCII)));
        assertTrue(e.getMessage().contains("10000"), e.getMessage());
    }

    @Test
    void aNonAsciiAddressIsKeptAsWrittenNeverTurnedIntoAnEncodedWord() throws Exception {
        java.util.Map<String, String> cases = java.util.Map.of("иван@пример.рф", "иван@пример.рф",
                "Иван Петров <иван@example.ru>", "иван@example.ru", "\"Иван\" <иван.петров@example.ru>", "иван.петров@example.ru");
        for (var c : cases.entrySet()) {
            byte[] raw = ("From: " + c.getKey() + "\r\nSubject: x\r\n\r\nbody\r\n").getBytes(StandardCharsets.UTF_8);
            assertEquals(c.getValue(), parser.parse(raw).from().get(0).address(), c.getKey());
        }
        assertEquals("Иван Петров", parser.parse(("From: Иван Петров <иван@example.ru>\r\n\r\nx\r\n")
                .getBytes(StandardCharsets.UTF_8)).from().get(0).displayName());
    }

    @Test
    void shouldRefuseBytesWithoutAnyHeader() {
        assertThrows(UnparseableMailException.class, () -> parser.parse("\r\n\r\njust text".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void tensOfThousandsOfNestedMessagesAreReadDownToTheLimitWithoutOverflowingTheStack() throws Exception {
        ParsedMail p = parser.parse(HostileMail.nestedMessages("boss@x.example", 50_000));
        assertEquals("boss@x.example", p.from().get(0).address());
        assertTrue(p.problems().stream().anyMatch(s -> s.startsWith("MIME nesting deeper than 32")), p.problems().toString());
    }

    @Test
    void tensOfThousandsOfNestedMultipartsAreReadDownToTheLimitAndTheFirstTextIsKept() throws Exception {
        ParsedMail p = parser.parse(HostileMail.nestedMultiparts("boss@x.example", 50_000));
        assertEquals("boss@x.example", p.from().get(0).address());
        assertEquals("Hello, see below.", p.text().strip());
        assertTrue(p.problems().stream().anyMatch(s -> s.startsWith("MIME nesting deeper than 32")), p.problems().toString());
    }

    @Test
    void aMillionHeaderFieldsAreCutAtTheLimitAndTheFirstFieldsStillRouteTheMessage() throws Exception {
        ParsedMail p = parser.parse(HostileMail.manyHeaderFields("boss@x.example", 1_000_000));
        assertEquals("boss@x.example", p.from().get(0).address());
        assertEquals(MimeLimits.DEFAULT.maxHeaderFields(), p.headers().size());
        assertTrue(p.problems().stream().anyMatch(s -> s.startsWith("more than 2000 header fields")), p.problems().toString());
    }

    @Test
    void aHeaderFieldOverTheLimitEndsTheReadingButTheFieldsBeforeItStillRouteTheMessage() throws Exception {
        // A long line inside a body costs nothing (boundaries are found in a fixed buffer); in a header it is buffered whole.
        Mime4jMailParser small = new Mime4jMailParser(new MimeLimits(8, 100, 10_000, 10_000, 1000, 1, 1000));
        // mime4j reads one line ahead to see where a field ends: the field just before the long line is lost with it
        byte[] raw = ("From: boss@x.example\r\nSubject: hi\r\nX-Long: " + "a".repeat(20_000) + "\r\n\r\nbody\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        ParsedMail p = small.parse(raw);
        assertEquals("boss@x.example", p.from().get(0).address());
        assertTrue(p.problems().stream().anyMatch(s -> s.contains("over the limit") || s.contains("longer than")), p.problems().toString());
    }

    @Test
    void aHugeBase64TextIsReadOnlyAsFarAsTheTextLimit() throws Exception {
        ParsedMail p = parser.parse(HostileMail.bigBase64Text("boss@x.example", 2_000_000));
        assertEquals(MimeLimits.DEFAULT.maxTextChars(), p.text().length());
    }
}
