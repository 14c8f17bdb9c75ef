package app.frontdesk.application.wording;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Finds the refusals in a text that lean on security, policy or a term of ours without a real reason.
 * A word such as "security" is not a refusal by itself ("Profile > Security", a signature "Security
 * team"): it is one when its sentence, or the one before, refuses ("we cannot", "мы не обсуждаем",
 * "only"). Such a refusal is excused when the text gives a next step and a reason stands in the
 * refusal's sentence or the ones on either side, and a reason that only repeats what it leans on ("because
 * of our security policy", "потому что письмо пришло не с авторизованной почты") is no reason. A term
 * ("authorized address") must also be explained somewhere in the text.
 * <p>
 * Every pattern runs once over the text; each refusal then looks only at a bounded window (binary
 * searches over the matches), so the time stays linear in the text's length.
 */
final class Refusals {

    /** How far around a refusal its sentences are read, at most: a line without punctuation is one long sentence. */
    private static final int WINDOW = 300;
    /** A sentence this short after a refusing one belongs to it. */
    private static final int SHORT = 60;
    /**
     * A reason whose clause (up to the end of its sentence, at most this far) names what the refusal leans on
     * only repeats it: "так как ИНН не совпадает, а это запрещено правилами сервиса".
     */
    private static final int CIRCULAR = 150;
    /** How near an explanation must stand to a term to explain it. */
    private static final int EXPLAINS = 150;

    private final String text;
    private final int[] sentenceStarts;
    private final Spans denials;
    private final Spans reasons;
    private final Spans explanations;
    private final Spans leans; // refusal and term matches together, for the circular check
    private final Spans terms;
    private final Spans entitlements;
    private final boolean termsExplained;

    private Refusals(String text, List<WordingRules.Rule> all, int[] sentenceStarts) {
        this.text = text;
        this.sentenceStarts = sentenceStarts;
        this.denials = Spans.of(text, all, WordingRules.Kind.DENIAL);
        this.reasons = Spans.of(text, all, WordingRules.Kind.REASON);
        this.explanations = Spans.of(text, all, WordingRules.Kind.EXPLANATION);
        this.terms = Spans.of(text, all, WordingRules.Kind.TERM);
        this.entitlements = Spans.of(text, all, WordingRules.Kind.ENTITLEMENT);
        this.leans = Spans.of(text, all, WordingRules.Kind.REFUSAL, WordingRules.Kind.TERM);
        // a term explained once is explained: the text need not repeat the explanation at every use
        boolean explained = false;
        for (int i = 0; i < terms.size() && !explained; i++) {
            explained = explanations.any(terms.start(i) - EXPLAINS, terms.end(i) + EXPLAINS);
        }
        this.termsExplained = explained;
    }

    /** One finding per refusing sentence, at a word it leans on. */
    static List<Finding> find(String text, List<WordingRules.Rule> all, int[] sentenceStarts, boolean nextStep, boolean ru) {
        Refusals r = new Refusals(text, all, sentenceStarts);
        List<Finding> out = new ArrayList<>();
        Set<Integer> reported = new HashSet<>();
        for (WordingRules.Rule rule : all) {
            if (rule.kind() != WordingRules.Kind.REFUSAL && rule.kind() != WordingRules.Kind.TERM) {
                continue;
            }
            Matcher m = rule.pattern().matcher(text);
            while (m.find()) {
                if (m.end() == m.start()) {
                    continue;
                }
                int s = r.sentenceOf(m.start());
                if (reported.contains(s) || !r.refuses(s, m) || r.gives(s) || r.excused(s, m, nextStep)) {
                    continue;
                }
                reported.add(s);
                String found = text.substring(m.start(), m.end());
                boolean term = rule.kind() == WordingRules.Kind.TERM;
                out.add(new Finding(rule.id(), m.start(), m.end(), found, term
                        ? (ru ? "Отказ опирается на «" + found + "», а что это значит, клиенту не объяснили." : "A refusal leans on \"" + found
                                + "\", and the customer is not told what it means.")
                        : (ru ? "Отказ со ссылкой на «" + found + "» без объяснения или без того, что клиент может сделать."
                                : "A refusal citing \"" + found + "\" without saying why or what to do instead."), rule.suggestion()));
            }
        }
        return out;
    }

    /**
     * The sentence of the match says no, or it is a short one right after a sentence that does ("Мы не
     * можем. Это политика компании."). A longer sentence after a "no" is a sentence of its own:
     * "Мы никогда не просим пароль. ... смените его в разделе «Безопасность»" refuses nothing.
     */
    private boolean refuses(int s, Matcher m) {
        if (denials.any(Math.max(start(s), m.start() - WINDOW), Math.min(end(s), m.end() + WINDOW))) {
            return true;
        }
        return s > 0 && end(s) - start(s) <= SHORT && denials.any(Math.max(start(s - 1), m.start() - WINDOW), start(s));
    }

    /**
     * The sentence gives the customer something ("clause 12.3 waives that ..., so there's no early-termination fee for
     * you"): a clause or a rule cited for the customer is no refusal, whatever "don't" stands beside it.
     */
    private boolean gives(int s) {
        return entitlements.any(start(s), end(s));
    }

    private boolean excused(int s, Matcher m, boolean nextStep) {
        if (!nextStep) {
            return false;
        }
        int from = Math.max(start(Math.max(0, s - 1)), m.start() - WINDOW);
        int to = Math.min(end(Math.min(sentenceStarts.length - 1, s + 1)), m.end() + WINDOW);
        if (!termsExplained && terms.any(from, to)) {
            return false;
        }
        for (int i = reasons.firstFrom(from); i < reasons.size() && reasons.start(i) < to; i++) {
            int after = reasons.end(i);
            int limit = Math.min(after + CIRCULAR, end(sentenceOf(reasons.start(i))));
            if (!leansUnexplained(after, limit)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The reason's clause leans on the same ground again: security, policy or rules ("as this is personal
     * data", "потому что так требует служба безопасности"), or a term the text never explains.
     */
    private boolean leansUnexplained(int from, int to) {
        for (int i = leans.firstFrom(from); i < leans.size() && leans.start(i) < to; i++) {
            if (!termsExplained || !terms.any(leans.start(i), leans.start(i) + 1)) {
                return true;
            }
        }
        return false;
    }

    private int sentenceOf(int pos) {
        return Sentences.of(sentenceStarts, pos);
    }

    private int start(int sentence) {
        return sentenceStarts[sentence];
    }

    private int end(int sentence) {
        return Sentences.end(sentenceStarts, sentence, text.length());
    }
}
