package app.frontdesk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.testkit.GatewayProcess;
import app.frontdesk.testkit.TestDatabases;
import app.frontdesk.testkit.TestMail;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The gateway on PostgreSQL loses its database: intake answers 503, the pipe exits 75 so the mail
 * server keeps the message, readiness goes DOWN; when the database is back the same delivery is
 * accepted. Readiness is also DOWN while a message waits too long for the pipeline. Then a stream across an
 * outage of {@code -Doutage.seconds} (60 by default, the figure; less for a quick local run). Fails (not
 * skips) under CI=true when PostgreSQL is missing.
 */
class DatabaseOutageIT {

    private static final int OUTAGE_SECONDS = Integer.getInteger("outage.seconds", 60);

    @Test
    void whileTheDatabaseIsAwayNothingIsAcceptedAndThePipeAsksTheMailServerToRetry() throws Exception {
        TestDatabases.postgres(); // fails under CI=true, skips elsewhere, when PostgreSQL is not there
        String db = "fd_outage_" + System.currentTimeMillis();
        sql("CREATE DATABASE " + db);
        try (GatewayProcess gateway = new GatewayProcess(GatewayProcess.fresh(Path.of("target/e2e/db-outage")), Map.of(
                "FRONTDESK_DB_URL", TestDatabases.PG_URL.replace("/test", "/" + db),
                "FRONTDESK_DB_USER", TestDatabases.PG_USER,
                "FRONTDESK_READY_MAX_WAIT_SECONDS", "60")).start()) {
            byte[] mail = TestMail.from("john.doe@northwind.example").subject("during the outage").bytes();

            sql("ALTER DATABASE " + db + " ALLOW_CONNECTIONS false");
            sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + db + "'");

            var answer = gateway.post("/api/inbound", GatewayProcess.MTA_TOKEN, "message/rfc822", mail);
            assertEquals(503, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("retry"), answer.body());
            var piped = gateway.pipe(mail);
            assertEquals(75, piped.exitCode(), piped.output());
            assertEquals(503, gateway.get("/health/ready", null).statusCode());

            sql("ALTER DATABASE " + db + " ALLOW_CONNECTIONS true");
            // A mail server retries a deferred message for days; here every 2 s for a minute. Right after the database
            // returns, the pool may still be replacing the connections the outage killed (seen once in CI on a loaded
            // machine): a retry may be deferred again, but only ever with 75, never refused or lost.
            var retried = gateway.pipe(mail);
            for (int i = 0; i < 30 && retried.exitCode() == 75; i++) {
                Thread.sleep(2_000);
                retried = gateway.pipe(mail);
            }
            assertEquals(0, retried.exitCode(), "the mail server's retry is accepted: " + retried.output());
            var ready = gateway.get("/health/ready", null);
            for (int i = 0; i < 100 && ready.statusCode() != 200; i++) {
                Thread.sleep(100);
                ready = gateway.get("/health/ready", null);
            }
            assertEquals(200, ready.statusCode(), ready.body());

            // Accepting is not enough: a message that waits past FRONTDESK_READY_MAX_WAIT_SECONDS makes readiness DOWN
            // (here: one put back as if received an hour ago and leased for another hour), and UP once it is decided.
            String dbUrl = TestDatabases.PG_URL.replace("/test", "/" + db);
            awaitNoneWaiting(gateway);
            TestDatabases.sql(dbUrl, "UPDATE inbound_message SET state = 'RECEIVED', received_at = now() - interval '1 hour',"
                    + " next_attempt_at = now() + interval '1 hour' WHERE id = (SELECT MAX(id) FROM inbound_message)");
            var stuck = gateway.get("/health/ready", null);
            assertEquals(503, stuck.statusCode(), stuck.body());
            assertTrue(stuck.body().contains("for the pipeline (limit 60 s)"), stuck.body());
            TestDatabases.sql(dbUrl, "UPDATE inbound_message SET next_attempt_at = now() WHERE state = 'RECEIVED'");
            awaitNoneWaiting(gateway);
            assertEquals(200, gateway.get("/health/ready", null).statusCode());
        } finally {
            sql("ALTER DATABASE " + db + " ALLOW_CONNECTIONS true");
            sql("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        }
    }

    /**
     * A stream of known-contact mail while the database goes away for {@link #OUTAGE_SECONDS} and comes back: every message a mail
     * server handed over (and retried after a 503) is forwarded exactly once, by the same process (no restart); once
     * the outage is known, 503 comes within a second; the log says it once, not a stack trace per message.
     */
    @Test
    void aStreamAcrossAnOutageOfAMinuteIsDeliveredOnceWithoutARestart() throws Exception {
        TestDatabases.postgres();
        String db = "fd_outage_stream_" + System.currentTimeMillis();
        sql("CREATE DATABASE " + db);
        int smtpPort = GatewayProcess.freePort();
        var smtp = new com.icegreen.greenmail.util.GreenMail(new com.icegreen.greenmail.util.ServerSetup(smtpPort, "127.0.0.1", "smtp"));
        smtp.start();
        app.frontdesk.testkit.MailStream stream = new app.frontdesk.testkit.MailStream("outage");
        int messages = 150;
        try (GatewayProcess gateway = new GatewayProcess(GatewayProcess.fresh(Path.of("target/e2e/db-outage-stream")), Map.of(
                "FRONTDESK_DB_URL", TestDatabases.PG_URL.replace("/test", "/" + db), "FRONTDESK_DB_USER", TestDatabases.PG_USER,
                "FRONTDESK_DEMO_DATA", "true", "FRONTDESK_SMTP_HOST", "127.0.0.1", "FRONTDESK_SMTP_PORT", String.valueOf(smtpPort))).start()) {
            long pid = gateway.pid();
            java.util.List<long[]> refusals = new java.util.concurrent.CopyOnWriteArrayList<>(); // {asked at, took ms}
            var senders = java.util.concurrent.Executors.newFixedThreadPool(2);
            java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
            java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < 2; t++) {
                done.add(senders.submit(() -> {
                    for (int n = next.getAndIncrement(); n < messages; n = next.getAndIncrement()) {
                        Thread.sleep(100); // a steady stream, not a flood: the outage falls in its middle
                        while (true) {
                            long t0 = System.nanoTime();
                            int code = stream.post(gateway.url(), n);
                            if (code == 202) {
                                break;
                            }
                            assertEquals(503, code, "message " + n + ": the mail server must be told to retry");
                            refusals.add(new long[] {t0, java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)});
                            Thread.sleep(250); // a mail server retries later (minutes in real life)
                        }
                    }
                    return null;
                }));
            }
            Thread.sleep(4_000);
            sql("ALTER DATABASE " + db + " ALLOW_CONNECTIONS false");
            sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + db + "'");
            long away = System.nanoTime();
            Thread.sleep(OUTAGE_SECONDS * 1000L);
            sql("ALTER DATABASE " + db + " ALLOW_CONNECTIONS true");
            long back = System.nanoTime();
            for (var f : done) {
                f.get(120, java.util.concurrent.TimeUnit.SECONDS);
            }
            senders.shutdown();
            assertTrue(refusals.size() > 10, "the outage was seen: " + refusals.size() + " refusals");
            // requests under way when it went may wait one pool timeout (5 s) to learn it; asked later, the answer is at once
            long known = away + java.util.concurrent.TimeUnit.SECONDS.toNanos(6);
            long slowestAtFirst = refusals.stream().mapToLong(r -> r[1]).max().orElse(0);
            assertTrue(slowestAtFirst < 8_000, "one pool timeout, not two (the rollback's): " + slowestAtFirst + " ms");
            long slowest = refusals.stream().filter(r -> r[0] > known).mapToLong(r -> r[1]).max().orElse(0);
            long lastRefusal = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(refusals.stream().mapToLong(r -> r[0]).max().orElse(back) - back);
            System.out.println("database away " + OUTAGE_SECONDS + " s: " + refusals.size() + " refusals, the last asked " + lastRefusal
                    + " ms after it was back; slowest once known: " + slowest + " ms; slowest of all: "
                    + refusals.stream().mapToLong(r -> r[1]).max().orElse(0) + " ms");
            assertTrue(slowest < 1_000, "a 503 took " + slowest + " ms once the outage was known");

            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(90);
            while (stream.forwards(smtp).size() < messages && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            Thread.sleep(2_000);
            Map<String, Integer> forwards = stream.forwards(smtp);
            assertEquals(messages, forwards.size(), "every acknowledged message forwarded");
            forwards.forEach((id, n) -> assertEquals(1, n, id + " forwarded " + n + " times"));
            assertEquals(pid, gateway.pid());
            assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "no restart");
            String log = gateway.log();
            long lines = log.lines().filter(l -> l.startsWith("WARNING: the database is unreachable")).count();
            assertEquals(1, lines, "one line per outage");
            assertTrue(!log.contains("could not store an inbound message"), "no stack trace per refused message");
            assertTrue(!log.contains("failed in the pipeline"), "no stack trace per message the pipeline had in hand");
        } finally {
            smtp.stop();
            sql("ALTER DATABASE " + db + " ALLOW_CONNECTIONS true");
            sql("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        }
    }

    private static void awaitNoneWaiting(GatewayProcess gateway) throws Exception {
        for (int i = 0; i < 300 && !gateway.get("/health/ready", null).body().matches("(?s).*\"inboundWaiting\":\"?0\"?[,}].*"); i++) {
            Thread.sleep(100);
        }
    }

    private static void sql(String statement) throws Exception {
        TestDatabases.sql(TestDatabases.PG_URL, statement);
    }
}
