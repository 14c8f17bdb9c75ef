package app.frontdesk.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.domain.model.inbound.Envelope;
import app.frontdesk.testkit.GatewayFixture;
import app.frontdesk.testkit.TestMail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database notices when its file is no longer at its path (issue 13, the reopened-at-V1
 * replay: a gateway went on for two minutes in a file that had been replaced, and all it accepted was
 * lost with it), and rescues what the open file holds. DatabaseFileReplacedIT does the same to the
 * packaged gateway, which then stops.
 */
class OpenDatabaseFileTest {

    @Test
    void aCopyPutBackOverTheOpenFileIsSeenAndTheRescueHoldsWhatWasAcknowledgedAfterTheCopy(@TempDir Path dir) throws Exception {
        DatabaseSettings settings = DatabaseSettings.embeddedH2(dir);
        Path file = dir.resolve("db").resolve("frontdesk.mv.db");
        long id;
        try (GatewayFixture gateway = new GatewayFixture(settings)) {
            Database db = gateway.db;
            assertEquals(Optional.empty(), db.fileReplaced());
            Path copy = Files.copy(file, file.resolveSibling("copy.part")); // a copy taken while it runs ...
            id = gateway.intake.accept(TestMail.from("anna@romashka.example").body("acknowledged after the copy").bytes(),
                    new Envelope("anna@romashka.example", "support@frontdesk.test")).id();
            Files.move(copy, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING); // ... put back

            String what = db.fileReplaced().orElseThrow();
            assertTrue(what.startsWith("was replaced by another file ("), what);

            Path zip = db.rescue();
            assertEquals(file.getParent().toAbsolutePath(), zip.getParent());
            assertTrue(zip.getFileName().toString().matches("rescued-\\d{8}T\\d{6}Z\\.zip"), zip.toString());
            assertEquals("the embedded database file was replaced; this process takes no more transactions",
                    assertThrows(IllegalStateException.class, () -> db.inTransaction(r -> r.accounts().count())).getMessage());
            assertEquals(1, countInbound("jdbc:h2:zip:" + zip + "!/frontdesk", id), "the message is in the rescued copy");
        }
        assertEquals(0, countInbound(settings.url(), id), "and only there: the file put back, which a restart opens, lacks it");
    }

    @Test
    void aDeletedFileIsSeen(@TempDir Path dir) throws Exception {
        try (Database db = Database.open(DatabaseSettings.embeddedH2(dir))) {
            Files.delete(dir.resolve("db").resolve("frontdesk.mv.db"));
            assertEquals(Optional.of("was deleted"), db.fileReplaced());
        }
    }

    @Test
    void aDatabaseThatIsNoEmbeddedFileHasNothingToWatch() {
        try (Database db = Database.open(new DatabaseSettings("jdbc:h2:mem:watch;DB_CLOSE_DELAY=-1", "sa", ""))) {
            assertEquals(Optional.empty(), db.fileReplaced());
            assertEquals(Optional.empty(), db.embeddedFile());
        }
    }

    private static int countInbound(String url, long id) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM inbound_message WHERE id = " + id)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
