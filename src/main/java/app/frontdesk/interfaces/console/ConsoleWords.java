package app.frontdesk.interfaces.console;

import app.frontdesk.application.texts.SentenceFiles;
import com.samskivert.mustache.Template;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The reader's words for the codes the console shows (a timeline event's kind, an audit action, why a message
 * is held, a kind of mail, a kind of evidence): {@code server-config/templates/console-words.<ru|en>.properties},
 * edited like every other text. The data keeps the code; the words are chosen when the page is made, so a
 * Russian page never shows "contact-authorized".
 */
final class ConsoleWords {

    private final Map<String, Map<String, Template>> byLanguage;

    private ConsoleWords(Map<String, Map<String, Template>> byLanguage) {
        this.byLanguage = byLanguage;
    }

    /** The operator's files (templatesDir may be null), else the bundled ones; both languages. */
    static ConsoleWords load(Path templatesDir) {
        return new ConsoleWords(SentenceFiles.load(templatesDir, "console-words"));
    }

    /** The words for {@code group.code}, or none when the files do not know it. */
    Optional<String> of(String group, String code, java.util.Locale lang, Map<String, Object> facts) {
        Map<String, Template> texts = byLanguage.getOrDefault(lang.getLanguage(), byLanguage.get("en"));
        Template t = code == null ? null : texts.get(group + "." + code);
        return t == null ? Optional.empty() : Optional.of(t.execute(facts));
    }

    /** The words for a code, else the code as stored (so something unknown is still shown, never dropped). */
    String say(String group, String code, java.util.Locale lang) {
        return of(group, code, lang, Map.of()).orElse(code == null ? "" : code);
    }
}
