package app.frontdesk.application.texts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What a message is about, as our answer takes it up: prefixes, control characters and length dealt with. */
class TopicTest {

    @Test
    void replyAndForwardPrefixesGo() {
        assertEquals("Уведомление о приостановке", Topic.of("Re: RE: Fwd: Уведомление о приостановке"));
        assertEquals("Счёт", Topic.of("Ответ: Пересл: Счёт"));
        assertEquals("Invoice 118", Topic.of("AW: WG: Re[2]: Invoice 118"));
        assertEquals("Reply-To is wrong", Topic.of("Reply-To is wrong"), "a word that begins like a prefix stays");
    }

    @Test
    void controlCharactersFoldAndNothingGivesNothing() {
        assertEquals("a b", Topic.of("a\u0000\t\r\n b\u200B"));
        assertEquals("", Topic.of(null));
        assertEquals("", Topic.of("Re: "));
    }

    @Test
    void aLongSubjectIsCutAtAWord() {
        String t = Topic.of("Очень ".repeat(30) + "длинная тема");
        assertTrue(t.length() <= Topic.MAX_LENGTH && t.endsWith("…"), t);
    }
}
