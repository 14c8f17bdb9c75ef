package app.frontdesk.application.care;

import app.frontdesk.application.ConfigFile;
import app.frontdesk.application.RegexScan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** What makes a message a complaint: word lists per language in {@code server-config/care/complaints.<language>.txt}. */
public final class ComplaintWords {

    private final List<RegexScan> patterns;

    public ComplaintWords(List<Pattern> patterns) {
        this.patterns = patterns.stream().map(RegexScan::new).toList();
    }

    /** The first complaining words in the text, if any. */
    public Optional<String> find(String text) {
        for (RegexScan p : patterns) {
            Optional<String> found = p.find(text);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    public static ComplaintWords load(Path configDir) {
        List<Pattern> all = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String lang : List.of("ru", "en")) {
            ConfigFile file = ConfigFile.read(configDir, "care/complaints." + lang + ".txt");
            String[] lines = file.text().split("\\r?\\n");
            for (int i = 0; i < lines.length; i++) {
                String l = lines[i].strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                try {
                    all.add(Pattern.compile(l, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS));
                } catch (PatternSyntaxException e) {
                    problems.add(file.source() + " line " + (i + 1) + ": " + e.getDescription());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("complaint word lists refused:\n  - " + String.join("\n  - ", problems));
        }
        return new ComplaintWords(all);
    }
}
