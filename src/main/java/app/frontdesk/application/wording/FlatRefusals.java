package app.frontdesk.application.wording;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * A refusal that leaves the customer with nothing: "Предоставить выписку не представляется возможным.
 * Запрос отклонён." or "this request can't be actioned", with no way round it anywhere in the text.
 * Such a refusal needs no word like "security" to lean on (that is {@link Refusals}); what makes it one
 * is that nothing the customer can do or get instead stands beside it. A polite closing ("если
 * появятся другие вопросы, обращайтесь", "anything else we can help with") offers nothing for this
 * request and does not count. The words are rules of the language ({@code outright}, {@code
 * alternative}, {@code closing}).
 */
final class FlatRefusals {

    private FlatRefusals() {
    }

    /** One finding per sentence that refuses outright, when the text offers no alternative; none in a sentence already found. */
    static List<Finding> find(String text, List<WordingRules.Rule> all, int[] sentenceStarts, List<Finding> already, boolean ru) {
        Spans outright = Spans.of(text, all, WordingRules.Kind.OUTRIGHT);
        if (outright.size() == 0 || offersSomething(text, all)) {
            return List.of();
        }
        Set<Integer> done = Sentences.found(sentenceStarts, already, "refusal");
        // a match came from some outright rule: the first one names the finding and gives its suggestion
        WordingRules.Rule rule = all.stream().filter(r -> r.kind() == WordingRules.Kind.OUTRIGHT).findFirst().orElseThrow();
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < outright.size(); i++) {
            int s = Sentences.of(sentenceStarts, outright.start(i));
            if (!done.add(s)) {
                continue;
            }
            out.add(new Finding(rule.id(), outright.start(i), outright.end(i), text.substring(outright.start(i), outright.end(i)),
                    ru ? "Отказ, после которого клиенту нечего делать: нет ни другого пути, ни того, что мы можем предложить."
                            : "A refusal that leaves the customer nothing: no other way and nothing we offer instead.",
                    rule.suggestion()));
        }
        return out;
    }

    /** Some alternative stands outside every closing formula. */
    private static boolean offersSomething(String text, List<WordingRules.Rule> all) {
        Spans closings = Spans.of(text, all, WordingRules.Kind.CLOSING);
        for (WordingRules.Rule r : all) {
            if (r.kind() != WordingRules.Kind.ALTERNATIVE) {
                continue;
            }
            Matcher m = r.pattern().matcher(text);
            while (m.find()) {
                if (m.end() > m.start() && !closings.covers(m.start())) {
                    return true;
                }
            }
        }
        return false;
    }
}
