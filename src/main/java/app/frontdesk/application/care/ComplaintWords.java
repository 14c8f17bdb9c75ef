package app.frontdesk.application.care;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** What makes a message a complaint: word lists per language in {@code server-config/care/complaints.<language>.txt}. */
public final class ComplaintWords {

    private final List<Pattern> patterns;

    public ComplaintWords(List<Pattern> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /** The first complaining words in the text, if any. */
    public Optional<String> find(String text) {
        for (Pattern p : patterns) {
            Matcher m = p.matcher(text);
            if (m.find()) {
                return Optional.of(m.group());
            }
        }
        return Optional.empty();
    }

    public static ComplaintWords load(Path configDir) {
        List<Pattern> all = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String lang : List.of("ru", "en")) {
            String name = "complaints." + lang + ".txt";
            Path file = configDir == null ? null : configDir.resolve("care").resolve(name);
            boolean own = file != null && Files.isRegularFile(file);
            try (InputStream in = own ? Files.newInputStream(file) : ComplaintWords.class.getResourceAsStream("/server-config/care/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("no " + name + " in " + configDir + " nor in the application");
                }
                String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\r?\\n");
                for (int i = 0; i < lines.length; i++) {
                    String l = lines[i].strip();
                    if (l.isEmpty() || l.startsWith("#")) {
                        continue;
                    }
                    try {
                        all.add(Pattern.compile(l, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS));
                    } catch (PatternSyntaxException e) {
                        problems.add((own ? file.toString() : "bundled " + name) + " line " + (i + 1) + ": " + e.getDescription());
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + name + ": " + e.getMessage(), e);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("complaint word lists refused:\n  - " + String.join("\n  - ", problems));
        }
        return new ComplaintWords(all);
    }
}
