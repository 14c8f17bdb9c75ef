package app.frontdesk.application.care;

import app.frontdesk.application.ConfigFile;
import app.frontdesk.application.texts.InvalidTemplateException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a manager can offer beyond the fix, per kind, in Russian and English, from
 * {@code server-config/care/recovery-offers.properties} ({@code <kind>.ru}, {@code <kind>.en}).
 */
public final class RecoveryOffers {

    static final String FILE = "care/recovery-offers.properties";
    private static final Pattern KIND = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    /** One offer: its kind (what the manager names) and its text in each language, said as it is. */
    public record Offer(String kind, String ru, String en) {
        public String text(Locale lang) {
            return lang.getLanguage().equals("ru") ? ru : en;
        }
    }

    private final Map<String, Offer> offers;
    private final String source;

    private RecoveryOffers(Map<String, Offer> offers, String source) {
        this.offers = offers;
        this.source = source;
    }

    /**
     * Reads the operator's file, else the bundled one.
     *
     * @throws InvalidTemplateException naming the file and the kind when a kind lacks a language or a key is not {@code <kind>.<ru|en>}
     */
    public static RecoveryOffers load(Path configDir) {
        ConfigFile file = ConfigFile.read(configDir, FILE);
        Properties p = new Properties();
        try {
            p.load(new StringReader(file.text()));
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidTemplateException(file.source() + ": " + e.getMessage());
        }
        return of(p, file.source());
    }

    static RecoveryOffers of(Properties p, String source) {
        List<String> problems = new ArrayList<>();
        Map<String, String[]> texts = new LinkedHashMap<>();
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            int dot = key.lastIndexOf('.');
            String kind = dot < 0 ? key : key.substring(0, dot);
            String lang = dot < 0 ? "" : key.substring(dot + 1);
            if (!KIND.matcher(kind).matches() || !(lang.equals("ru") || lang.equals("en"))) {
                problems.add("\"" + key + "\" is not <kind>.ru or <kind>.en (a kind is lower-case letters, digits and '-')");
                continue;
            }
            String text = p.getProperty(key).strip();
            if (text.isEmpty()) {
                problems.add(key + " is empty");
                continue;
            }
            texts.computeIfAbsent(kind, k -> new String[2])[lang.equals("ru") ? 0 : 1] = text;
        }
        Map<String, Offer> offers = new LinkedHashMap<>();
        texts.forEach((kind, t) -> {
            if (t[0] == null || t[1] == null) {
                problems.add("offer \"" + kind + "\" needs both " + kind + ".ru and " + kind + ".en");
            } else {
                offers.put(kind, new Offer(kind, t[0], t[1]));
            }
        });
        if (offers.isEmpty() && problems.isEmpty()) {
            problems.add("no offer: a manager must have at least one thing to offer beyond the fix");
        }
        if (!problems.isEmpty()) {
            throw new InvalidTemplateException(source + ": " + String.join("; ", problems));
        }
        return new RecoveryOffers(Map.copyOf(offers), source);
    }

    public Optional<Offer> find(String kind) {
        return Optional.ofNullable(kind == null ? null : offers.get(kind.strip()));
    }

    /** Every offer, by kind in alphabetical order. */
    public List<Offer> all() {
        return offers.values().stream().sorted(java.util.Comparator.comparing(Offer::kind)).toList();
    }

    /** Kind to text in one language, for the manager's mail that lists the choices. */
    public Map<String, String> texts(Locale lang) {
        Map<String, String> m = new LinkedHashMap<>();
        all().forEach(o -> m.put(o.kind(), o.text(lang)));
        return m;
    }

    public String source() {
        return source;
    }
}
