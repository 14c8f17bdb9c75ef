package app.frontdesk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.testkit.GatewayProcess;
import app.frontdesk.testkit.PostfixInstance;
import app.frontdesk.testkit.TestDatabases;
import app.frontdesk.testkit.TestMail;
import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, item 1: a real Postfix (Debian package) delivers over LMTP to the gateway on PostgreSQL. Every message
 * is stored once per recipient (one of them has three); with the gateway stopped Postfix defers and delivers all
 * after the restart; with the database unreachable each recipient is answered 451, Postfix defers, and all are
 * delivered after the database is back. {@code -Dlmtp.messages} (1,000 by default, the figure: about 55 s in all).
 */
class LmtpPostfixIT {

    private static final int MESSAGES = Integer.getInteger("lmtp.messages", 1000);
    private static final int LATER = 10;

    @Test
    void postfixDeliversOverLmtpOncePerRecipientAndDefersWhileTheGatewayOrItsDatabaseIsAway() throws Exception {
        PostfixInstance.required();
        TestDatabases.postgres(); // fails under CI=true, skips elsewhere, when PostgreSQL is not there
        String db = "fd_lmtp_" + System.currentTimeMillis();
        String dbUrl = TestDatabases.PG_URL.replace("/test", "/" + db);
        TestDatabases.sql(TestDatabases.PG_URL, "CREATE DATABASE " + db);
        Path dir = GatewayProcess.fresh(Path.of("target/e2e/lmtp"));
        int lmtpPort = GatewayProcess.freePort();
        Map<String, String> env = new HashMap<>(Map.of("FRONTDESK_DB_URL", dbUrl, "FRONTDESK_DB_USER", TestDatabases.PG_USER,
                "FRONTDESK_LMTP_ADDRESS", "127.0.0.1:" + lmtpPort, "FRONTDESK_READY_MAX_WAIT_SECONDS", "600"));
        // LMTP listens as soon as the application is up, before Payara's own start-up ends (on a loaded machine that took
        // over 120 s): Postfix delivers from then on, and HTTP is asked only once it answers
        GatewayProcess gateway = new GatewayProcess(dir.resolve("gateway"), env).launchOnly();
        try (PostfixInstance postfix = PostfixInstance.lmtp(dir.resolve("postfix"), "frontdesk.test", lmtpPort)) {
            assertTrue(gateway.awaitLog("LMTP listening on 127.0.0.1:" + lmtpPort, 300), gateway.log());
            long start = System.nanoTime();
            send(postfix, 0, MESSAGES, "support@frontdesk.test", "billing@frontdesk.test", "sales@frontdesk.test");
            int expected = MESSAGES + 2; // the first message to three recipients
            awaitStored(dbUrl, expected, 120, postfix);
            System.out.printf("LMTP IT: %d messages (%d deliveries) through Postfix stored in %.1f s%n", MESSAGES, expected,
                    (System.nanoTime() - start) / 1e9);
            assertOncePerRecipient(dbUrl, expected);
            assertTrue(awaitHttp(gateway, "/health/ready").contains("\"lmtp\":\"listening on 127.0.0.1:" + lmtpPort + "\""));
            String metrics = awaitHttp(gateway, "/metrics");
            assertTrue(metrics.matches("(?s).*frontdesk_lmtp_accepted_total(\\{[^}]*\\})? " + expected + "(\\.0)?\\s.*"), metrics);

            // the gateway stopped: Postfix defers, and delivers everything once the gateway listens again
            gateway.close();
            send(postfix, MESSAGES, LATER);
            awaitLog(postfix, "status=deferred", 60);
            gateway = new GatewayProcess(dir.resolve("gateway"), env, gateway.port()).launchOnly();
            expected += LATER;
            awaitStored(dbUrl, expected, 180, postfix);

            // the database unreachable: 451 4.3.0 for each recipient, Postfix defers, all delivered after it returns
            TestDatabases.sql(TestDatabases.PG_URL, "ALTER DATABASE " + db + " ALLOW_CONNECTIONS false");
            TestDatabases.sql(TestDatabases.PG_URL, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + db + "'");
            send(postfix, MESSAGES + LATER, LATER);
            awaitLog(postfix, "said: 451 4.3.0", 90);
            TestDatabases.sql(TestDatabases.PG_URL, "ALTER DATABASE " + db + " ALLOW_CONNECTIONS true");
            expected += LATER;
            awaitStored(dbUrl, expected, 120, postfix);
            assertOncePerRecipient(dbUrl, expected);
            assertTrue(!postfix.log().contains("status=bounced"), postfix.log());
        } finally {
            gateway.close();
            TestDatabases.sql(TestDatabases.PG_URL, "ALTER DATABASE " + db + " ALLOW_CONNECTIONS true");
            TestDatabases.sql(TestDatabases.PG_URL, "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        }
    }

    /** Messages {@code from} .. {@code from + n - 1} over one SMTP connection; the first to {@code firstTo}, the rest to support@. */
    private static void send(PostfixInstance postfix, int from, int n, String... firstTo) throws Exception {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", String.valueOf(postfix.smtpPort()));
        Session session = Session.getInstance(p);
        try (Transport t = session.getTransport("smtp")) {
            t.connect();
            for (int i = from; i < from + n; i++) {
                MimeMessage m = new MimeMessage(session, new ByteArrayInputStream(TestMail.from("john.doe@northwind.example")
                        .messageId("<lmtp-" + i + "@northwind.example>").subject("Over LMTP " + i)
                        .body("Message " + i + ".\r\n.a line that starts with a dot\r\n").bytes()));
                String[] to = i == from && firstTo.length > 0 ? firstTo : new String[] {"support@frontdesk.test"};
                Address[] rcpts = new Address[to.length];
                for (int k = 0; k < to.length; k++) {
                    rcpts[k] = new InternetAddress(to[k]);
                }
                t.sendMessage(m, rcpts);
            }
        }
    }

    private static long count(String dbUrl, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(dbUrl, TestDatabases.PG_USER, ""); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void awaitStored(String dbUrl, int expected, int seconds, PostfixInstance postfix) throws Exception {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        long stored = -1;
        long lastChange = System.currentTimeMillis();
        while (System.currentTimeMillis() < deadline) {
            try {
                long now = count(dbUrl, "SELECT COUNT(*) FROM inbound_message");
                if (now != stored) {
                    stored = now;
                    lastChange = System.currentTimeMillis();
                }
                if (stored >= expected) {
                    break;
                }
            } catch (java.sql.SQLException e) {
                // the database is coming back
            }
            if (System.currentTimeMillis() - lastChange > 20_000) {
                postfix.flush(); // Postfix can park a deferred message for a while (PostfixInstance.flush says why)
                lastChange = System.currentTimeMillis();
            }
            Thread.sleep(250);
        }
        if (stored != expected) {
            assertEquals(expected, stored, "stored deliveries; what Postfix logged for each message not stored:\n"
                    + missing(dbUrl, postfix.log()) + "\nthe tail of Postfix's log:\n" + tail(postfix.log()));
        }
    }

    /**
     * Every line Postfix logged about each test message the database does not hold for support@: its queue id comes
     * from the cleanup line that names its Message-ID. Says whether it was deferred, bounced or answered 250.
     */
    private static String missing(String dbUrl, String log) {
        StringBuilder out = new StringBuilder();
        try {
            java.util.Set<String> stored = new java.util.HashSet<>();
            try (Connection c = DriverManager.getConnection(dbUrl, TestDatabases.PG_USER, "");
                    ResultSet rs = c.createStatement().executeQuery("SELECT message_id FROM inbound_message")) {
                while (rs.next()) {
                    stored.add(rs.getString(1));
                }
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("postfix/cleanup\\[\\d+\\]: (\\w+): message-id=(<lmtp-\\d+@[^>]+>)")
                    .matcher(log);
            while (m.find()) {
                if (!stored.contains(m.group(2))) {
                    out.append(m.group(2)).append(" (queue id ").append(m.group(1)).append("):\n");
                    log.lines().filter(line -> line.contains(m.group(1))).forEach(line -> out.append("  ").append(line).append('\n'));
                }
            }
        } catch (java.sql.SQLException e) {
            out.append("(the database could not be asked: ").append(e.getMessage()).append(")\n");
        }
        return out.toString();
    }

    /** Each (Message-ID, recipient) once, and the three recipients of the first message each with their own copy. */
    private static void assertOncePerRecipient(String dbUrl, int expected) throws Exception {
        assertEquals(expected, count(dbUrl, "SELECT COUNT(DISTINCT message_id || ' ' || envelope_recipient) FROM inbound_message"));
        assertEquals(3, count(dbUrl, "SELECT COUNT(*) FROM inbound_message WHERE message_id = '<lmtp-0@northwind.example>'"));
        String trace = "convert_to('Return-Path: <' || m.envelope_sender || E'>\\r\\nDelivered-To: ' || m.envelope_recipient || E'\\r\\n', 'UTF8')";
        assertEquals(expected, count(dbUrl, "SELECT COUNT(*) FROM inbound_raw r JOIN inbound_message m ON m.id = r.inbound_id"
                + " WHERE substring(r.raw from 1 for length(" + trace + ")) = " + trace), "each copy names its recipient after the Return-Path");
    }

    /** The body of a GET once the gateway answers it with 200 (Payara may still be starting). */
    private static String awaitHttp(GatewayProcess gateway, String path) throws Exception {
        long deadline = System.currentTimeMillis() + 300_000;
        while (true) {
            try {
                var r = gateway.get(path, null);
                if (r.statusCode() == 200 || System.currentTimeMillis() > deadline) {
                    return r.body();
                }
            } catch (java.io.IOException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw e;
                }
            }
            Thread.sleep(500);
        }
    }

    private static void awaitLog(PostfixInstance postfix, String text, int seconds) throws Exception {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        while (!postfix.log().contains(text) && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertTrue(postfix.log().contains(text), "Postfix's log has \"" + text + "\":\n" + tail(postfix.log()));
    }

    private static String tail(String log) {
        return log.length() > 6000 ? log.substring(log.length() - 6000) : log;
    }
}
