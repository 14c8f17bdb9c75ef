package app.frontdesk.application.wording;

import app.frontdesk.application.ConfigFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The rules and word lists, per language, from {@code server-config/wording/<language>.rules}
 * (falling back to the copies in the application): {@code id | kind | pattern | suggestion}, fields
 * separated by a bar with spaces around it.
 */
public final class WordingRules {

    public enum Kind {
        PHRASE, ERRED_PHRASE,
        /** What a refusal leans on (security, policy, rules): a finding where a sentence with it refuses without a real reason. */
        REFUSAL,
        /** Our word for a thing the customer may not know ("authorized address"): a refusal leaning on it needs it explained. */
        TERM,
        /** Words that make a sentence a refusal, give a reason, explain a term: read by the refusal rule, no finding of their own. */
        DENIAL, REASON, EXPLANATION,
        NEXT_STEP, DEADLINE, CONTACT, APOLOGY, QUESTION, COMPENSATION,
        /**
         * What a cited clause gives the customer ("вам положен возврат", "that gets you a full refund", "no
         * cancellation fee"): a clause cited for the customer is help, not hiding behind the terms, so a terms
         * finding with one of these near it, in its paragraph, is dropped. No finding of its own.
         */
        ENTITLEMENT,
        /**
         * A sentence with a {@code general} word (always, everyone, life) and no {@code particular} one (you, we, a
         * number, an instruction) states a general truth: a philosophy finding ({@link GeneralTruths}).
         */
        GENERAL, PARTICULAR,
        /**
         * Words that refuse outright ("не представляется возможным", "can't be actioned"): a refusal finding when
         * no {@code alternative} (what the customer can do or get instead) stands outside a {@code closing} formula
         * ({@link FlatRefusals}).
         */
        OUTRIGHT, ALTERNATIVE, CLOSING;

        static Kind parse(String s) {
            return Kind.valueOf(s.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    public record Rule(String id, Kind kind, Pattern pattern, String suggestion) {
    }

    /**
     * A match never begins inside a word ("безопасн" does not match in "небезопасно"), and the rules are
     * long lists of words tried at every position: ruling out the positions inside words first keeps the
     * check about as fast as when the lists were short.
     */
    private static final String WORD_START = "(?:(?<![\\p{L}\\p{N}])|(?![\\p{L}\\p{N}]))";

    private final Map<String, List<Rule>> byLanguage;

    private WordingRules(Map<String, List<Rule>> byLanguage) {
        this.byLanguage = Map.copyOf(byLanguage);
    }

    public List<Rule> rules(Locale language) {
        return byLanguage.getOrDefault(language.getLanguage(), byLanguage.get("en"));
    }

    public static WordingRules load(Path configDir) {
        Map<String, List<Rule>> map = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (String lang : List.of("ru", "en")) {
            ConfigFile file = ConfigFile.read(configDir, "wording/" + lang + ".rules");
            map.put(lang, parse(file.text(), file.source(), problems));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("wording rules refused:\n  - " + String.join("\n  - ", problems));
        }
        return new WordingRules(map);
    }

    /**
     * An apostrophe in a rule ("don't", "we're") stands for the typographic one too: editors turn "'" into
     * "’", and a rule should not depend on the keyboard. Inside a character class the union "['’]" is valid.
     */
    static String apostrophes(String pattern) {
        return pattern.replace("'", "['’]");
    }

    static List<Rule> parse(String text, String where, List<String> problems) {
        List<Rule> rules = new ArrayList<>();
        String[] lines = text.split("\\r?\\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            // fields are separated by " | " (a bar between spaces): patterns use bars for alternatives without spaces
            String[] f = line.split("\\s+\\|(?:\\s+|$)", 4);
            if (f.length < 3) {
                problems.add(where + " line " + (i + 1) + ": expected id | kind | pattern | suggestion");
                continue;
            }
            try {
                rules.add(new Rule(f[0].strip(), Kind.parse(f[1]), Pattern.compile(WORD_START + "(?:" + apostrophes(f[2].strip()) + ")",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS), f.length > 3 ? f[3].strip() : ""));
            } catch (IllegalArgumentException e) {
                problems.add(where + " line " + (i + 1) + ": " + (e instanceof PatternSyntaxException p ? "pattern: " + p.getDescription()
                        : "kind must be one of " + java.util.Arrays.toString(Kind.values())));
            }
        }
        return rules;
    }
}
