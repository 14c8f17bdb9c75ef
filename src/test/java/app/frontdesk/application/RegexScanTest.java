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

    private static List<String> plainAll(Pattern p, String text) {
        List<String> all = new java.util.ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            all.add(m.start() + ":" + m.group() + ":" + (m.groupCount() > 0 ? m.group(1) : ""));
        }
        return all;
    }

    private static List<String> scanAll(Pattern p, String text) {
        List<String> all = new java.util.ArrayList<>();
        new RegexScan(p).forEach(text, m -> all.add(m.start() + ":" + m.group() + ":" + (m.groupCount() > 0 ? m.group(1) : "")));
        return all;
    }

    /** Every match, in order, with its groups: the evidence patterns (a leading "not after" lookbehind) included. */
    @Test
    void forEachAgreesWithAFindLoop() throws Exception {
        java.util.Properties shipped = new java.util.Properties();
        try (var in = java.nio.file.Files.newBufferedReader(Path.of("server-config/evidence-patterns.properties"))) {
            shipped.load(in);
        }
        List<Pattern> patterns = new java.util.ArrayList<>(List.of(
                Pattern.compile("(?<![\\d-])(\\d{10}|\\d{12})(?![\\d-])"),
                Pattern.compile("(?iu)кпп\\s*[:№]?\\s*(\\d{9})(?!\\d)"),
                Pattern.compile("(?<![\\d+])((?:\\+7|8)[\\s(.-]*\\d{3}[\\s).-]*\\d{3}[\\s.-]*\\d{2}[\\s.-]*\\d{2})(?!\\d)"),
                Pattern.compile("(?iu)(?<![\\p{L}])(?:ооо|ао|llc|co|company)\\.?\\s*[«\"“]([^»\"”\\n]{2,80})[»\"”]"),
                Pattern.compile("(?u)((?:\\p{Lu}[\\p{L}&'-]*[ \\t]){1,4})(?:LLC|Ltd)\\b\\.?"),
                Pattern.compile("(?<=№)(\\d+)"),                  // a positive lookbehind: searched the plain way
                Pattern.compile("(x*)"),                           // empty matches between the others
                Pattern.compile("(?<!a?)(b)")));                   // a lookbehind that matches nothing: plain way too
        for (int i = 0; i < patterns.size(); i++) { // the five evidence shapes are prefiltered, the two other lookbehinds not
            assertEquals(i != 5 && i != 7, new RegexScan(patterns.get(i)).prefiltered(), patterns.get(i).pattern());
        }
        for (String key : shipped.stringPropertyNames()) {
            patterns.add(Pattern.compile(shipped.getProperty(key).strip(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        }
        String[] words = {"1234567890", "123456789012", "12345678901", "-", "+7", "8", "(495)", "123-45-67", "кпп", "КПП:", "123456789",
                "ООО", "«Ромашка»", "\"Co\"", "company", "Northwind", "Traders", "LLC", "Ltd.", "№", "счёт", "invoice", "INV.",
                "договор", "A-12", "account", "no.", "x", "xx", "b", "ab", " ", "\n", "😀", "Ё"};
        Random random = new Random(11);
        for (int n = 0; n < 3000; n++) {
            StringBuilder text = new StringBuilder();
            int len = random.nextInt(14);
            for (int w = 0; w < len; w++) {
                text.append(words[random.nextInt(words.length)]).append(random.nextInt(3) == 0 ? "" : " ");
            }
            for (Pattern p : patterns) {
                assertEquals(plainAll(p, text.toString()), scanAll(p, text.toString()), p + " in \"" + text + "\"");
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
