package app.frontdesk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.testkit.GatewayProcess;
import app.frontdesk.infrastructure.persistence.DatabaseSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13, item 2: a start that cannot work ends the process with a sysexits code and one line that
 * names the cause and the fix, no stack trace of ours (it used to keep running, answering 503 and
 * 500, with the cause only inside stack traces).
 */
class StartFailureIT {

    @Test
    void aSecondGatewayOnTheSameDataDirectoryExitsSayingWhy() throws Exception {
        Path dir = GatewayProcess.fresh(Path.of("target/e2e/start-failure-locked"));
        try (GatewayProcess first = new GatewayProcess(dir, Map.of()).start()) {
            GatewayProcess second = new GatewayProcess(dir.resolve("second"), Map.of("FRONTDESK_DATA_DIR", dir.resolve("data").toString()));
            int code = second.startExpectingExit(90);
            String log = second.log();
            assertEquals(69, code, log);
            assertEquals(1, count(log, "Frontdesk cannot start: "), log);
            assertTrue(log.contains("Frontdesk cannot start: the embedded database is in use by another process"), log);
            assertFalse(log.contains("\tat app.frontdesk."), "no stack trace for an expected failure:\n" + log);
            assertEquals(200, first.get("/health/ready", null).statusCode(), "the first one keeps working");
        }
    }

    @Test
    void aWrongSettingEndsTheStartWithOneLineNamingIt() throws Exception {
        Path dir = GatewayProcess.fresh(Path.of("target/e2e/start-failure-setting"));
        GatewayProcess gateway = new GatewayProcess(dir, Map.of("FRONTDESK_PIPELINE_WORKERS", "two"));
        int code = gateway.startExpectingExit(90);
        String log = gateway.log();
        assertEquals(78, code, log);
        assertEquals(1, count(log, "Frontdesk cannot start: "), log);
        assertTrue(log.contains("Frontdesk cannot start: the configuration is wrong: FRONTDESK_PIPELINE_WORKERS must be a whole number"), log);
        assertFalse(log.contains("\tat app.frontdesk."), "no stack trace for an expected failure:\n" + log);
    }

    @Test
    void aPortInUseEndsTheStartAtOnceSayingWhich() throws Exception {
        Path dir = GatewayProcess.fresh(Path.of("target/e2e/start-failure-port"));
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            GatewayProcess gateway = new GatewayProcess(dir, Map.of(), taken.getLocalPort());
            int code = gateway.startExpectingExit(90);
            String log = gateway.log();
            assertEquals(69, code, log);
            assertEquals(1, count(log, "Frontdesk cannot start: "), log);
            assertTrue(log.contains("Frontdesk cannot start: port " + taken.getLocalPort() + " is in use"), log);
            assertFalse(log.contains("\tat "), "no stack trace:\n" + log);
            // before Payara boots at all (Payara alone failed after over 30 s, with its stack trace)
            assertFalse(log.contains("PayaraMicro"), log);
        }
    }

    @Test
    void aMigrationThatFailsEndsTheStartWithOneLineNamingTheMigrationAndWhatToDo() throws Exception {
        Path dir = GatewayProcess.fresh(Path.of("target/e2e/start-failure-migration")).toAbsolutePath();
        // An older gateway's database (migrated to V8) whose history says V5 created notice_batch_input, but the table
        // is gone (a hand-made repair, a partial restore): V9, which changes its column, fails on it.
        DatabaseSettings db = DatabaseSettings.embeddedH2(dir.resolve("data"));
        Flyway.configure().dataSource(db.url(), db.user(), db.password()).locations("classpath:db/migration")
                .placeholders(Map.of("largeBinary", "SET DATA TYPE BLOB")).target("8").load().migrate();
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password()); Statement s = c.createStatement()) {
            s.execute("DROP TABLE notice_batch_input");
        }
        GatewayProcess gateway = new GatewayProcess(dir, Map.of()).launchOnly();
        // "knowing": the upgrade to V9 begins (it fails within milliseconds on this small file)
        assertTrue(gateway.awaitLog("upgrading the database schema from version 8 to ", 120), gateway.log());
        long knew = System.nanoTime();
        int code = gateway.awaitExit(60);
        long millis = (System.nanoTime() - knew) / 1_000_000;
        String log = gateway.log();
        assertEquals(65, code, log);
        assertEquals(1, count(log, "Frontdesk cannot start: "), log);
        String line = log.lines().filter(l -> l.startsWith("Frontdesk cannot start: ")).findFirst().orElseThrow();
        assertTrue(line.startsWith("Frontdesk cannot start: the database schema could not be migrated: Failed to execute script"
                + " V9__large_bytes_apart_on_h2.sql; SQL State: 42S02; Message: Table \"NOTICE_BATCH_INPUT\" not found"), line);
        assertTrue(line.endsWith("; the database was left as it was: restore it from a backup, or ask for help with this line"), line);
        assertFalse(log.contains("\tat "), "no stack trace for an expected failure:\n" + log);
        assertTrue(millis < 5_000, "exited " + millis + " ms after the upgrade began");
        System.out.printf("failed migration: exit %d, %d ms after the upgrade began%n", code, millis);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "70000"})
    void aBadPortEndsTheStartAtOnceWithOneLineAndTheConfigurationCode(String port) throws Exception {
        Path dir = GatewayProcess.fresh(Path.of("target/e2e/start-failure-bad-port-" + port));
        GatewayProcess gateway = new GatewayProcess(dir, Map.of());
        long started = System.nanoTime();
        int code = gateway.startExpectingExit(90, port);
        long millis = (System.nanoTime() - started) / 1_000_000;
        String log = gateway.log();
        assertEquals(78, code, log);
        // the whole output is that one line: the launcher refuses it before Payara boots
        assertEquals(List.of("Frontdesk cannot start: --port must be a number from 1 to 65535 ("
                + (port.equals("abc") ? "For input string: \"abc\"" : "was 70000") + ")"), log.strip().lines().toList(), log);
        assertTrue(millis < 5_000, "exited after " + millis + " ms");
    }

    @Test
    void aRefusedTemplateEndsTheStartNamingTheFile() throws Exception {
        Path dir = GatewayProcess.fresh(Path.of("target/e2e/start-failure-template")).toAbsolutePath();
        Path templates = dir.resolve("templates");
        java.nio.file.Files.createDirectories(templates);
        try (var shipped = java.nio.file.Files.list(Path.of("server-config/templates"))) {
            for (Path t : shipped.toList()) {
                java.nio.file.Files.copy(t, templates.resolve(t.getFileName()));
            }
        }
        // an operator's edit that lost the subject line
        java.nio.file.Files.writeString(templates.resolve("sender-reply.en.txt"), "Hello,\n\nwe got your message.\n");
        GatewayProcess gateway = new GatewayProcess(dir, Map.of("FRONTDESK_TEMPLATES_DIR", templates.toString()));
        int code = gateway.startExpectingExit(90);
        String log = gateway.log();
        assertEquals(78, code, log);
        assertEquals(1, count(log, "Frontdesk cannot start: "), log);
        assertTrue(log.contains("Frontdesk cannot start: a template was refused: ") && log.contains("sender-reply.en.txt"), log);
        assertFalse(log.contains("\tat app.frontdesk."), "no stack trace for an expected failure:\n" + log);
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
