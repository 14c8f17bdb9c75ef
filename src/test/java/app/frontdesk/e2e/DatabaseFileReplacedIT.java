package app.frontdesk.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.testkit.GatewayProcess;
import app.frontdesk.testkit.TestMail;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, the reopened-at-V1 replay: a gateway went on for minutes in an embedded H2 file that was
 * no longer at its path (a copy had been put over it), acknowledging mail into a file nobody opened
 * again. Now the packaged gateway notices within seconds, rescues the open database into a zip beside
 * the path, says so in one line and exits 69; the restart opens the file at the path, and the line's
 * advice (unzip the rescued copy) brings the acknowledged message back.
 */
class DatabaseFileReplacedIT {

    @Test
    void aCopyPutBackUnderARunningGatewayStopsItWithOneLineAndTheAcknowledgedMailRescued() throws Exception {
        Path dir = GatewayProcess.fresh(Path.of("target/e2e/database-file-replaced")).toAbsolutePath();
        Path db = dir.resolve("data").resolve("db");
        Path file = db.resolve("frontdesk.mv.db");
        byte[] mail = TestMail.from("anna.petrova@romashka.example").subject("acknowledged after the copy")
                .messageId("<rescued-1@romashka.example>").bytes();
        long id;
        try (GatewayProcess gateway = new GatewayProcess(dir, Map.of()).start()) {
            // a copy of the running database (a backup script, an operator's "safe copy") ...
            Path copy = Files.copy(file, db.resolve("frontdesk.mv.db.part"));
            var accepted = gateway.post("/api/inbound", GatewayProcess.MTA_TOKEN, "message/rfc822", mail);
            assertEquals(202, accepted.statusCode(), accepted.body());
            id = GatewayProcess.json(accepted.body()).getJsonNumber("id").longValue();
            // ... put back over it while it runs, as a restore does: the message above lives only in the file now unlinked
            Files.move(copy, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            long replaced = System.nanoTime();

            String readiness;
            try {
                var ready = gateway.get("/health/ready", null);
                assertEquals(503, ready.statusCode(), ready.body());
                assertTrue(ready.body().contains("frontdesk.mv.db was replaced by another file"), ready.body());
                readiness = "DOWN naming the file";
            } catch (IOException e) {
                readiness = "gone already"; // the periodic check came first
            }
            int code = gateway.awaitExit(20);
            long millis = (System.nanoTime() - replaced) / 1_000_000;
            String log = gateway.log();
            assertEquals(69, code, log);
            assertTrue(millis < 15_000, "exited " + millis + " ms after the file was replaced");
            List<String> lines = log.lines().filter(l -> l.contains("Frontdesk stopped: ")).toList();
            assertEquals(1, lines.size(), log);
            List<Path> zips;
            try (var files = Files.list(db)) {
                zips = files.filter(f -> f.getFileName().toString().matches("rescued-\\d{8}T\\d{6}Z\\.zip")).toList();
            }
            assertEquals(1, zips.size(), zips.toString());
            Path zip = zips.get(0);
            assertEquals("Frontdesk stopped: the embedded database file " + file + " was replaced by another file", lines.get(0).substring(0,
                    lines.get(0).indexOf(" (")));
            assertTrue(lines.get(0).endsWith(" while this gateway had it open; everything this gateway stored is in " + zip
                    + "; a restart opens the file now at that path: to go on from the rescued copy instead, stop Frontdesk, unzip it into "
                    + db + " and start again"), lines.get(0));
            assertFalse(log.contains("\tat "), "no stack trace:\n" + log);
            assertArrayEquals(mail, raw("jdbc:h2:zip:" + zip + "!/frontdesk", id, db.resolve("frontdesk.messages")), "the acknowledged message is in the rescued copy");
            System.out.printf("file replaced: readiness %s, exit %d after %d ms; %s%n", readiness, code, millis, lines.get(0));
        }

        // the service manager's restart opens the file put back, which never had the message ...
        try (GatewayProcess restarted = new GatewayProcess(dir, Map.of()).start()) {
            assertEquals(404, restarted.get("/api/inbound/" + id, GatewayProcess.MTA_TOKEN).statusCode());
        }
        // ... and the line's advice brings it back
        try (var files = Files.list(db)) {
            unzip(files.filter(f -> f.getFileName().toString().startsWith("rescued-")).findFirst().orElseThrow(), db);
        }
        try (GatewayProcess recovered = new GatewayProcess(dir, Map.of()).start()) {
            var status = recovered.get("/api/inbound/" + id, GatewayProcess.MTA_TOKEN);
            assertEquals(200, status.statusCode(), status.body());
            assertEquals("<rescued-1@romashka.example>", GatewayProcess.json(status.body()).getString("messageId"));
        }
    }

    /** The bytes as the copy holds them: a file beside the database that the row names (ADR 0017), or the row's own. */
    private static byte[] raw(String url, long id, Path messages) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             PreparedStatement s = c.prepareStatement("SELECT raw, file_name FROM inbound_raw WHERE inbound_id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return rs.getString(2) != null ? Files.readAllBytes(messages.resolve(rs.getString(2))) : rs.getBytes(1);
            }
        }
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Files.copy((InputStream) in, into.resolve(e.getName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
