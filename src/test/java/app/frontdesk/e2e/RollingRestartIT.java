package app.frontdesk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.testkit.GatewayProcess;
import app.frontdesk.testkit.MailStream;
import app.frontdesk.testkit.PostfixInstance;
import app.frontdesk.testkit.TestDatabases;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: a rolling restart under a steady stream through a real Postfix. Two gateways (child processes, instances
 * a and b) over one PostgreSQL database this test creates take mail over LMTP from one private Postfix whose
 * transport lists both next-hops (tried in order: a, then b). Known-contact mail is submitted to Postfix over SMTP
 * at a steady rate while a is stopped with SIGTERM and started again on the same ports, then b: Postfix bounces
 * nothing, each instance took mail while the other was away, and every message reaches the helpdesk relay
 * (GreenMail) exactly once and is stored once. {@code -Drolling.rate} (messages a second, 5) and
 * {@code -Drolling.tail.seconds} (streaming after the second restart, 10). Fails (not skips) under CI=true when
 * Postfix or PostgreSQL is missing.
 */
class RollingRestartIT {

    private static final int RATE = Integer.getInteger("rolling.rate", 5);
    private static final int TAIL_SECONDS = Integer.getInteger("rolling.tail.seconds", 10);
    private static final String DOMAIN = "frontdesk.test";
    private static final Pattern SENT = Pattern.compile("relay=127\\.0\\.0\\.1\\[127\\.0\\.0\\.1\\]:(\\d+),.*status=sent");

