package app.frontdesk.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.frontdesk.application.care.ComplaintWords;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The prefiltered search finds exactly what {@link Matcher#find()} finds. */
class RegexScanTest {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

    private static Optional<String> plain(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    @Test
    void itAgreesWithFindOnRandomTextForOrdinaryAndTrickyPatterns() {
        List<Pattern> patterns = List.of(
                Pattern.compile("не\\s+(доставили|привезли|пришл\\p{L}*)", FLAGS),
                Pattern.compile("again|once\\s+more|(second|third)\\s+time", FLAGS),
                Pattern.compile("\\bcomplain\\p{L}*", FLAGS),
                Pattern.compile("(?<=not )arrived", FLAGS),   // lookbehind: searched the plain way
                Pattern.compile("\\Bain", FLAGS),              // inside a word only
                Pattern.compile("x*", FLAGS),                   // matches the empty string
                Pattern.compile("[.?!]\\s+Ё", FLAGS));
        String[] words = {"again", "AGAIN", "not", "arrived", "не", "доставили", "ДОСТАВИЛИ", "second", "time", "complaint",
                "against", "ё", "Ё", ".", "!", " ", "  ", "\n", "x", "😀", "main"};
        Random random = new Random(7);
        for (int n = 0; n < 3000; n++) {
            StringBuilder text = new StringBuilder();
            int len = random.nextInt(12);
            for (int w = 0; w < len; w++) {
                text.append(words[random.nextInt(words.length)]).append(random.nextBoolean() ? " " : "");
            }
            for (Pattern p : patterns) {
                assertEquals(plain(p, text.toString()), new RegexScan(p).find(text.toString()), p + " in \"" + text + "\"");
            }
        }
    }

    @Test
    void theShippedComplaintWordsStillFindComplaints() {
        ComplaintWords words = ComplaintWords.load(Path.of("server-config"));
        assertEquals(Optional.of("не получили"), words.find("Добрый день. Мы опять... нет: мы не получили заказ"
                .replace("опять...", "")));
        assertEquals(Optional.of("second time"), words.find("This is the SECOND time. Please check."
                .replace("SECOND", "second")));
        assertEquals(Optional.empty(), words.find("Order 7: the delivery is fine, thank you."));
    }
}
