package app.frontdesk.application.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.testkit.GatewayFixture.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void fiveWrongPasswordsForOneLoginBlockItForFifteenMinutesFromTheFirst() {
        for (int i = 0; i < 5; i++) {
            assertTrue(throttle.blockedUntil("olga@x.test", "10.0.0.1").isEmpty(), "attempt " + (i + 1) + " is allowed");
            throttle.failed("olga@x.test", "10.0.0.1");
            clock.advance(Duration.ofMinutes(1));
        }
        assertEquals(Instant.parse("2026-11-28T10:15:00Z"), throttle.blockedUntil("olga@x.test", "10.0.0.2").orElseThrow(),
                "from another address too");
        assertEquals(Instant.parse("2026-11-28T10:15:00Z"), throttle.blockedUntil("OLGA@x.test ", "10.0.0.2").orElseThrow(),
                "the login as typed differently");
        assertTrue(throttle.blockedUntil("boris@x.test", "10.0.0.1").isEmpty(), "a colleague in the same office is not locked out");
        clock.set(Instant.parse("2026-11-28T10:15:00Z"));
        assertTrue(throttle.blockedUntil("olga@x.test", "10.0.0.1").isEmpty(), "the oldest failure aged out");
    }

    @Test
    void oneAddressSprayingManyLoginsIsBlockedAfterThirtyFailures() {
        for (int i = 0; i < 30; i++) {
            assertTrue(throttle.blockedUntil("user" + i + "@x.test", "203.0.113.9").isEmpty());
            throttle.failed("user" + i + "@x.test", "203.0.113.9");
        }
        assertTrue(throttle.blockedUntil("anyone@x.test", "203.0.113.9").isPresent());
        assertTrue(throttle.blockedUntil("anyone@x.test", "203.0.113.10").isEmpty());
    }

    @Test
    void aRightPasswordClearsTheLoginsCount() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("olga@x.test", "10.0.0.1");
        }
        throttle.succeeded("olga@x.test");
        throttle.failed("olga@x.test", "10.0.0.1");
        assertTrue(throttle.blockedUntil("olga@x.test", "10.0.0.1").isEmpty());
    }
}
