package app.frontdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.infrastructure.persistence.Database;
import app.frontdesk.infrastructure.persistence.DatabaseSettings;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a start that fails in its migration says, from the exceptions real Flyway throws on real
 * databases: a database that does not match its history is the operator's to look at (65, no stack
 * trace); a database that cannot be reached is to be started (69), even when Flyway is the one that
 * tried to connect. StartFailureIT runs the first through the packaged gateway.
 */
class StartFailureTest {

    @Test
    void aMigrationThatFailsOnTheDatabasesContentIsADataErrorNamingTheScriptAndTheTable(@TempDir Path dir) throws Exception {
        DatabaseSettings db = DatabaseSettings.embeddedH2(dir);
        Flyway.configure().dataSource(db.url(), db.user(), db.password()).locations("classpath:db/migration")
                .placeholders(Map.of("largeBinary", "SET DATA TYPE BLOB")).target("8").load().migrate();
        execute(db, "DROP TABLE notice_batch_input"); // V5 made it; V9 changes its column

        StartFailure why = StartFailure.of(assertThrows(RuntimeException.class, () -> Database.migrate(db, null)));

        assertEquals(StartFailure.DATA, why.exitCode());
        assertTrue(why.expected(), "no stack trace");
        assertTrue(why.line().startsWith("the database schema could not be migrated: Failed to execute script V9__large_bytes_apart_on_h2.sql;"
                + " SQL State: 42S02; Message: Table \"NOTICE_BATCH_INPUT\" not found"), why.line());
        assertTrue(!why.line().contains("---") && !why.line().contains("-X option"), why.line());
    }

    @Test
    void anAppliedMigrationWhoseChecksumChangedIsADataError(@TempDir Path dir) throws Exception {
        DatabaseSettings db = DatabaseSettings.embeddedH2(dir);
        Database.migrate(db, null);
        execute(db, "UPDATE \"flyway_schema_history\" SET \"checksum\" = \"checksum\" + 1 WHERE \"version\" = '3'");

        StartFailure why = StartFailure.of(assertThrows(RuntimeException.class, () -> Database.migrate(db, null)));

        assertEquals(StartFailure.DATA, why.exitCode());
        assertTrue(why.expected(), "no stack trace");
        assertTrue(why.line().contains("Migration checksum mismatch for migration version 3"), why.line());
        assertTrue(!why.line().contains("Need more flexibility"), why.line());
    }

    @Test
    void aDatabaseNobodyAnswersOnIsUnreachableThoughFlywayAsked() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort(); // nothing listens there once it is closed
        }
        DatabaseSettings db = new DatabaseSettings("jdbc:postgresql://127.0.0.1:" + closed + "/test", "postgres", "");

        StartFailure why = StartFailure.of(assertThrows(RuntimeException.class, () -> Database.migrate(db, null)));

        assertEquals(StartFailure.UNAVAILABLE, why.exitCode(), why.line());
        assertTrue(why.line().startsWith("the database cannot be reached: ") && why.line().contains("check FRONTDESK_DB_URL"), why.line());
    }

    private static void execute(DatabaseSettings db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password()); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void aWholeNumberPastItsRangeEndsTheStartWithOneLineNamingTheSettingAndTheRange() {
        // was an ArithmeticException from Duration.ofDays (exit 70, a stack trace) before the range was said
        StartFailure why = StartFailure.of(assertThrows(IllegalArgumentException.class, () -> new app.frontdesk.infrastructure.config.Settings(
                name -> java.util.Optional.ofNullable(Map.of("FRONTDESK_LINK_TTL_DAYS", "9223372036854775807").get(name)))));
        assertEquals("the configuration is wrong: FRONTDESK_LINK_TTL_DAYS must be between 1 and 90 (was 9223372036854775807);"
                + " correct the setting and start again", why.line());
        assertEquals(StartFailure.CONFIGURATION, why.exitCode());
    }
}
