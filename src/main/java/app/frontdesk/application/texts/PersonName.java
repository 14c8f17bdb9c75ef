package app.frontdesk.application.texts;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A person's name to greet them with, taken from a From display name, or nothing. Texts keep it in
 * the nominative ("Здравствуйте, Алексей Волков!", "Адрес подтвердил: Алексей Волков"), so no
 * declension can go wrong. What does not look like a person's name is not used, and the greeting is
 * then neutral: an address, a link, digits, capitals ("ООО РОМАШКА", "IVAN PETROV"), a company or a
 * role ("Бухгалтерия", "Support Team"), punctuation other than a hyphen, an apostrophe or an
 * initial's dot, mixed alphabets (a Latin "a" inside a Cyrillic name), more than four words or
 * forty characters. Quotes around the name are dropped.
 */
public final class PersonName {

    static final int MAX_LENGTH = 40;
    static final int MAX_WORDS = 4;

    private static final Pattern WORD = Pattern.compile(
            "\\p{Lu}\\p{Ll}*(?:\\p{Lu}\\p{Ll}+)*(?:[-'’]\\p{Lu}?\\p{Ll}+(?:\\p{Lu}\\p{Ll}+)*)*|\\p{Lu}\\.");
    private static final String QUOTES = "\"'«»“”„‘’`";
    /** Words that name a company, a department or a role, never a person (compared in lower case). */
    private static final Set<String> NOT_A_PERSON = Set.of(
            "ооо", "оао", "зао", "пао", "ао", "ип", "нко", "гуп", "муп", "компания", "группа", "отдел", "служба", "бухгалтерия",
            "поддержка", "поддержки", "офис", "администратор", "менеджер", "директор", "секретарь", "приёмная", "приемная", "бюро",
            "холдинг", "завод", "магазин", "центр", "клиент", "llc", "ltd", "inc", "gmbh", "corp", "plc", "company", "group", "team",
            "department", "support", "office", "admin", "administrator", "accounting", "accounts", "billing", "sales", "info",
            "service", "services", "manager", "director", "reception", "holding", "shop", "center", "centre", "finance", "customer");

    private PersonName() {
    }

    /** The name as it may be written to its bearer, or empty when the display name is no plausible person's name. */
    public static Optional<String> of(String displayName) {
        if (displayName == null) {
            return Optional.empty();
        }
        String s = Normalizer.normalize(displayName, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip();
        while (s.length() >= 2 && QUOTES.indexOf(s.charAt(0)) >= 0 && QUOTES.indexOf(s.charAt(s.length() - 1)) >= 0) {
            s = s.substring(1, s.length() - 1).strip();
        }
        if (s.isEmpty() || s.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String[] words = s.split(" ");
        if (words.length > MAX_WORDS) {
            return Optional.empty();
        }
        boolean fullWord = false;
        Character.UnicodeScript script = null;
        for (String w : words) {
            if (!WORD.matcher(w).matches() || NOT_A_PERSON.contains(w.toLowerCase(Locale.ROOT).replace(".", ""))) {
                return Optional.empty();
            }
            fullWord |= w.codePoints().filter(Character::isLetter).count() >= 2;
            for (int i = 0; i < w.length(); i++) {
                if (!Character.isLetter(w.charAt(i))) {
                    continue;
                }
                Character.UnicodeScript sc = Character.UnicodeScript.of(w.charAt(i));
                if (script != null && sc != script) {
                    return Optional.empty(); // "Ivаn" with a Cyrillic "а": not written by a person for a person
                }
                script = sc;
            }
        }
        return fullWord ? Optional.of(s) : Optional.empty();
    }
}
