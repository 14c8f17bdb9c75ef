package app.frontdesk.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.domain.model.inbound.Envelope;
import app.frontdesk.domain.model.inbound.InboundMessage;
import app.frontdesk.testkit.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Intake's one-statement store on PostgreSQL ({@link PostgresInboundRows}) writes what the unit of work wrote, column
 * for column, for values that an array literal could mangle (quotes, backslashes, braces, commas, the word NULL, a
 * real null, Latin-1 and 8-bit bytes, every byte value in the message), replaces control characters as every text column
 * does (a NUL in a Message-ID failed every try of its batch on PostgreSQL), and stores a batch whole or not at all.
 */
class PostgresInboundRowsTest {

    private Database db;

    @BeforeEach
    void open() {
        db = TestDatabases.open(TestDatabases.postgres());
    }

    @AfterEach
    void dispose() {
        TestDatabases.dispose(db);
    }

    @Test
    void storesTheSameRowsAsTheUnitOfWorkDid() throws Exception {
        List<InboundMessage> byUnitOfWork = messages("u");
        List<InboundMessage> byOneStatement = messages("s");
        db.run(r -> r.inbound().storeAll(byUnitOfWork, raws(byUnitOfWork)));
        db.storeInbound(byOneStatement, raws(byOneStatement));

        for (int i = 0; i < byUnitOfWork.size(); i++) {
            Map<String, Object> expected = row(byUnitOfWork.get(i).id());
            Map<String, Object> actual = row(byOneStatement.get(i).id());
            expected.remove("id");
            actual.remove("id");
            expected.remove("sha256");
            actual.remove("sha256");
            assertEquals(expected, actual, "message " + i + " as the unit of work stored it");
            assertTrue(byOneStatement.get(i).id() > 0, "an id from the sequence");
            long id = byOneStatement.get(i).id();
            assertArrayEquals(raws(byOneStatement).get(i), db.inTransaction(r -> r.inbound().rawBytes(id)), "the bytes exactly");
        }
        assertEquals("<a\"b\\c{d},e@x>", row(byOneStatement.get(0).id()).get("message_id"));
        assertEquals(null, row(byOneStatement.get(1).id()).get("message_id"));
        assertEquals("NULL", row(byOneStatement.get(2).id()).get("message_id"), "the word, not a null");
        assertEquals("<nul\uFFFD-\uFFFD@x>", row(byOneStatement.get(4).id()).get("message_id"), "PostgreSQL refuses a NUL in text");
        assertEquals(byOneStatement.size(), byOneStatement.stream().map(InboundMessage::id).distinct().count());
    }

    @Test
    void aBatchWithACopyOfStoredBytesStoresNothingOfIt() {
        List<InboundMessage> first = messages("a");
        db.storeInbound(first.subList(0, 1), raws(first).subList(0, 1));
        List<InboundMessage> batch = messages("b");
        batch.set(2, copy(first.get(0))); // the same SHA-256 as a stored message
        RuntimeException e = assertThrows(RuntimeException.class, () -> db.storeInbound(batch, raws(batch)));
        assertTrue(constraintViolation(e), "a duplicate, said as the database says it: " + e);
        assertEquals(1L, count("inbound_message"), "no row of the failed batch");
        assertEquals(1L, count("inbound_raw"), "and none of its bytes");
    }

    private static List<InboundMessage> messages(String tag) {
        String[] ids = {"<a\"b\\c{d},e@x>", null, "NULL", "<caf\u00e9-\u00ff@x>", "<nul\u0000-\u0001@x>"};
        List<InboundMessage> out = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            Envelope envelope = i == 1 ? Envelope.UNKNOWN : new Envelope("o'neil,{x}@northwind.example", "support@frontdesk.test");
            Instant received = Instant.parse("2026-11-29T10:15:30.123456789Z").plusNanos(i * 1_001L);
            out.add(new InboundMessage(tag + "-" + i + "-".repeat(60), ids[i], envelope, 256 + i, received, 1_000 * i + 7));
        }
        return out;
    }

    private static InboundMessage copy(InboundMessage m) {
        return new InboundMessage(m.sha256(), m.messageId(), m.envelope(), m.sizeBytes(), m.receivedAt(), m.senderKey());
    }

    private static List<byte[]> raws(List<InboundMessage> messages) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            byte[] raw = new byte[256 + i];
            for (int b = 0; b < raw.length; b++) {
                raw[b] = (byte) (b + i);
            }
            out.add(raw);
        }
        return out;
    }

    private Map<String, Object> row(long id) throws SQLException {
        try (Connection c = connection(); var s = c.prepareStatement("SELECT * FROM inbound_message WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), "row " + id);
                ResultSetMetaData meta = rs.getMetaData();
                Map<String, Object> row = new LinkedHashMap<>();
                for (int k = 1; k <= meta.getColumnCount(); k++) {
                    row.put(meta.getColumnName(k), rs.getObject(k));
                }
                return row;
            }
        }
    }

    private long count(String table) {
        try (Connection c = connection(); var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection connection() throws SQLException {
        DatabaseSettings s = db.settings();
        return DriverManager.getConnection(s.url(), s.user(), s.password());
    }

    private static boolean constraintViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
