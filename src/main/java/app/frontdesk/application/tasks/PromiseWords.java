package app.frontdesk.application.tasks;

import app.frontdesk.application.texts.SentenceFiles;
import app.frontdesk.application.texts.TemplateLibrary;
import com.samskivert.mustache.Template;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * What a task says was promised, in the language of the person who owes it: the task is written once, when the
 * promise is made, and read in the console and in reminders by that person. The words are Mustache templates in
 * {@code server-config/templates/task-promises.<ru|en>.properties}, edited like every other text people read.
 */
public final class PromiseWords {

    private final Map<String, Map<String, Template>> byLanguage;

    private PromiseWords(Map<String, Map<String, Template>> byLanguage) {
        this.byLanguage = byLanguage;
    }

    /** The texts from the operator's templates directory (may be null), else the bundled ones; both languages. */
    public static PromiseWords load(Path templatesDir) {
        Map<String, Map<String, Template>> texts = SentenceFiles.load(templatesDir, "task-promises");
        for (String key : texts.get("en").keySet()) {
            texts.forEach((lang, t) -> {
                if (!t.containsKey(key)) { // found at start, not when a customer's promise is being recorded
                    throw new IllegalStateException("task-promises." + lang + ".properties has no \"" + key + "\"");
                }
            });
        }
        return new PromiseWords(texts);
    }

    /**
     * The text of {@code key} filled with {@code facts}, in {@code language} (English when it has none).
     *
     * @throws IllegalArgumentException no such text: a mistake in the code, not in the operator's files
     */
    public String say(String key, Map<String, ?> facts, Locale language) {
        Map<String, Template> texts = byLanguage.getOrDefault(TemplateLibrary.language(language).getLanguage(), byLanguage.get("en"));
        Template t = texts.get(key);
        if (t == null) {
            throw new IllegalArgumentException("no task text \"" + key + "\"");
        }
        return t.execute(facts);
    }
}
