package app.frontdesk.interfaces.console;

import app.frontdesk.application.ConfigFile;
import app.frontdesk.application.texts.TemplateLibrary;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's pages: Mustache templates in {@code server-config/templates/console/<page>.<language>.html}
 * (Russian and English, edited like the customer texts), HTML-escaped by default, sharing the
 * {@code top} and {@code bottom} partials of their language. Compiled once each.
 */
@ApplicationScoped
public class ConsoleTemplates {

    /** Every page, so a test can render each in both languages. */
    public static final List<String> PAGES = List.of("login", "needs", "case", "staff", "held", "wording", "audit", "payments", "error", "accounts", "account", "notices", "notice", "password");

    @Inject
    ConsoleSettings settings;

    private final Map<String, Template> compiled = new ConcurrentHashMap<>();

    public ConsoleTemplates() {
    }

    /** Outside a container (tests). */
    public ConsoleTemplates(ConsoleSettings settings) {
        this.settings = settings;
    }

    public String render(String page, Locale wanted, Map<String, Object> model) {
        Locale lang = TemplateLibrary.language(wanted);
        return compiled.computeIfAbsent(page + "." + lang.getLanguage(), k -> compiler(lang).compile(read(page, lang))).execute(model);
    }

    private Mustache.Compiler compiler(Locale lang) {
        return Mustache.compiler().escapeHTML(true).emptyStringIsFalse(true).zeroIsFalse(true).defaultValue("")
                .withLoader(name -> new StringReader(read(name, lang)));
    }

    private String read(String page, Locale lang) {
        String name = "console/" + page + "." + lang.getLanguage() + ".html";
        return ConfigFile.read(settings.templatesDir(), name, "templates/" + name).text();
    }
}
