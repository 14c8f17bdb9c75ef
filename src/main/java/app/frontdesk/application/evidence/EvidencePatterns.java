package app.frontdesk.application.evidence;

import app.frontdesk.application.ConfigFile;
import app.frontdesk.domain.model.account.ReferenceKind;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How invoice, contract and account numbers look in text, as regular expressions whose group 1 is
 * the number. Billing systems number things their own way, so the patterns are configuration:
 * {@code server-config/evidence-patterns.properties}, falling back to the copy in the application.
 */
public final class EvidencePatterns {

    static final String FILE = "evidence-patterns.properties";
    private static final List<ReferenceKind> CONFIGURABLE = List.of(ReferenceKind.INVOICE, ReferenceKind.CONTRACT, ReferenceKind.ACCOUNT_NUMBER);

    private final Map<ReferenceKind, Pattern> patterns;

    private EvidencePatterns(Map<ReferenceKind, Pattern> patterns) {
        this.patterns = Map.copyOf(patterns);
    }

    public Map<ReferenceKind, Pattern> patterns() {
        return patterns;
    }

    /** Reads {@code dir/evidence-patterns.properties} when it exists, else the bundled defaults. */
    public static EvidencePatterns load(Path configDir) {
        ConfigFile file = ConfigFile.read(configDir, FILE);
        Properties p = new Properties();
        try {
            p.load(new StringReader(file.text()));
        } catch (IOException e) {
            throw new IllegalStateException(file.source() + ": " + e.getMessage(), e);
        }
        return of(p, file.source());
    }

    static EvidencePatterns of(Properties p, String source) {
        Map<ReferenceKind, Pattern> map = new EnumMap<>(ReferenceKind.class);
        for (ReferenceKind kind : CONFIGURABLE) {
            String key = kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
            String regex = p.getProperty(key);
            if (regex == null || regex.isBlank()) {
                continue;
            }
            try {
                Pattern compiled = Pattern.compile(regex.strip(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
                if (compiled.matcher("").groupCount() < 1) {
                    throw new IllegalStateException(source + ": pattern " + key + " needs a group ( ) around the number");
                }
                map.put(kind, compiled);
            } catch (PatternSyntaxException e) {
                throw new IllegalStateException(source + ": pattern " + key + " is not a valid regular expression: " + e.getDescription());
            }
        }
        return new EvidencePatterns(map);
    }
}
