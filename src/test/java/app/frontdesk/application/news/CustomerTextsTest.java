package app.frontdesk.application.news;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import app.frontdesk.application.cases.CaseTexts;
import app.frontdesk.application.texts.Rendered;
import app.frontdesk.application.texts.TemplateLibrary;
import app.frontdesk.application.texts.Text;
import app.frontdesk.application.wording.Purpose;
import app.frontdesk.application.wording.WordingCheck;
import app.frontdesk.application.wording.WordingRules;
import app.frontdesk.domain.model.billing.NoticeKind;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The texts of issue 14 pass the wording rules in both languages and formats, with every reassuring
 * fact they can carry (the start-up check renders each with one sample only), and leave no Mustache
 * behind.
 */
class CustomerTextsTest {

    private static final Path CONFIG = Path.of("server-config");
    private static final List<Text> NEW_TEXTS = List.of(Text.INSIDER_REPLY, Text.NOTICE_NEWS, Text.PAYMENT_ORDER_RECEIVED, Text.SENDER_AUTHORIZED,
            Text.AUTHORIZER_THANKED);

    @Test
    void everyNewCustomerTextPassesTheWordingRulesWithEveryFact() {
        TemplateLibrary lib = TemplateLibrary.load(CONFIG.resolve("templates"), CaseTexts::sample);
        WordingCheck wording = new WordingCheck(WordingRules.load(CONFIG));
        List<String> problems = new ArrayList<>();
        for (Text text : NEW_TEXTS) {
            for (Locale lang : TemplateLibrary.LANGUAGES) {
                for (Reassurance fact : List.of(new Reassurance(Reassurance.Kind.PAID, NoticeKind.SUSPENSION, null),
                        new Reassurance(Reassurance.Kind.ORDER_HOLDS, NoticeKind.FINAL, LocalDate.of(2026, 11, 25)),
                        new Reassurance(Reassurance.Kind.PAYMENT_BEING_MATCHED, NoticeKind.REMINDER, null),
                        new Reassurance(Reassurance.Kind.ORDER_ON_FILE, null, LocalDate.of(2026, 11, 25)))) {
                    Map<String, Object> model = new HashMap<>(CaseTexts.sample(text));
                    model.put("reassurance", fact.model(lang));
                    Rendered r = lib.render(text, lang, model);
                    for (String body : List.of(r.subject() + "\n" + r.text(), r.html().replaceAll("<[^>]+>", " "))) {
                        assertFalse(body.contains("{{"), body);
                        wording.check(body, Optional.of(lang), Purpose.GENERAL, Optional.empty()).findings()
                                .forEach(f -> problems.add(text + " " + lang + ": " + f.rule() + " \"" + f.excerpt() + "\": " + f.message()));
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void daysReadAsPeopleWriteThem() {
        assertEquals("25 ноября (среда)", Days.day(LocalDate.of(2026, 11, 25), Locale.forLanguageTag("ru")));
        assertEquals("Wednesday, 25 November", Days.day(LocalDate.of(2026, 11, 25), Locale.ENGLISH));
        assertEquals("1 октября 2026", Days.date(LocalDate.of(2026, 10, 1), Locale.forLanguageTag("ru")));
    }
}
