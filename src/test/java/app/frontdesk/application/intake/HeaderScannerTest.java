package app.frontdesk.application.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HeaderScannerTest {

    private static String scan(String raw) {
        return HeaderScanner.messageId(raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void shouldFindTheMessageIdWhateverItsCase() {
        assertEquals("<a@b>", scan("From: x@y\r\nMESSAGE-ID:   <a@b>  \r\nSubject: s\r\n\r\nbody"));
    }

    @Test
    void shouldUnfoldAFoldedMessageId() {
        assertEquals("<long.id@host>", scan("Message-Id:\r\n <long.id@host>\r\nX: y\r\n\r\n"));
    }

    @Test
    void shouldStopAtTheEndOfTheHeaderBlock() {
        assertNull(scan("From: x@y\r\n\r\nMessage-ID: <in-the-body@x>\r\n"));
    }

    @Test
    void shouldReadBareLineFeedMessages() {
        assertEquals("<lf@x>", scan("From: x@y\nMessage-ID: <lf@x>\n\nbody\n"));
    }

    @Test
    void shouldAnswerNullWithoutAMessageId() {
        assertNull(scan("From: x@y\r\nSubject: no id\r\n\r\n"));
        assertNull(scan(""));
    }

    @Test
    void shouldFindTheFromAddressLowerCasedWithoutItsName() {
        assertEquals("anna@romashka.example", from("Subject: s\r\nFROM: \"Anna, CEO\" <Anna@Romashka.EXAMPLE>\r\n\r\n"));
        assertEquals("anna@romashka.example", from("From: anna@romashka.example\r\n\r\n"));
        assertEquals("anna@romashka.example", from("From: =?UTF-8?B?0JDQvdC90LA=?=\r\n <anna@romashka.example>\r\n\r\n"), "folded");
        assertNull(from("Subject: no sender\r\n\r\nFrom: in-the-body@x\r\n"));
        assertNull(from("From:   \r\n\r\n"));
    }

    private static String from(String raw) {
        return HeaderScanner.fromAddress(raw.getBytes(StandardCharsets.ISO_8859_1));
    }
}
