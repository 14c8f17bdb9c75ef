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
 * accepted. Readiness is also DOWN while a message waits too long for the pipeline. Fails (not
 * skips) under CI=true when PostgreSQL is missing.
 */
class DatabaseOutageIT {

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

    private static void awaitNoneWaiting(GatewayProcess gateway) throws Exception {
        for (int i = 0; i < 300 && !gateway.get("/health/ready", null).body().matches("(?s).*\"inboundWaiting\":\"?0\"?[,}].*"); i++) {
            Thread.sleep(100);
        }
    }

    private static void sql(String statement) throws Exception {
        TestDatabases.sql(TestDatabases.PG_URL, statement);
    }
}
