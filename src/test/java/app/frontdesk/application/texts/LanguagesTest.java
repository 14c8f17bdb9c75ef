package app.frontdesk.application.texts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class LanguagesTest {

    private static final Locale RU = Locale.forLanguageTag("ru");

    @Test
    void theFirstOfOurLanguagesTheBrowserAsksForIsChosen() {
        assertEquals(RU, Languages.fromAcceptLanguage("de-DE,ru;q=0.8,en;q=0.5", Locale.ENGLISH));
        assertEquals(Locale.ENGLISH, Languages.fromAcceptLanguage("en-US,en;q=0.9,ru;q=0.8", RU));
        assertEquals(RU, Languages.fromAcceptLanguage("de", RU), "none of ours: the fallback");
        assertEquals(RU, Languages.fromAcceptLanguage(null, RU));
    }

    @Test
    void aMalformedHeaderCountsAsAbsentInsteadOfFailing() {
        for (String bad : new String[] {"ru;q=abc,,", "%%%", "en;q=1.5", ";;;", "ru-" + "x".repeat(100)}) {
            assertEquals(Locale.ENGLISH, Languages.fromAcceptLanguage(bad, Locale.ENGLISH), bad);
        }
    }
}
