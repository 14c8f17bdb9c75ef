package app.frontdesk.application.texts;

import app.frontdesk.application.ConfigFile;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The customer texts, Mustache templates read from {@code server-config/templates} (or
 * FRONTDESK_TEMPLATES_DIR), so support leads edit them without a rebuild; a file missing there is
 * taken from the copy bundled in the application. Files: {@code <name>.<language>.txt}, whose first
 * line is {@code Subject: ...}, and {@code <name>.<language>.html} (none for a plain-text mail to staff).
 * A paragraph that several texts share is a partial, {@code {{> contact-questions}}}: read from
 * {@code contact-questions.<language>.txt} or {@code .html} beside them, in the language and format of the text
 * that includes it (as the console's {@code {{> top}}}), so it is written once per language and format.
 *
 * <p>At start-up every template is compiled, rendered with sample data and checked for the parts its
 * text requires ({@link Text#required()}): a section per part that renders something, a deadline
 * that shows the time, a contact that shows a person. A template that fails is refused with a message
 * naming the file and the missing part, and Frontdesk does not start.
 */
public final class TemplateLibrary {

    public static final List<Locale> LANGUAGES = List.of(Locale.forLanguageTag("ru"), Locale.ENGLISH);

    private final Path dir;
    private final Map<String, Template> templates = new HashMap<>();
    /** Subject lines, compiled once at start-up like the bodies. */
    private final Map<String, Template> subjects = new HashMap<>();
    private static final Mustache.Compiler TEXT = Mustache.compiler().escapeHTML(false).emptyStringIsFalse(true);
    private static final Mustache.Compiler HTML = Mustache.compiler().escapeHTML(true).emptyStringIsFalse(true);
    private final Map<String, String> sources = new HashMap<>();

    private TemplateLibrary(Path dir) {
        this.dir = dir;
    }

    /**
     * Loads and checks every template.
     *
     * @param samples a sample model per text, with every value the real composers supply
     * @throws InvalidTemplateException naming each template that is missing, broken or lacks a part
     */
    public static TemplateLibrary load(Path dir, Function<Text, Map<String, Object>> samples) {
        TemplateLibrary lib = new TemplateLibrary(dir);
        List<String> problems = new ArrayList<>();
        for (Text text : Text.values()) {
            for (Locale lang : LANGUAGES) {
                for (boolean html : !text.isMail() ? new boolean[] {true} : text.hasHtml() ? new boolean[] {false, true} : new boolean[] {false}) {
                    try {
                        lib.loadOne(text, lang, html);
                        lib.check(text, lang, html, samples.apply(text));
                    } catch (InvalidTemplateException e) {
                        problems.add(e.getMessage());
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidTemplateException("templates refused:\n  - " + String.join("\n  - ", problems));
        }
        return lib;
    }

    /** English for anything that is not Russian: the two languages we write. */
    public static Locale language(Locale wanted) {
        return wanted != null && wanted.getLanguage().equals("ru") ? LANGUAGES.get(0) : Locale.ENGLISH;
    }

    public Rendered render(Text text, Locale wanted, Map<String, Object> model) {
        Locale lang = language(wanted);
        String html = text.hasHtml() ? templates.get(key(text, lang, true)).execute(model) : null;
        if (!text.isMail()) {
            return new Rendered(null, null, html);
        }
        String subject = subjects.get(key(text, lang, false)).execute(model);
        return new Rendered(subject.strip(), templates.get(key(text, lang, false)).execute(model), html);
    }

    /** Where a template was read from, for the start-up log and error messages. */
    public String source(Text text, Locale lang, boolean html) {
        return sources.get(key(text, language(lang), html));
    }

    private void loadOne(Text text, Locale lang, boolean html) {
        String name = fileName(text, lang, html);
        String body = read(name);
        if (!html) {
            int nl = body.indexOf('\n');
            String first = nl < 0 ? body : body.substring(0, nl);
            if (!first.regionMatches(true, 0, "Subject:", 0, 8) || first.substring(8).isBlank()) {
                throw new InvalidTemplateException(sources.get(key(text, lang, false)) + ": the first line must be \"Subject: ...\"");
            }
            try {
                subjects.put(key(text, lang, false), TEXT.compile(first.substring(8).strip()));
            } catch (MustacheException e) {
                throw new InvalidTemplateException(sources.get(key(text, lang, false)) + ": subject: " + e.getMessage());
            }
            body = body.substring(nl + 1).replaceFirst("^\\r?\\n", "");
        }
        try {
            templates.put(key(text, lang, html), compiler(lang, html, sources.get(key(text, lang, html))).compile(body));
        } catch (MustacheException e) {
            throw new InvalidTemplateException(sources.get(key(text, lang, html)) + ": " + e.getMessage());
        }
    }

    /** The compiler of one language and format, whose partials are read in that language and format. */
    private Mustache.Compiler compiler(Locale lang, boolean html, String including) {
        return (html ? HTML : TEXT).withLoader(name -> {
            try {
                return new StringReader(read(name + "." + lang.getLanguage() + (html ? ".html" : ".txt")));
            } catch (InvalidTemplateException e) {
                throw new InvalidTemplateException(including + ": {{> " + name + "}}: " + e.getMessage());
            }
        });
    }

    private String read(String name) {
        try {
            ConfigFile file = ConfigFile.read(dir, name, "templates/" + name);
            sources.put(name, file.source());
            return file.text().replace("\r\n", "\n");
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw new InvalidTemplateException(name + ": " + e.getMessage());
        }
    }

    private void check(Text text, Locale lang, boolean html, Map<String, Object> sample) {
        String k = key(text, lang, html);
        String where = sources.get(k);
        Template t = templates.get(k);
        Set<String> sections = new HashSet<>();
        t.visit(new Mustache.Visitor() {
            @Override
            public void visitText(String s) {
            }

            @Override
            public void visitVariable(String name) {
            }

            @Override
            public boolean visitInclude(String name) {
                return false;
            }

            @Override
            public boolean visitSection(String name) {
                sections.add(name);
                return true;
            }

            @Override
            public boolean visitInvertedSection(String name) {
                return true;
            }
        });
        String full;
        try {
            full = t.execute(sample);
            if (!html) {
                subjects.get(k).execute(sample);
            }
        } catch (MustacheException e) {
            throw new InvalidTemplateException(where + ": does not render: " + e.getMessage());
        }
        for (Part part : text.required()) {
            if (!sections.contains(part.section())) {
                throw new InvalidTemplateException(where + ": the required part \"" + part.section() + "\" is missing"
                        + " (write it as {{#" + part.section() + "}}...{{/" + part.section() + "}})");
            }
            Map<String, Object> without = new HashMap<>(sample);
            without.put(part.section(), false);
            if (t.execute(without).strip().equals(full.strip())) {
                throw new InvalidTemplateException(where + ": the required part \"" + part.section() + "\" is empty");
            }
        }
        if (text.required().contains(Part.DEADLINE) && !full.contains(sampleValue(sample, "deadline", "when"))) {
            throw new InvalidTemplateException(where + ": the deadline part does not show the time ({{when}})");
        }
        if (text.required().contains(Part.CONTACT) && !(full.contains(sampleValue(sample, "contact", "name"))
                && (full.contains(sampleValue(sample, "contact", "phone")) || full.contains(sampleValue(sample, "contact", "email"))))) {
            throw new InvalidTemplateException(where + ": the contact part must show {{name}} and {{phone}} or {{email}}");
        }
    }

    private static String sampleValue(Map<String, Object> sample, String part, String key) {
        Object p = sample.get(part);
        if (p instanceof Map<?, ?> m && m.get(key) != null) {
            return m.get(key).toString();
        }
        throw new IllegalStateException("the sample model has no " + part + "." + key);
    }

    private static String fileName(Text text, Locale lang, boolean html) {
        return text.file() + "." + lang.getLanguage() + (html ? ".html" : ".txt");
    }

    private static String key(Text text, Locale lang, boolean html) {
        return fileName(text, lang, html);
    }

    /** Counts parts per language for the start-up log. */
    public Map<Text, Integer> loadedCounts() {
        Map<Text, Integer> counts = new EnumMap<>(Text.class);
        for (Text t : Text.values()) {
            counts.put(t, (int) templates.keySet().stream().filter(k -> k.startsWith(t.file() + ".")).count());
        }
        return counts;
    }
}
