package app.frontdesk.application.evidence;

import java.util.List;
import java.util.Optional;
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

    public String describe() {
        if (ranked.isEmpty()) {
            return "no account matched";
        }
        return ranked.stream().limit(5).map(Candidate::describe).collect(Collectors.joining("; "));
    }
}
