package app.frontdesk.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.application.intake.IntakeResult;
import app.frontdesk.domain.model.inbound.Envelope;
import app.frontdesk.testkit.GatewayFixture;
import app.frontdesk.testkit.TestDatabases;
import app.frontdesk.testkit.TestMail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ADR 0017: on an embedded H2 file the bytes of a message are a file beside the database, written before the
 * commit that names it, and read back from there; H2 never holds them. PostgreSQL keeps them in the table.
 */
class RawFilesOnH2Test {

    private static final Envelope ENVELOPE = new Envelope("anna@romashka.example", "support@frontdesk.test");

    @Test
    void aLargeMessageIsAFileBesideTheDatabaseAndComesBackByteForByte(@TempDir Path dataDir) throws Exception {
        byte[] mail = TestMail.from("anna@romashka.example").subject("scan").body("x".repeat(3_000_000) + "\r\n").bytes();
        Path dir = dataDir.resolve("db").resolve("frontdesk.messages");
        long id;
        try (GatewayFixture gw = new GatewayFixture(DatabaseSettings.embeddedH2(dataDir))) {
            id = gw.intake.accept(mail, ENVELOPE).id();
            List<Path> written = files(dir);
            assertEquals(1, written.size(), "one file for the one message");
            assertTrue(written.get(0).getFileName().toString().startsWith(id + "-"), written.toString());
            assertArrayEquals(mail, Files.readAllBytes(written.get(0)));
            assertArrayEquals(mail, gw.db.inTransaction(r -> r.inbound().rawBytes(id)));
            assertArrayEquals(mail, gw.db.inTransaction(r -> r.inbound().readRaw(id, in -> in.readAllBytes())));

            assertTrue(gw.intake.accept(mail, ENVELOPE).duplicate());
            assertEquals(1, files(dir).size(), "a copy already stored writes no file");
        }
        // the row names the file and holds no bytes, and H2's own file did not take the message in
        try (Connection c = DriverManager.getConnection(DatabaseSettings.embeddedH2(dataDir).url(), "sa", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT raw, file_name FROM inbound_raw WHERE inbound_id = " + id)) {
            assertTrue(rs.next());
            assertNull(rs.getBytes(1));
            assertEquals(files(dir).get(0).getFileName().toString(), rs.getString(2));
        }
        assertTrue(Files.size(dataDir.resolve("db").resolve("frontdesk.mv.db")) < mail.length,
                "H2's file is smaller than the message: " + Files.size(dataDir.resolve("db").resolve("frontdesk.mv.db")));
    }

    @Test
    void messagesCommittedTogetherEachHaveTheirFileAndAMissingFileIsNamedNotBlamedOnTheSender(@TempDir Path dataDir) throws Exception {
        Path dir = dataDir.resolve("db").resolve("frontdesk.messages");
        try (GatewayFixture gw = new GatewayFixture(DatabaseSettings.embeddedH2(dataDir))) {
            // many callers at once: intake commits them in shared transactions (storeAll, one JDBC batch)
            ExecutorService callers = Executors.newFixedThreadPool(8);
            Map<Long, byte[]> sent = new HashMap<>();
            try {
                List<Future<Map.Entry<Long, byte[]>>> futures = new ArrayList<>();
                for (int i = 0; i < 64; i++) {
                    byte[] mail = TestMail.from("anna@romashka.example").subject("batch " + i).body("message " + i + "\r\n").bytes();
                    futures.add(callers.submit(() -> {
                        IntakeResult result = gw.intake.accept(mail, ENVELOPE);
                        return Map.entry(result.id(), mail);
                    }));
                }
                for (Future<Map.Entry<Long, byte[]>> f : futures) {
                    sent.put(f.get().getKey(), f.get().getValue());
                }
            } finally {
                callers.shutdown();
            }
            assertEquals(64, files(dir).size());
            Map<Long, byte[]> read = gw.db.inTransaction(r -> r.inbound().rawBytes(List.copyOf(sent.keySet())));
            sent.forEach((id, mail) -> assertArrayEquals(mail, read.get(id), "message " + id));
            assertFalse(files(dir).stream().anyMatch(p -> p.getFileName().toString().startsWith(".part-")), "no half-written file");

            long lost = sent.keySet().iterator().next();
            Path file = files(dir).stream().filter(p -> p.getFileName().toString().startsWith(lost + "-")).findFirst().orElseThrow();
            Files.delete(file);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> gw.db.inTransaction(r -> r.inbound().rawBytes(lost)));
            assertTrue(String.valueOf(e.getMessage()).contains(file.toString())
                    || (e.getCause() != null && String.valueOf(e.getCause().getMessage()).contains(file.toString())), e.toString());
        }
    }

