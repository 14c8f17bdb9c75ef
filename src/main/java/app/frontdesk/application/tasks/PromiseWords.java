package app.frontdesk.application.tasks;

import app.frontdesk.application.ConfigFile;
import app.frontdesk.application.texts.TemplateLibrary;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

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
        Mustache.Compiler compiler = Mustache.compiler().escapeHTML(false).emptyStringIsFalse(true).strictSections(false);
        Map<String, Map<String, Template>> texts = new HashMap<>();
        for (Locale lang : TemplateLibrary.LANGUAGES) {
            String name = "task-promises." + lang.getLanguage() + ".properties";
            Properties p = new Properties();
            try {
                p.load(new StringReader(ConfigFile.read(templatesDir, name, "templates/" + name).text()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, Template> compiled = new HashMap<>();
            p.stringPropertyNames().forEach(k -> compiled.put(k, compiler.compile(p.getProperty(k).strip())));
            texts.put(lang.getLanguage(), compiled);
        }
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
