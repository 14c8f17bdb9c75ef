package app.frontdesk.application.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessageIdScannerTest {

    private static String scan(String raw) {
        return MessageIdScanner.find(raw.getBytes(StandardCharsets.ISO_8859_1));
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
}
