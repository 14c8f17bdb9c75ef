package app.frontdesk.bootstrap;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A clock that starts at a given moment and runs from there (FRONTDESK_REPLAY_CLOCK_START): a whole
 * story with its Fridays and Mondays can be replayed against the packaged gateway. /health warns
 * while it is set.
 */
final class ReplayClock {

    private ReplayClock() {
    }

    static Clock startingAt(Instant start) {
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), start));
    }
}
