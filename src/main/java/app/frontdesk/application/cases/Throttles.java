package app.frontdesk.application.cases;

import app.frontdesk.application.Repositories;
import app.frontdesk.domain.model.supportcase.SenderThrottle;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * At most one mail of a kind per sender per window, across every instance over the database: the first mail inserts
 * the row (one of two racing inserts wins, the other is told no without an error), every later one locks it, so two
 * workers cannot both pass.
 */
public final class Throttles {

    private Throttles() {
    }

    public static boolean pass(Repositories repos, String sender, SenderThrottle.Kind kind, Duration window, Long caseId, Instant now) {
        // The row is there for every message of a sender but the first: locking it first is one statement, where an
        // insert that conflicts and then the lock were two, for each of a message's throttles (docs/benchmarks.md)
        Optional<SenderThrottle> row = repos.cases().lockThrottle(sender, kind);
        if (row.isEmpty() && repos.cases().addThrottleIfAbsent(new SenderThrottle(sender, kind, caseId, now))) {
            return true;
        }
        // the row exists now (ours from earlier in this transaction, or committed by another): it decides, under its lock
        return row.or(() -> repos.cases().lockThrottle(sender, kind)).orElseThrow().tryPass(window, caseId, now);
    }

    /**
     * Holds the sender's CASE row until the transaction ends: two workers (on one instance or two) that take a new
     * sender's first messages at once would otherwise both find no open case and open one each (CaseOpeningRaceTest:
     * 10 of 12 senders had two cases on PostgreSQL). The second waits here and then finds the first one's case.
     */
    public static void holdSender(Repositories repos, String sender, Instant now) {
        if (repos.cases().lockThrottle(sender, SenderThrottle.Kind.CASE).isEmpty()
                && !repos.cases().addThrottleIfAbsent(new SenderThrottle(sender, SenderThrottle.Kind.CASE, null, now))) {
            repos.cases().lockThrottle(sender, SenderThrottle.Kind.CASE); // another inserted it meanwhile: wait for its transaction
        }
    }
}
