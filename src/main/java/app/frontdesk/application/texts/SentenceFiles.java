package app.frontdesk.application.texts;

import app.frontdesk.application.ConfigFile;
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
 * Short texts kept as one file of sentences per language ({@code <name>.<ru|en>.properties}, each value a Mustache
 * template): the gate's reasons, what a task promises. Read from the operator's templates directory, else the
 * bundled copy, so they are edited like every other text people read.
 */
public final class SentenceFiles {

    private SentenceFiles() {
    }

    /** Each language's sentences by key, compiled; {@code templatesDir} may be null (the bundled files). */
    public static Map<String, Map<String, Template>> load(Path templatesDir, String name) {
        Mustache.Compiler compiler = Mustache.compiler().escapeHTML(false).emptyStringIsFalse(true).defaultValue("");
        Map<String, Map<String, Template>> texts = new HashMap<>();
        for (Locale lang : TemplateLibrary.LANGUAGES) {
            String file = name + "." + lang.getLanguage() + ".properties";
            Properties p = new Properties();
            try {
                p.load(new StringReader(ConfigFile.read(templatesDir, file, "templates/" + file).text()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, Template> compiled = new HashMap<>();
            p.stringPropertyNames().forEach(k -> compiled.put(k, compiler.compile(p.getProperty(k).strip())));
            texts.put(lang.getLanguage(), compiled);
        }
        return texts;
    }
}
