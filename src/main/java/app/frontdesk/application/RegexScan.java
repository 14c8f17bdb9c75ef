package app.frontdesk.application;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code pattern.matcher(text).find()}, but it tries a match only where the text has a character the
 * pattern can start with. Word lists such as the complaint words are alternations of phrases, which
 * Java's regex engine tries at every position of a message: with ten of them over a 4 KB message
 * that was 38 % of the pipeline's CPU (JFR); skipping impossible starts made it 4x faster.
 *
 * <p>Whether a character can start a match is asked of the pattern itself, once per character: a
 * match of that one character, or the engine reaching the end of it (it wanted more input). The
 * answer holds only when a match does not depend on what comes before its start, so patterns with
 * lookbehind, {@code ^}, {@code \B}, {@code \G} or a back reference are searched the plain way. One
 * lookbehind is allowed: a leading {@code (?<![...])} of one character class, as the evidence patterns
 * use ("not after a digit"). Asked of one character it sees nothing before it and lets the rest decide,
 * so it can only say "may start" too often, never too rarely; the match itself is tried on the whole text.
 */
public final class RegexScan {

    private final Pattern pattern;
    private final boolean prefilter;
    /**
     * Per character: 0 not asked yet, {@link #YES} or {@link #NO}. Filled as characters are met, by
     * any thread and without a lock: two threads asking at once get the same answer, and a byte is
     * written whole.
     */
    private final byte[] startsWith = new byte[Character.MAX_VALUE + 1];
    private static final byte YES = 1;
    private static final byte NO = 2;
    /** A {@code ^} that is not the negation of a character class ({@code [^...]}). */
    private static final Pattern ANCHOR = Pattern.compile("(?<![\\[\\\\])\\^");
    /** Inline flags, then a negative lookbehind of one character class: {@code (?iu)(?<![\p{L}])}. */
    private static final Pattern LEADING_NOT_AFTER = Pattern.compile("^(\\(\\?[a-zA-Z]+\\))?\\(\\?<!\\[(?:\\\\.|[^\\]\\\\])+\\]\\)");

    public RegexScan(Pattern pattern) {
        this.pattern = pattern;
        String s = LEADING_NOT_AFTER.matcher(pattern.pattern()).replaceFirst("$1");
        this.prefilter = !(s.contains("(?<") || ANCHOR.matcher(s).find() || s.contains("\\B") || s.contains("\\G") || s.contains("\\A")
                || s.matches(".*\\\\[1-9].*") || s.contains("\\k<"));
    }

    /** False when the pattern is searched the plain way (see above). */
    boolean prefiltered() {
        return prefilter;
    }

    public Pattern pattern() {
        return pattern;
    }

    /** The leftmost match, as {@link Matcher#find()} gives it. */
    public Optional<String> find(String text) {
        if (!prefilter || text.isEmpty()) {
            Matcher m = pattern.matcher(text);
            return m.find() ? Optional.of(m.group()) : Optional.empty();
        }
        Matcher m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        for (int i = 0; i < text.length(); i++) {
            if (!mayStartWith(text.charAt(i))) {
                continue;
            }
            m.region(i, text.length());
            if (m.lookingAt()) {
                return Optional.of(m.group());
            }
        }
        return Optional.empty();
    }

    /**
     * Every match, left to right, as a loop of {@link Matcher#find()} gives them: the next search starts where the
     * last match ended (one further after an empty match).
     */
    public void forEach(String text, Consumer<MatchResult> each) {
        Matcher m = pattern.matcher(text);
        if (!prefilter) {
            while (m.find()) {
                each.accept(m.toMatchResult());
            }
            return;
        }
        m.useTransparentBounds(true).useAnchoringBounds(false);
        int i = 0;
        while (i <= text.length()) {
            if (i < text.length() && !mayStartWith(text.charAt(i))) {
                i++;
                continue;
            }
            m.region(i, text.length());
            if (!m.lookingAt()) {
                i++;
                continue;
            }
            each.accept(m.toMatchResult());
            i = m.end() == m.start() ? m.end() + 1 : m.end();
        }
    }

    private boolean mayStartWith(char c) {
        if (Character.isSurrogate(c)) {
            return true; // half a character says nothing about the whole
        }
        byte known = startsWith[c];
        if (known == 0) {
            Matcher m = pattern.matcher(String.valueOf(c));
            known = m.lookingAt() || m.hitEnd() ? YES : NO;
            startsWith[c] = known;
        }
        return known == YES;
    }
}
