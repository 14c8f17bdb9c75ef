package app.frontdesk.application.cases;

import app.frontdesk.application.Repositories;
import app.frontdesk.domain.model.supportcase.SenderThrottle;
import java.time.Duration;
import java.time.Instant;

/** At most one mail of a kind per sender per window; the row is locked, so two workers cannot both pass. */
public final class Throttles {

    private Throttles() {
    }

    public static boolean pass(Repositories repos, String sender, SenderThrottle.Kind kind, Duration window, Long caseId, Instant now) {
        var row = repos.cases().lockThrottle(sender, kind);
        if (row.isEmpty()) {
            repos.cases().add(new SenderThrottle(sender, kind, caseId, now));
            return true;
        }
        return row.get().tryPass(window, caseId, now);
    }
}
