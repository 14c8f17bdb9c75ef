package app.frontdesk.application.cases;

import app.frontdesk.domain.model.care.Experience;
import java.time.Instant;
import java.util.List;

/**
 * The account is red-flagged, so a text to its people acknowledges the history by name and promises the
 * manager's call for the day its task falls due.
 *
 * @param history what went wrong (see care.WentWrong), oldest first
 * @param callDue when the call task the text promises is due
 */
public record RedFlag(List<Experience> history, Instant callDue) {

    public RedFlag {
        history = List.copyOf(history);
    }
}