    @Test
    void aMessageStoredBeforeTheUpgradeIsReadFromItsRowAndNewOnesFromFiles(@TempDir Path dataDir) throws Exception {
        DatabaseSettings settings = DatabaseSettings.embeddedH2(dataDir);
        org.flywaydb.core.Flyway.configure(Database.class.getClassLoader()).dataSource(settings.url(), settings.user(), settings.password())
                .locations("classpath:db/migration").placeholders(Map.of("largeBinary", "SET DATA TYPE BLOB")).target("18").load().migrate();
        byte[] old = TestMail.from("anna@romashka.example").subject("stored by the version before").bytes();
        try (Connection c = DriverManager.getConnection(settings.url(), "sa", "");
             var insert = c.prepareStatement("INSERT INTO inbound_raw (inbound_id, raw) VALUES (7, ?)")) {
            c.createStatement().execute("INSERT INTO inbound_message (id, sha256, size_bytes, state, attempts, next_attempt_at, received_at)"
                    + " VALUES (7, '" + "a".repeat(64) + "', " + old.length + ", 'ROUTED', 1, TIMESTAMP WITH TIME ZONE '2026-11-01 10:00:00+00',"
                    + " TIMESTAMP WITH TIME ZONE '2026-11-01 10:00:00+00')");
            insert.setBytes(1, old);
            insert.executeUpdate();
        }
        try (GatewayFixture gw = new GatewayFixture(settings)) {
            assertArrayEquals(old, gw.db.inTransaction(r -> r.inbound().rawBytes(7L)));
            assertArrayEquals(old, gw.db.inTransaction(r -> r.inbound().readRaw(7L, in -> in.readAllBytes())));
            byte[] mail = TestMail.from("anna@romashka.example").subject("after the upgrade").bytes();
            long id = gw.intake.accept(mail, ENVELOPE).id();
            assertArrayEquals(mail, gw.db.inTransaction(r -> r.inbound().rawBytes(id)));
            assertEquals(1, files(dataDir.resolve("db").resolve("frontdesk.messages")).size());
        }
    }

    @Test
    void aFileThatCannotBeWrittenIsOurFaultAndStoresNothingAndAHalfWrittenOneIsClearedAtStart(@TempDir Path dataDir) throws Exception {
        Path dir = dataDir.resolve("db").resolve("frontdesk.messages");
        Files.createDirectories(dir);
        Path leftOver = Files.write(dir.resolve(".part-7-000000000000.eml"), new byte[] {'x'}); // a write a crash cut short
        try (GatewayFixture gw = new GatewayFixture(DatabaseSettings.embeddedH2(dataDir))) {
            assertFalse(Files.exists(leftOver), "a half-written file is removed when the database is opened");
            // the directory is gone and a plain file stands in its place: no message file can be written
            Files.delete(dir);
            Files.writeString(dir, "not a directory");
            byte[] mail = TestMail.from("anna@romashka.example").subject("disk trouble").bytes();
            RuntimeException e = assertThrows(RuntimeException.class, () -> gw.intake.accept(mail, ENVELOPE),
                    "a fault of ours: the caller is told to try again (503 / 451), never that it was stored");
            assertTrue(String.valueOf(e).contains("frontdesk.messages") || String.valueOf(e.getCause()).contains("frontdesk.messages"), e.toString());
            long rows = gw.db.inTransaction(r -> r.inbound().countInState(app.frontdesk.domain.model.inbound.InboundState.RECEIVED));
            assertEquals(0L, rows, "no row without its bytes");
            // the directory back: the mail server's retry is stored
            Files.delete(dir);
            Files.createDirectories(dir);
            long id = gw.intake.accept(mail, ENVELOPE).id();
            assertArrayEquals(mail, gw.db.inTransaction(r -> r.inbound().rawBytes(id)));
        }
    }

    @Test
    void inMemoryH2AndPostgresqlKeepTheBytesInTheTable() {
        assertTrue(RawFiles.of(TestDatabases.h2()).isEmpty());
        assertTrue(RawFiles.of(new DatabaseSettings("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "")).isEmpty());
    }

    private static List<Path> files(Path dir) throws Exception {
        try (var list = Files.list(dir)) {
            return list.sorted().toList();
        }
    }
}
