package app.frontdesk.application.evidence;

import java.util.List;
import java.util.stream.Collectors;

/** An account the message may belong to, with the evidence and the confidence it adds up to. */
public record Candidate(long accountId, double confidence, List<Evidence> evidence) {

    public int percent() {
        return (int) Math.round(confidence * 100);
    }

    public String describe() {
        return "account " + accountId + " (" + percent() + "%: "
                + evidence.stream().map(Evidence::describe).collect(Collectors.joining(", ")) + ")";
    }
}
