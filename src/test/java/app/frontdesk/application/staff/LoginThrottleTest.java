package app.frontdesk.application.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.infrastructure.persistence.Database;
import app.frontdesk.infrastructure.persistence.DatabaseSettings;
import app.frontdesk.testkit.GatewayFixture;
import app.frontdesk.testkit.GatewayFixture.MutableClock;
import app.frontdesk.testkit.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sign-in throttle over the database (H2 here; PostgreSQL for two gateways sharing one count). */
class LoginThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
    private final Database db = TestDatabases.open(TestDatabases.h2());
    private final LoginThrottle throttle = new LoginThrottle(db, clock);

    @AfterEach
    void dispose() {
        TestDatabases.dispose(db);
    }

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
        throttle.failed("olga@x.test", "10.0.0.1");
        assertEquals(Instant.parse("2026-11-28T10:16:00Z"), throttle.blockedUntil("olga@x.test", "10.0.0.1").orElseThrow(),
                "one more failure within the window of the four others blocks again, until the next oldest ages out");
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

    @Test
    void theCountIsInTheDatabaseSoANewThrottleOverItKnowsIt() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("olga@x.test", "10.0.0.1");
        }
        // a restarted gateway: a new object over the same database forgives nothing
        assertEquals(Instant.parse("2026-11-28T10:15:00Z"), new LoginThrottle(db, clock).blockedUntil("olga@x.test", "10.0.0.9").orElseThrow());
    }

    @Test
    void housekeepingDeletesTheFailuresOlderThanTheWindowAndNoOthers() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("invented-" + i + "@x.test", "203.0.113.9");
        }
        clock.advance(Duration.ofMinutes(10));
        throttle.failed("olga@x.test", "10.0.0.1");
        assertEquals(8, rows());
        assertEquals(0, throttle.forgetOld(), "nothing is older than 15 minutes yet");
        clock.advance(Duration.ofMinutes(5));
        assertEquals(6, throttle.forgetOld(), "the three invented logins and their address, counted twice each");
        assertEquals(2, rows());
        for (int i = 0; i < 4; i++) {
            throttle.failed("olga@x.test", "10.0.0.1");
        }
        assertTrue(throttle.blockedUntil("olga@x.test", "10.0.0.1").isPresent(), "what is still in the window still counts");
    }

    @Test
    void aLoginLongerThanAnyAddressIsCountedByItsFirst320Characters() {
        String invented = "x".repeat(5000) + "@x.test";
        for (int i = 0; i < 5; i++) {
            throttle.failed(invented, "10.0.0.1");
        }
        assertTrue(throttle.blockedUntil(invented, "10.0.0.2").isPresent());
        assertTrue(throttle.blockedUntil("x".repeat(320), "10.0.0.2").isPresent(), "the same first 320 characters");
        assertTrue(throttle.blockedUntil("x".repeat(319), "10.0.0.2").isEmpty());
    }

    /**
     * Two gateways over one PostgreSQL: separate objects (database pool, services, throttle), one database. An
     * attacker who spreads the guesses over both gets five in all, not five at each.
     */
    @Test
    void twoGatewaysOverOnePostgresqlShareTheCount() {
        DatabaseSettings pg = TestDatabases.postgres();
        try (GatewayFixture a = new GatewayFixture(pg); GatewayFixture b = new GatewayFixture(pg)) {
            a.services.staff.ensureFirstAdmin("admin@frontdesk.test", Optional.of("configured-admin-pw"), a.dataDir.resolve("secrets"),
                    Locale.ENGLISH);
            b.clock.set(a.clock.instant());
            for (int i = 0; i < 3; i++) {
                assertInstanceOf(SignIn.Refused.class, a.services.staff.signIn("admin@frontdesk.test", "guess-a" + i, "198.51.100.7"));
            }
            for (int i = 0; i < 2; i++) {
                assertInstanceOf(SignIn.Refused.class, b.services.staff.signIn("admin@frontdesk.test", "guess-b" + i, "198.51.100.8"));
            }
            Instant until = a.clock.instant().plus(Duration.ofMinutes(15));
            assertEquals(until, assertInstanceOf(SignIn.Throttled.class,
                    a.services.staff.signIn("admin@frontdesk.test", "configured-admin-pw", "10.0.0.1")).until(), "blocked on the first");
            assertEquals(until, assertInstanceOf(SignIn.Throttled.class,
                    b.services.staff.signIn("admin@frontdesk.test", "configured-admin-pw", "10.0.0.1")).until(), "and on the second");
            assertEquals(10, count(pg), "five failures in the one table, each counted per login and per address");
        }
    }

    private long rows() {
        return count(db.settings());
    }

    /** Every row of login_failure, by plain SQL (the repository only answers per key). */
    private static long count(DatabaseSettings s) {
        try (Connection c = DriverManager.getConnection(s.url(), s.user(), s.password()); Statement st = c.createStatement();
             ResultSet r = st.executeQuery("SELECT COUNT(*) FROM login_failure")) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
