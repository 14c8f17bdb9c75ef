package app.frontdesk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.testkit.DovecotInstance;
import app.frontdesk.testkit.GatewayProcess;
import app.frontdesk.testkit.TestDatabases;
import app.frontdesk.testkit.TestMail;
import jakarta.mail.Flags;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The packaged gateway reads a real Dovecot mailbox (a private instance under target/): 500 messages,
 * some already read by someone else, all stored once and moved; the gateway killed with SIGKILL while it
 * drains them and started again: none lost, none stored twice, none left in INBOX, and mail from before
 * FRONTDESK_IMAP_SINCE left alone; IDLE brings a new message in within 5 s; health and metrics show the
 * mailbox (a rebuilt mailbox, new UIDVALIDITY, is ImapIntakeTest's: a third gateway start here would cost
 * more than it shows). PostgreSQL, so that
 * the test can count stored messages while the gateway runs. Fails under CI=true without Dovecot or
 * PostgreSQL.
 */
class ImapIntakeIT {

    private static final int MESSAGES = 500;
    private static final String DONE = "Frontdesk-Processed";

    @Test
    void killedWhileDrainingAMailboxAndRestartedEveryMessageIsStoredOnceAndMoved() throws Exception {
        DovecotInstance.require();
        TestDatabases.postgres(); // fails under CI=true, skips elsewhere, when PostgreSQL is not there
        String db = "fd_imap_" + System.currentTimeMillis();
        String url = TestDatabases.PG_URL.replace("/test", "/" + db);
        TestDatabases.sql(TestDatabases.PG_URL, "CREATE DATABASE " + db);
        Path dir = GatewayProcess.fresh(Path.of("target/e2e/imap"));
        try (DovecotInstance dovecot = DovecotInstance.start(Path.of("target/dovecot/e2e"), null)) {
            dovecot.append("INBOX", messages("old", 2), Date.from(Instant.parse("2020-03-01T10:00:00Z")), null);
            List<byte[]> mail = messages("m", MESSAGES);
            dovecot.append("INBOX", mail.subList(0, 50), null, new Flags(Flags.Flag.SEEN)); // read in another mail program
            dovecot.append("INBOX", mail.subList(50, MESSAGES), null, null);
            Map<String, String> env = new HashMap<>(Map.of("FRONTDESK_DB_URL", url, "FRONTDESK_DB_USER", TestDatabases.PG_USER,
                    "FRONTDESK_IMAP_HOST", "127.0.0.1", "FRONTDESK_IMAP_PORT", String.valueOf(dovecot.port()),
                    "FRONTDESK_IMAP_SECURITY", "none", "FRONTDESK_IMAP_USER", DovecotInstance.USER,
                    "FRONTDESK_IMAP_PASSWORD", DovecotInstance.PASSWORD, "FRONTDESK_IMAP_SINCE", "2026-01-01"));

            GatewayProcess first = new GatewayProcess(dir, env).launchOnly();
            await(() -> stored(url) >= 50, 240, "the first gateway stores mail"); // Payara boots in 10 s idle, 100 s on a loaded CI
            first.kill9();
            int leftAtKill = dovecot.count("INBOX") - 2;
            long storedAtKill = stored(url);
            System.out.println("killed with " + storedAtKill + " stored, " + leftAtKill + " still in INBOX");
            assertTrue(leftAtKill > 0, "the kill came while mail was still being drained");
            assertTrue(!first.log().contains(DovecotInstance.PASSWORD), "the password is never logged");

            try (GatewayProcess second = new GatewayProcess(dir, env).start()) {
                await(() -> count(dovecot, "INBOX") == 2, 90, "INBOX drained after the restart");
                assertEquals(MESSAGES, dovecot.count(DONE), "every message moved, once");
                assertEquals(MESSAGES, stored(url), "every message stored, none twice");
                assertEquals(MESSAGES, distinctMessageIds(url));
                assertTrue(dovecot.messageIds("INBOX").stream().allMatch(id -> id.startsWith("<old-")), "older than the cut-off: left alone");

                long t0 = System.nanoTime();
                dovecot.append("INBOX", messages("idle", 1), null, null);
                await(() -> stored(url) == MESSAGES + 1, 5, "IDLE: a new message stored within 5 s");
                System.out.println("IDLE: stored " + (System.nanoTime() - t0) / 1_000_000 + " ms after it arrived");

                var health = second.get("/health/ready", null).body();
                assertTrue(health.contains("\"imap.default\":\"IDLE, last success 20"), health);
                String metrics = second.get("/metrics", null).body();
                // MicroProfile Metrics adds its own tags (mp_scope ...) beside ours, in an order of its choosing
                assertTrue(metrics.lines().anyMatch(l -> l.startsWith("frontdesk_imap_stored_total{") && l.contains("mailbox=\"default\"")),
                        "per-mailbox metrics");
                assertTrue(!second.log().contains(DovecotInstance.PASSWORD), "the password is never logged");
            }

        } finally {
            TestDatabases.sql(TestDatabases.PG_URL, "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        }
    }

    private static List<byte[]> messages(String prefix, int n) {
        List<byte[]> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(TestMail.from("anna@northwind.example").messageId("<" + prefix + "-" + i + "@northwind.example>")
                    .subject("Order " + prefix + " " + i).bytes());
        }
        return list;
    }

    private static long stored(String url) {
        return query(url, "SELECT COUNT(*) FROM inbound_message");
    }

    private static long distinctMessageIds(String url) {
        return query(url, "SELECT COUNT(DISTINCT message_id) FROM inbound_message");
    }

    private static long query(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url, TestDatabases.PG_USER, ""); var st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            return -1; // not migrated yet
        }
    }

    private static int count(DovecotInstance dovecot, String folder) {
        try {
            return dovecot.count(folder);
        } catch (Exception e) {
            return -1;
        }
    }

    private static void await(BooleanSupplier condition, int seconds, String what) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + seconds + " s: " + what);
            }
            Thread.sleep(20);
        }
    }
}
