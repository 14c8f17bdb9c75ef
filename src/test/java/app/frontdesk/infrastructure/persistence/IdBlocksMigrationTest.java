package app.frontdesk.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.domain.model.audit.AuditEvent;
import app.frontdesk.domain.model.inbound.Envelope;
import app.frontdesk.domain.model.inbound.InboundMessage;
import app.frontdesk.testkit.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * V7 hands out ids in blocks of 500: a database the previous version used keeps every id it gave
 * out, and a fresh one starts without EclipseLink refusing the sequence.
 */
class IdBlocksMigrationTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void idsAfterTheUpgradeAreAboveEveryIdTheOldBlocksGaveOut(String name, Supplier<DatabaseSettings> db) throws Exception {
        DatabaseSettings settings = db.get();
        String schema = schema(settings);
        var flyway = Flyway.configure(Database.class.getClassLoader()).dataSource(settings.url(), settings.user(), settings.password())
                .locations("classpath:db/migration").target("6");
        if (schema != null) {
            flyway.schemas(schema).defaultSchema(schema);
        }
        flyway.load().migrate();
        long lastOldId;
        try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password()); var st = c.createStatement()) {
            // the previous version took two blocks of 50 and may have used every id up to the second's end
            st.executeQuery("SELECT nextval('inbound_message_seq')").close();
            try (var rs = st.executeQuery("SELECT nextval('inbound_message_seq')")) {
                rs.next();
                lastOldId = rs.getLong(1);
            }
        }
        Database.migrate(settings, schema);
        Database database = Database.open(settings);
        try {
            for (int i = 0; i < 3; i++) {
                int n = i;
                long id = database.inTransaction(r -> {
                    InboundMessage m = new InboundMessage(String.format("%064d", n), "<m" + n + "@x>", Envelope.UNKNOWN, 1, Instant.EPOCH);
                    r.inbound().store(m, new byte[] {'x'});
                    r.audit().record(new AuditEvent(Instant.EPOCH, "test", "stored", "inbound", m.id(), null));
                    return m.id();
                });
                assertTrue(id > lastOldId, "id " + id + " must be above " + lastOldId + ", the end of the old block");
            }
        } finally {
            TestDatabases.dispose(database);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void aFreshDatabaseHandsOutIdsFromTheStart(String name, Supplier<DatabaseSettings> db) {
        DatabaseSettings settings = db.get();
        Database database = TestDatabases.open(settings);
        try {
            long id = database.inTransaction(r -> {
                InboundMessage m = new InboundMessage("f".repeat(64), null, Envelope.UNKNOWN, 1, Instant.EPOCH);
                r.inbound().store(m, new byte[] {'x'});
                r.audit().record(new AuditEvent(Instant.EPOCH, "test", "stored", "inbound", m.id(), null));
                return m.id();
            });
            assertTrue(id >= 101, "ids start above the sequence's start: " + id);
        } finally {
            TestDatabases.dispose(database);
        }
    }

    private static String schema(DatabaseSettings s) {
        return s.isPostgres() ? s.url().substring(s.url().indexOf("currentSchema=") + "currentSchema=".length()) : null;
    }
}
