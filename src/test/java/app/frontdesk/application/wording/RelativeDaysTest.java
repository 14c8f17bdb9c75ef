package app.frontdesk.application.wording;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.frontdesk.application.texts.TemplateLibrary;
import app.frontdesk.application.texts.Text;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, item 3: no customer text says "today" by itself ("позвонит вам сегодня" went out on a Saturday).
 * A relative day comes only from {@code news.Days.callDay}, which says it when the promised call is due today
 * by the business calendar (CallDayTest); everything else names a date.
 */
class RelativeDaysTest {

    private static final Pattern RELATIVE = Pattern.compile("(?iu)(?<!\\p{L})(сегодня|завтра|послезавтра|today|tomorrow|tonight)(?!\\p{L})");

    @Test
    void noCustomerTemplateSaysTodayOrTomorrowInItsOwnWords() throws Exception {
        List<String> found = new ArrayList<>();
        for (Text text : TemplateWording.CUSTOMER_TEXTS) {
            for (Locale lang : TemplateLibrary.LANGUAGES) {
                for (String ext : List.of(".txt", ".html")) {
                    Path file = Path.of("server-config/templates", text.file() + "." + lang.getLanguage() + ext);
                    String words = Files.readString(file).replaceAll("\\{\\{[^}]*}}", " ");
                    Matcher m = RELATIVE.matcher(words);
                    while (m.find()) {
                        found.add(file + ": \"" + m.group() + "\"");
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }
}
