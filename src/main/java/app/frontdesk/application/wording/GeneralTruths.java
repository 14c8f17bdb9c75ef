package app.frontdesk.application.wording;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Philosophising found by the shape of a sentence rather than by its words: a sentence that speaks of
 * everyone and always ("где-то всегда что-то идёт не по плану", "Change is a constant in life") and of
 * no one in this case (no "вы", "мы", "you", "we", no number, no instruction, no "теперь") states a
 * general truth where the reply should own what happened. Phrase lists miss the next writer's maxim;
 * the shape is what maxims share. Both word lists are rules of the language ({@code general},
 * {@code particular}), so a team tunes them without a build.
 * <p>
 * Each pattern runs once over the text and each sentence is judged once (binary searches over the
 * matches, a running count of digits), so the time stays linear in the text's length.
 */
final class GeneralTruths {

    private GeneralTruths() {
    }

    /** One finding per sentence that states a general truth and is not already found by a philosophy phrase. */
    static List<Finding> find(String text, List<WordingRules.Rule> all, int[] sentenceStarts, List<Finding> already) {
        Spans particular = Spans.of(text, all, WordingRules.Kind.PARTICULAR);
        int[] digits = new int[text.length() + 1];
        for (int i = 0; i < text.length(); i++) {
            digits[i + 1] = digits[i] + (Character.isDigit(text.charAt(i)) ? 1 : 0);
        }
        Set<Integer> done = Sentences.found(sentenceStarts, already, "philosophy");
        List<Finding> out = new ArrayList<>();
        for (WordingRules.Rule rule : all) {
            if (rule.kind() != WordingRules.Kind.GENERAL) {
                continue;
            }
            Matcher m = rule.pattern().matcher(text);
            while (m.find()) {
                if (m.end() == m.start()) {
                    continue;
                }
                int s = Sentences.of(sentenceStarts, m.start());
                int from = sentenceStarts[s];
                int to = Sentences.end(sentenceStarts, s, text.length());
                if (done.contains(s) || digits[to] > digits[from] || particular.any(from, to)) {
                    continue;
                }
                done.add(s);
                // the message is the philosophy message WordingCheck gives every such finding (it depends on an apology elsewhere)
                out.add(new Finding(rule.id(), m.start(), m.end(), text.substring(m.start(), m.end()), "", rule.suggestion()));
            }
        }
        return out;
    }
}