    @Test
    void aRollingRestartUnderASteadyStreamThroughPostfixBouncesLosesAndDuplicatesNothing() throws Exception {
        PostfixInstance.required();
        TestDatabases.postgres(); // fails under CI=true, skips elsewhere, when PostgreSQL is not there
        String db = "fd_rolling_" + System.currentTimeMillis();
        String dbUrl = TestDatabases.PG_URL.replace("/test", "/" + db);
        TestDatabases.sql(TestDatabases.PG_URL, "CREATE DATABASE " + db);
        Path dir = GatewayProcess.fresh(Path.of("target/e2e/rolling"));
        int smtpPort = GatewayProcess.freePort();
        GreenMail helpdesk = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", "smtp"));
        helpdesk.start();
        MailStream stream = new MailStream("rolling");
        int[] lmtp = {GatewayProcess.freePort(), GatewayProcess.freePort()};
        String[] names = {"a", "b"};
        GatewayProcess[] gateways = new GatewayProcess[2];
        PostfixInstance postfix = null;
        Submitter submitter = null;
        try {
            for (int i = 0; i < 2; i++) {
                gateways[i] = new GatewayProcess(dir.resolve(names[i]), env(names[i], lmtp[i], dbUrl, smtpPort)).start();
            }
            postfix = PostfixInstance.lmtp(dir.resolve("postfix"), DOMAIN, lmtp[0], lmtp[1]);
            submitter = new Submitter(postfix.smtpPort(), stream);
            long streamStart = System.nanoTime();
            Thread.sleep(5_000);

            // one instance at a time: SIGTERM, wait for it to exit, start it again on the same ports, wait until it is ready
            long[][] took = new long[2][];
            for (int i = 0; i < 2; i++) {
                took[i] = restart(gateways, i, dir.resolve(names[i]), env(names[i], lmtp[i], dbUrl, smtpPort));
                Thread.sleep(i == 0 ? 5_000 : TAIL_SECONDS * 1000L);
            }
            Set<Integer> submitted = submitter.stop();
            long streamed = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - streamStart);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (stream.forwards(helpdesk).size() < submitted.size() && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            Thread.sleep(3_000); // time for any duplicate to show up
            String log = postfix.log();
            Map<String, Integer> forwards = stream.forwards(helpdesk);
            Map<String, Integer> stored = storedByMessageId(dbUrl);
            Map<Integer, Integer> sentTo = new TreeMap<>();
            Matcher m = SENT.matcher(log);
            while (m.find()) {
                sentTo.merge(Integer.parseInt(m.group(1)), 1, Integer::sum);
            }
            int aTook = sentTo.getOrDefault(lmtp[0], 0);
            int bTook = sentTo.getOrDefault(lmtp[1], 0);
            long deferred = log.lines().filter(l -> l.contains("status=deferred")).count();
            long bounced = log.lines().filter(l -> l.contains("status=bounced")).count();
            long lost = submitted.stream().filter(i -> !forwards.containsKey(stream.messageId(i))).count();
            long duplicated = forwards.values().stream().mapToLong(n -> n - 1).sum();
            System.out.printf("rolling restart: %d messages submitted in %d s (%d/s); restart of a: stopped in %d ms, ready again %d ms"
                    + " after SIGTERM; of b: %d ms, %d ms; Postfix delivered %d to a, %d to b, deferred %d, bounced %d;"
                    + " forwarded %d, lost %d, duplicated %d; stored %d%n", submitted.size(), streamed, RATE, took[0][0], took[0][1],
                    took[1][0], took[1][1], aTook, bTook, deferred, bounced, forwards.size(), lost, duplicated, stored.size());

            assertTrue(submitted.size() >= RATE * streamed / 2, "the stream kept going: " + submitted.size() + " in " + streamed + " s");
            assertEquals(0, bounced, "no status=bounced in Postfix's log:\n" + tail(log));
            assertEquals(0, lost, "every submitted message forwarded to the helpdesk");
            assertEquals(0, duplicated, "no message forwarded twice");
            assertEquals(submitted.size(), forwards.size(), "no forward of a message that was not submitted");
            for (int i : submitted) {
                assertEquals(1, stored.getOrDefault(stream.messageId(i), 0), "message " + i + " stored once");
            }
            assertEquals(submitted.size(), stored.size(), "nothing else stored");
            assertTrue(aTook > 0 && bTook > 0, "each instance took mail while the other was away: a " + aTook + ", b " + bTook);
            // more would be a delivery whose answer was lost and which Postfix made again: the database answered "already stored"
            assertTrue(aTook + bTook >= submitted.size(), "Postfix delivered every message over LMTP: " + (aTook + bTook));
        } finally {
            if (submitter != null) {
                submitter.stop();
            }
            if (postfix != null) {
                postfix.close();
            }
            for (GatewayProcess g : gateways) {
                if (g != null) {
                    g.close();
                }
            }
            helpdesk.stop();
            TestDatabases.sql(TestDatabases.PG_URL, "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        }
    }

    private static Map<String, String> env(String instance, int lmtpPort, String dbUrl, int smtpPort) {
        return Map.of("FRONTDESK_DB_URL", dbUrl, "FRONTDESK_DB_USER", TestDatabases.PG_USER,
                "FRONTDESK_DEMO_DATA", "true", "FRONTDESK_SMTP_HOST", "127.0.0.1", "FRONTDESK_SMTP_PORT", String.valueOf(smtpPort),
                "FRONTDESK_INSTANCE_ID", instance, "FRONTDESK_LMTP_ADDRESS", "127.0.0.1:" + lmtpPort);
    }

    /**
     * Stops gateway {@code i} with SIGTERM (it must exit 0) and starts it again on the same ports and directory.
     *
     * @return {ms from SIGTERM to its exit, ms from SIGTERM to ready again}
     */
    private static long[] restart(GatewayProcess[] gateways, int i, Path dir, Map<String, String> env) throws Exception {
        GatewayProcess old = gateways[i];
        long t0 = System.nanoTime();
        old.sigterm();
        int exit = old.awaitExit(30);
        long stopped = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertEquals(0, exit, "a graceful stop exits 0");
        gateways[i] = new GatewayProcess(dir, env, old.port()).start();
        return new long[] {stopped, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)};
    }

    private static Map<String, Integer> storedByMessageId(String dbUrl) throws Exception {
        Map<String, Integer> stored = new HashMap<>();
        try (Connection c = DriverManager.getConnection(dbUrl, TestDatabases.PG_USER, "");
                ResultSet rs = c.createStatement().executeQuery("SELECT message_id, COUNT(*) FROM inbound_message"
                        + " WHERE message_id LIKE '<rolling-%' GROUP BY message_id")) {
            while (rs.next()) {
                stored.put(rs.getString(1), rs.getInt(2));
            }
        }
        return stored;
    }

    private static String tail(String log) {
        return log.length() > 6000 ? log.substring(log.length() - 6000) : log;
    }

    /**
     * Submits the stream's messages to Postfix over one SMTP connection, {@link #RATE} a second; a message counts as
     * submitted once Postfix answered 250 after its DATA. A failed submission is tried again on a new connection.
     */
    private static final class Submitter {

        private final Session session;
        private final MailStream stream;
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        private final Set<Integer> submitted = ConcurrentHashMap.newKeySet();
        private final AtomicInteger next = new AtomicInteger();
        private Transport transport;

        Submitter(int smtpPort, MailStream stream) {
            Properties p = new Properties();
            p.put("mail.smtp.host", "127.0.0.1");
            p.put("mail.smtp.port", String.valueOf(smtpPort));
            this.session = Session.getInstance(p);
            this.stream = stream;
            timer.scheduleAtFixedRate(this::submitNext, 0, 1000 / RATE, TimeUnit.MILLISECONDS);
        }

        private void submitNext() {
            int n = next.get();
            try {
                if (transport == null || !transport.isConnected()) {
                    transport = session.getTransport("smtp");
                    transport.connect();
                }
                MimeMessage m = new MimeMessage(session, new ByteArrayInputStream(stream.message(n)));
                transport.sendMessage(m, new InternetAddress[] {new InternetAddress("support@" + DOMAIN)});
                submitted.add(n);
                next.incrementAndGet();
            } catch (Exception e) {
                System.out.println("submitting message " + n + " failed, tried again: " + e);
                closeQuietly();
            }
        }

        /** Stops the stream and answers the messages Postfix accepted. */
        Set<Integer> stop() throws InterruptedException {
            timer.shutdown();
            timer.awaitTermination(30, TimeUnit.SECONDS);
            closeQuietly();
            return Set.copyOf(submitted);
        }

        private void closeQuietly() {
            try {
                if (transport != null) {
                    transport.close();
                }
            } catch (Exception e) {
                // a broken connection is replaced at the next message
            }
            transport = null;
        }
    }
}
