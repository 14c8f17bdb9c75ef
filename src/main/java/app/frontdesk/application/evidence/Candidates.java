package app.frontdesk.application.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The candidate accounts, best first. One is clear when it is confident enough on its own and well
 * ahead of the next; anything else goes to a person (the triage address).
 */
public record Candidates(List<Candidate> ranked) {

    /** A candidate below this is a guess. */
    public static final double CLEAR_CONFIDENCE = 0.6;
    /** And the best must lead the second by this much. */
    public static final double CLEAR_LEAD = 0.25;

    public Candidates {
        ranked = List.copyOf(ranked);
    }

    public Optional<Candidate> clear() {
        if (ranked.isEmpty() || ranked.get(0).confidence() < CLEAR_CONFIDENCE) {
            return Optional.empty();
        }
        if (ranked.size() > 1 && ranked.get(0).confidence() - ranked.get(1).confidence() < CLEAR_LEAD) {
            return Optional.empty();
        }
        return Optional.of(ranked.get(0));
    }

    /** What {@link #describe} says when nothing matched. */
    static final String NONE = "no account matched";
    /** A case keeps the candidates as {@link #describe} wrote them; at most this many. */
    public static final int DESCRIBED = 5;

    public String describe() {
        if (ranked.isEmpty()) {
            return NONE;
        }
        return ranked.stream().limit(DESCRIBED).map(Candidate::describe).collect(Collectors.joining("; "));
    }

    /** Every kind of evidence {@link #describe} may name: where one evidence ends and the next begins. */
    private static final Set<String> KINDS = kinds();
    private static final Pattern ONE = Pattern.compile("account (\\d{1,18}) \\((\\d{1,3})%: (.*)\\)");

    private static Set<String> kinds() {
        Set<String> k = new java.util.HashSet<>(AccountFinder.WEIGHTS.keySet());
        k.add("contact-address");
        return Set.copyOf(k);
    }

    /**
     * The candidates again from what {@link #describe} wrote (a case stores it as its evidence), so the console can
     * offer each account and say each fact in the reader's words: the evidence's kind is a code, its value as found.
     * Empty when the text is not in that form (edited by hand, or cut at the column's length mid-candidate: those
     * before the cut are kept); weights are each kind's usual weight, the confidence the one written.
     */
    public static Optional<Candidates> parse(String described) {
        if (described == null) {
            return Optional.empty();
        }
        if (described.equals(NONE)) {
            return Optional.of(new Candidates(List.of()));
        }
        List<Candidate> found = new ArrayList<>();
        // "; account " starts the next candidate: a value never holds it (values are numbers, domains, names, Message-IDs)
        for (String one : described.split("; (?=account \\d)")) {
            Matcher m = ONE.matcher(one);
            if (!m.matches()) {
                break;
            }
            List<Evidence> evidence = new ArrayList<>();
            for (String e : m.group(3).split(", (?=(" + String.join("|", KINDS) + ") )")) {
                int space = e.indexOf(' ');
                String kind = space < 0 ? e : e.substring(0, space);
                if (!KINDS.contains(kind)) {
                    return Optional.empty();
                }
                evidence.add(new Evidence(kind, space < 0 ? "" : e.substring(space + 1), AccountFinder.WEIGHTS.getOrDefault(kind, 1.0)));
            }
            found.add(new Candidate(Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)) / 100.0, evidence));
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(new Candidates(found));
    }
}
