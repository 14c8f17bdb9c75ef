package app.frontdesk.application.wording;

import app.frontdesk.application.texts.InvalidTemplateException;
import app.frontdesk.application.texts.Rendered;
import app.frontdesk.application.texts.TemplateLibrary;
import app.frontdesk.application.texts.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** At start-up every customer text, in every language and format, must pass the wording rules; a template that fails is refused with its findings. */
public final class TemplateWording {

    /**
     * The texts customers read (manager texts are internal; link pages are one sentence and a button). The
     * recovery mail is also checked with the recovery rules, with each configured offer (care.RecoveryDesk#check).
     */
    static final List<Text> CUSTOMER_TEXTS = List.of(Text.SENDER_REPLY, Text.AUTHORIZE_REQUEST, Text.UNVERIFIED_CONTACT, Text.INSIDER_REPLY,
            Text.PAYMENT_ORDER_RECEIVED, Text.SENDER_AUTHORIZED, Text.AUTHORIZER_THANKED, Text.NOTICE_NEWS, Text.RECOVERY,
            Text.REJECTION_REPLY);

    private TemplateWording() {
    }

    public static void check(TemplateLibrary templates, WordingCheck wording, Function<Text, Map<String, Object>> samples) {
        List<String> problems = new ArrayList<>();
        for (Text text : CUSTOMER_TEXTS) {
            for (Locale lang : TemplateLibrary.LANGUAGES) {
                Rendered r = templates.render(text, lang, samples.apply(text));
                check(problems, templates.source(text, lang, false), r.subject() + "\n" + r.text(), lang, wording);
                check(problems, templates.source(text, lang, true), r.html().replaceAll("<[^>]+>", " "), lang, wording);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidTemplateException("templates refused by the wording rules:\n  - " + String.join("\n  - ", problems));
        }
    }

    private static void check(List<String> problems, String where, String text, Locale lang, WordingCheck wording) {
        for (Finding f : wording.check(text, Optional.of(lang), Purpose.GENERAL, Optional.empty()).findings()) {
            problems.add(where + ": " + f.rule() + (f.excerpt().isEmpty() ? "" : " \"" + f.excerpt() + "\"") + ": " + f.message()
                    + (f.suggestion().isEmpty() ? "" : " " + f.suggestion()));
        }
    }
}
