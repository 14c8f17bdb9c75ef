package app.frontdesk.testkit;

import app.frontdesk.infrastructure.persistence.Database;
import app.frontdesk.infrastructure.persistence.DatabaseSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * Real databases for tests: a private in-memory H2, or a fresh schema in the PostgreSQL on this
 * machine (127.0.0.1:5432, database test, trust auth). Without PostgreSQL the tests are skipped on a
 * developer's machine and fail under CI=true, where a missing database must not pass as green.
 */
public final class TestDatabases {

    public static final String PG_URL = System.getProperty("frontdesk.test.pg",
            "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String PG_USER = System.getProperty("frontdesk.test.pg.user", "postgres");

    private TestDatabases() {
    }

    public static DatabaseSettings h2() {
        return new DatabaseSettings("jdbc:h2:mem:t" + UUID.randomUUID().toString().replace("-", "")
                + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    public static DatabaseSettings postgres() {
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, "")) {
            c.isValid(2);
        } catch (SQLException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("PostgreSQL at " + PG_URL + " is required under CI=true: " + e.getMessage(), e);
            }
            Assumptions.abort("PostgreSQL not reachable at " + PG_URL + ": " + e.getMessage());
        }
        String schema = "fd_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return new DatabaseSettings(PG_URL + "?currentSchema=" + schema, PG_USER, "");
    }

    /**
     * H2 and PostgreSQL as (name, settings supplier) pairs, for a test that must hold on both:
     * {@code @MethodSource("app.frontdesk.testkit.TestDatabases#both")}.
     */
    public static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> both() {
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("H2", (java.util.function.Supplier<DatabaseSettings>) TestDatabases::h2),
                org.junit.jupiter.params.provider.Arguments.of("PostgreSQL", (java.util.function.Supplier<DatabaseSettings>) TestDatabases::postgres));
    }

    /** Opens {@code settings}; a PostgreSQL schema is created (and migrated) by Flyway first. */
    public static Database open(DatabaseSettings settings) {
        if (settings.isPostgres()) {
            String schema = schemaOf(settings.url());
            Database.migrate(settings, schema);
        }
        return Database.open(settings);
    }

    /** The schema a PostgreSQL URL names ("...?currentSchema=fd_x&other=y"): a benchmark adds driver properties after it. */
    static String schemaOf(String url) {
        String rest = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
        return rest.contains("&") ? rest.substring(0, rest.indexOf('&')) : rest;
    }

    /** Drops the schema of a PostgreSQL test database; nothing to do for in-memory H2 but closing. */
    public static void dispose(Database db) {
        db.close();
        var s = db.settings();
        if (s.isPostgres()) {
            String schema = schemaOf(s.url());
            try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, ""); var st = c.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        } else {
            try (Connection c = DriverManager.getConnection(s.url(), s.user(), s.password()); var st = c.createStatement()) {
                st.execute("SHUTDOWN");
            } catch (SQLException e) {
                // already gone
            }
        }
    }

    /** Runs one statement as the test user on the PostgreSQL database at {@code url} (CREATE DATABASE, ALTER, DROP ...). */
    public static void sql(String url, String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, PG_USER, ""); var st = c.createStatement()) {
            st.execute(statement);
        }
    }
}
