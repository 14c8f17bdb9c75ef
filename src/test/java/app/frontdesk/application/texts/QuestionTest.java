package app.frontdesk.application.texts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What a person asks, quoted to staff: their own questions, not the quoted mail's. */
class QuestionTest {

    @Test
    void theFirstQuestionsOfTheirOwnText() {
        assertEquals("Почему нам грозит приостановка?",
                Question.of("Добрый день!\nМы же оплатили в пятницу. Почему нам грозит приостановка?\n\nС уважением,\nАлексей"));
        assertEquals("Is the invoice paid? When do you switch us off?",
                Question.of("Hi. Is the invoice paid? When do you switch us off? What about the third one?"));
    }

    @Test
    void quotedTextAndAForwardedMailAreSomeoneElses() {
        assertEquals("", Question.of("Thanks.\n> Can we help with anything else?\n"));
        assertEquals("", Question.of("See below.\n-----Original Message-----\nFrom: x\nAny questions?"));
        assertEquals("", Question.of("Спасибо.\n\n20.11.2026, 16:40, Ольга пишет:\nЕсть вопросы?"));
        assertEquals("", Question.of("We paid on Friday."));
    }

    @Test
    void aLongQuestionIsCut() {
        String q = Question.of("Why " + "very ".repeat(100) + "long?");
        assertTrue(q.length() <= Question.MAX_LENGTH && q.length() > Question.MAX_LENGTH - 10, q);
        assertEquals('…', q.charAt(q.length() - 1));
    }
}
