package app.frontdesk.application.dunning;

import app.frontdesk.domain.model.billing.Verdict;
import java.time.Instant;
import java.util.List;

/**
 * The gate's answer.
 *
 * @param holdUntil for HOLD: when it is checked again by itself; null when it waits for a person or an event
 */
public record GateDecision(Verdict verdict, List<Reason> reasons, Instant holdUntil) {

    public GateDecision {
        reasons = List.copyOf(reasons);
    }
}
