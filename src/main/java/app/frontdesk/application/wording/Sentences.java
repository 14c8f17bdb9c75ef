package app.frontdesk.application.wording;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Where the sentences of a text start, and which sentence a position is in: shared by the rules that judge a sentence whole. */
final class Sentences {

    private Sentences() {
    }

    /**
     * Where sentences start: after a line break, or after . ! ? … followed by a space. A period after
     * a short lower-case word ("п. 4.3", "т. е.", "e.g. this") does not end a sentence.
     */
    static int[] starts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i + 1 < text.length(); i++) {
            char c = text.charAt(i);
            boolean end = c == '\n' || ((c == '!' || c == '?' || c == '…' || c == '.' && !abbreviation(text, i))
                    && Character.isWhitespace(text.charAt(i + 1)));
            if (end) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The sentence a position is in. */
    static int of(int[] starts, int pos) {
        int i = Arrays.binarySearch(starts, pos);
        return i >= 0 ? i : -i - 2;
    }

    /** The sentences that already hold a finding of the rule: a rule by shape adds none where its phrases found one. */
    static Set<Integer> found(int[] starts, List<Finding> findings, String rule) {
        Set<Integer> out = new HashSet<>();
        for (Finding f : findings) {
            if (f.rule().equals(rule)) {
                out.add(of(starts, f.start()));
            }
        }
        return out;
    }

    /** Where a sentence ends (the next one's start, or the text's end). */
    static int end(int[] starts, int sentence, int length) {
        return sentence + 1 < starts.length ? starts[sentence + 1] : length;
    }

    private static boolean abbreviation(String text, int dot) {
        int letters = 0;
        int i = dot - 1;
        while (i >= 0 && Character.isLetter(text.charAt(i)) && letters < 3) {
            letters++;
            i--;
        }
        return letters > 0 && letters <= 2 && Character.isLowerCase(text.charAt(dot - 1)) && (i < 0 || !Character.isLetter(text.charAt(i)));
    }
}
