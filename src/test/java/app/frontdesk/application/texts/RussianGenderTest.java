package app.frontdesk.application.texts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Russian past tense has a gender and we rarely know the reader's or the actor's: "Анна передал(а) вам обращение" reads
 * as a form, not a letter, and "Я его не отправлял" is wrong for every woman who clicks it. Our Russian texts are
 * written so they need no gender: the passive ("Вам передано обращение"), the present tense, a label ("Кто передал:",
 * where "кто" takes the masculine whoever it is) or a noun ("одобрение").
 */
class RussianGenderTest {

    /** "передал(а)", "уважаемый(ая)", "сам(а)", "получил/а", "рад(а)". */
    private static final Pattern HEDGE = Pattern.compile("\\p{IsCyrillic}(\\((а|ла|ая|яя|на|ой|ый|ий|ы)\\)|/(а|ла|ая|на)\\b)");
    /** A person speaking of themselves in the past tense, in the first person: "отправил я", "я его не отправлял". */
    private static final Pattern FIRST_PERSON = Pattern.compile("(?iu)(\\p{IsCyrillic}+л\\p{IsCyrillic}?\\s+я\\b|\\bя\\s+(\\p{IsCyrillic}+\\s+){0,2}\\p{IsCyrillic}+л\\b)");

    @Test
    void noRussianTemplateHedgesAGenderOrGuessesOne() throws IOException {
        List<String> found = new ArrayList<>();
        int files = 0;
        try (Stream<Path> all = Files.walk(Path.of("server-config/templates"))) {
            for (Path p : all.filter(f -> f.getFileName().toString().contains(".ru.")).sorted().toList()) {
                files++;
                List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    for (Pattern pattern : List.of(HEDGE, FIRST_PERSON)) {
                        Matcher m = pattern.matcher(lines.get(i));
                        while (m.find()) {
                            found.add(p + ":" + (i + 1) + ": " + m.group());
                        }
                    }
                }
            }
        }
        assertTrue(files >= 30, files + " Russian templates");
        assertEquals(List.of(), found);
    }

    @Test
    void theCheckFindsWhatItLooksFor() {
        assertTrue(HEDGE.matcher("Lead передал(а) вам обращение").find());
        assertTrue(HEDGE.matcher("получил/а").find());
        assertTrue(FIRST_PERSON.matcher("Да, письмо отправил я").find());
        assertTrue(FIRST_PERSON.matcher("Я его не отправлял").find());
        assertTrue(!HEDGE.matcher("Вам передано обращение FD-1 (Ромашка)").find());
        assertTrue(!FIRST_PERSON.matcher("Если письмо отправили вы, подтвердите это").find());
    }
}
