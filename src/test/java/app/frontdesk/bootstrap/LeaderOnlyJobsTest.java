package app.frontdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.application.Meter;
import app.frontdesk.application.accounts.AccountDraft;
import app.frontdesk.infrastructure.config.Settings;
import app.frontdesk.infrastructure.persistence.Database;
import app.frontdesk.infrastructure.persistence.DatabaseSettings;
import app.frontdesk.testkit.GatewayFixture;
import app.frontdesk.testkit.GatewayProcess;
import app.frontdesk.testkit.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gateways over one PostgreSQL schema, leadership by advisory lock as in production: the once-only jobs
 * (here a task's escalation, which mails the support lead) are done once, by the leader; the other's turn does
 * nothing; the mailboxes are read by the leader only. Fails (not skips) under CI=true without PostgreSQL.
 */
class LeaderOnlyJobsTest {

    private static final String LEAD = "lead@frontdesk.test";

    @Test
    void onlyTheLeaderDoesTheDueHousekeepingAndReadsTheMailboxes(@TempDir Path dir) throws Exception {
        DatabaseSettings pg = TestDatabases.postgres();
        Database db = TestDatabases.open(pg); // migrated once, as the first instance of a deployment does
        GatewayFixture.MutableClock clock = new GatewayFixture.MutableClock(Instant.parse("2026-11-20T09:00:00Z"));
        try (Gateway a = new Gateway(settings(pg, dir.resolve("a"), "a"), clock, Meter.NONE);
             Gateway b = new Gateway(settings(pg, dir.resolve("b"), "b"), clock, Meter.NONE)) {
            a.start(Thread::new, (line, code) -> { });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (!a.leadership().isLeader() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(a.leadership().isLeader(), "the first instance leads");
            b.start(Thread::new, (line, code) -> { });
            Thread.sleep(1_000);
            assertFalse(b.leadership().isLeader(), "never two leaders");

            // IMAP intake (a mailbox on a port nobody serves): watched by the leader, not at all by the other
            assertTrue(a.imap().states().containsKey("imap.default"), a.imap().states().toString());
            assertEquals(Map.of(), b.imap().states(), "the other instance does not touch the mailboxes");

            long account = a.services().accounts.create(new AccountDraft("Romashka LLC", List.of("romashka.example"),
                    List.of(new AccountDraft.ContactDraft("buh@romashka.example", "Accounts", "en")),
                    new AccountDraft.ManagerDraft("Olga", "olga@frontdesk.test")), "test");
            db.run(r -> a.services().tasks.promiseCall(r, r.accounts().find(account).orElseThrow(), lang -> "a red flag", clock.instant()));
            clock.set(clock.instant().plus(Duration.ofDays(14))); // the call is long overdue: escalation is due

            assertEquals(0, b.housekeepingTurn(), "the instance that does not lead does nothing");
            int led = a.housekeepingTurn(); // unless the leader's own worker took its turn in between
            assertEquals(0, b.housekeepingTurn());
            assertEquals(0, a.housekeepingTurn(), "done already");
            assertEquals(1L, count(pg, "SELECT count(*) FROM audit_event WHERE action = 'task-escalated'"), "escalated once");
            assertEquals(1L, count(pg, "SELECT count(*) FROM task WHERE escalated_to = '" + LEAD + "'"), "to the support lead");
            System.out.println("the leader's turn did " + led);
        } finally {
            TestDatabases.dispose(db);
        }
    }

    private static long count(DatabaseSettings pg, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(pg.url(), pg.user(), pg.password()); var st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Settings settings(DatabaseSettings pg, Path dataDir, String instance) {
        Map<String, String> env = new HashMap<>(Map.of("FRONTDESK_DATA_DIR", dataDir.toString(),
                "FRONTDESK_CONFIG_DIR", Path.of("server-config").toAbsolutePath().toString(),
                "FRONTDESK_TRUSTED_AUTHSERV_IDS", GatewayFixture.AUTHSERV_ID, "FRONTDESK_DEMO_DATA", "false",
                "FRONTDESK_PUBLIC_URL", "http://frontdesk.test", "FRONTDESK_INSTANCE_ID", instance,
                "FRONTDESK_DB_URL", pg.url(), "FRONTDESK_DB_USER", pg.user(), "FRONTDESK_SUPPORT_LEAD_ADDRESS", LEAD));
        env.putAll(Map.of("FRONTDESK_IMAP_HOST", "127.0.0.1", "FRONTDESK_IMAP_PORT", String.valueOf(GatewayProcess.freePort()),
                "FRONTDESK_IMAP_SECURITY", "none", "FRONTDESK_IMAP_USER", "support", "FRONTDESK_IMAP_PASSWORD", "secret"));
        return new Settings(name -> Optional.ofNullable(env.get(name)));
    }
}
