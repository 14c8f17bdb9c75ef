package app.frontdesk.application.wording;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;

/** The matches of some kinds of rule, ordered by start: asked "is there one between a and b" by binary search. */
final class Spans {
    private final int[] starts;
    private final int[] ends;

    private Spans(int[] starts, int[] ends) {
        this.starts = starts;
        this.ends = ends;
    }

    static Spans of(String text, List<WordingRules.Rule> all, WordingRules.Kind... kinds) {
        List<int[]> found = new ArrayList<>();
        for (WordingRules.Rule r : all) {
            if (Arrays.asList(kinds).contains(r.kind())) {
                Matcher m = r.pattern().matcher(text);
                while (m.find()) {
                    if (m.end() > m.start()) {
                        found.add(new int[] {m.start(), m.end()});
                    }
                }
            }
        }
        found.sort((a, b) -> Integer.compare(a[0], b[0]));
        return new Spans(found.stream().mapToInt(a -> a[0]).toArray(), found.stream().mapToInt(a -> a[1]).toArray());
    }

    int size() {
        return starts.length;
    }

    int start(int i) {
        return starts[i];
    }

    int end(int i) {
        return ends[i];
    }

    /** The index of the first match starting at or after pos. */
    int firstFrom(int pos) {
        int lo = 0;
        int hi = starts.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] < pos) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Some match starts in [from, to). */
    boolean any(int from, int to) {
        int i = firstFrom(from);
        return i < starts.length && starts[i] < to;
    }

    /**
     * The longest match {@link #covers} looks back for: the patterns asked (closing formulas) are a sentence at most, their gaps
     * bounded, so the walk back from a position stays short and a text full of them stays linear.
     */
    private static final int LONGEST_COVER = 300;

    /** Some match starting at most {@link #LONGEST_COVER} characters before the position covers it. */
    boolean covers(int pos) {
        for (int i = firstFrom(pos + 1) - 1; i >= 0 && pos - starts[i] <= LONGEST_COVER; i--) {
            if (ends[i] > pos) {
                return true;
            }
        }
        return false;
    }
}
