package app.frontdesk.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migration of the embedded H2 file is all or nothing (issue 13, item 4). The crash loop once
 * killed a first start inside V1: H2 had committed part of its DDL, Flyway had recorded nothing, and
 * every later start failed with "Sequence PERSONAL_MANAGER_SEQ already exists". These tests leave
 * exactly such states behind, as a kill would, and start again.
 */
class H2MigrationGuardTest {

    private static Connection connect(DatabaseSettings s) throws Exception {
        return DriverManager.getConnection(s.url(), s.user(), s.password());
    }

    @Test
    void aFirstMigrationKilledHalfwayStartsAgainFromAnEmptyFile(@TempDir Path dir) throws Exception {
        DatabaseSettings s = DatabaseSettings.embeddedH2(dir);
        Path file = dir.resolve("db").resolve("frontdesk.mv.db");
        Files.createDirectories(file.getParent());
        Files.writeString(file.resolveSibling("frontdesk.mv.db.migrating-fresh"), "migrating\n");
        try (Connection c = connect(s)) { // what V1 had done when the process died
            c.createStatement().execute("CREATE SEQUENCE personal_manager_seq");
        }
        try (Database db = Database.open(s)) {
            assertEquals(0L, (long) db.inTransaction(r -> r.accounts().count()));
        }
        assertFalse(Files.exists(file.resolveSibling("frontdesk.mv.db.migrating-fresh")));
    }

    @Test
    void anUpgradeKilledHalfwayIsPutBackAndRunAgain(@TempDir Path dir) throws Exception {
        DatabaseSettings s = DatabaseSettings.embeddedH2(dir);
        Path file = dir.resolve("db").resolve("frontdesk.mv.db");
        Database.open(s).close();
        // the copy taken before an upgrade, then the upgrade's first statements, then the kill
        Files.copy(file, file.resolveSibling("frontdesk.mv.db.before-migration"));
        try (Connection c = connect(s)) {
            c.createStatement().execute("CREATE TABLE half_done (id INT)");
            c.createStatement().execute("DELETE FROM \"flyway_schema_history\" WHERE \"installed_rank\" = (SELECT MAX(\"installed_rank\")"
                    + " FROM \"flyway_schema_history\")");
        }
        Database.open(s).close();
        try (Connection c = connect(s); ResultSet rs = c.getMetaData().getTables(null, null, "HALF_DONE", null)) {
            assertFalse(rs.next(), "the file is as it was before the interrupted upgrade");
        }
        assertFalse(Files.exists(file.resolveSibling("frontdesk.mv.db.before-migration")));
        try (Connection c = connect(s); ResultSet rs = c.createStatement().executeQuery(
                "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\"")) {
            rs.next();
            assertTrue(rs.getInt(1) >= 9, "every migration recorded again");
        }
    }
}
