package app.frontdesk.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.domain.model.inbound.Envelope;
import app.frontdesk.testkit.GatewayFixture;
import app.frontdesk.testkit.TestMail;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded H2 default keeps every accepted message through a {@code kill -9}: a child JVM
 * accepts messages and prints each id once {@code accept} has returned (the moment the HTTP
 * answer would go out), and is killed while it is still accepting. H2's write delay would lose
 * the last half second of them if {@link Database} did not write each commit to the file.
 */
class EmbeddedH2DurabilityTest {

    private static final int PRINTED_BEFORE_KILL = 150;

    @Test
    void everyAcceptedMessageSurvivesSigkill(@TempDir Path dataDir) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AcceptingChild.class.getName(), dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<Long> acknowledged = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged.size() < PRINTED_BEFORE_KILL && (line = out.readLine()) != null) {
                acknowledged.add(Long.parseLong(line.trim()));
            }
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no close of the database
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(PRINTED_BEFORE_KILL, acknowledged.size(), "the child stopped before it was killed");
        assertTrue(Files.exists(dataDir.resolve("db").resolve("frontdesk.mv.db")));

        try (Database db = Database.open(DatabaseSettings.embeddedH2(dataDir))) {
            List<Long> missing = acknowledged.stream()
                    .filter(id -> db.inTransaction(r -> r.inbound().find(id)).isEmpty()).toList();
            assertEquals(List.of(), missing, "acknowledged but lost by the kill");
            // the bytes too: on H2 they are files beside the database, written before the commit that names them
            var raws = db.inTransaction(r -> r.inbound().rawBytes(acknowledged));
            List<Long> withoutBytes = acknowledged.stream()
                    .filter(id -> raws.get(id) == null || !new String(raws.get(id), StandardCharsets.UTF_8).contains("message ")).toList();
            assertEquals(List.of(), withoutBytes, "acknowledged but their bytes lost by the kill");
        }
    }

    /** The child: accepts messages as fast as it can and prints each id after {@code accept} returned. */
    public static final class AcceptingChild {
        public static void main(String[] args) throws Exception {
            GatewayFixture gateway = new GatewayFixture(DatabaseSettings.embeddedH2(Path.of(args[0])));
            for (int i = 0; ; i++) {
                long id = gateway.intake.accept(TestMail.from("anna@romashka.example").body("message " + i).bytes(),
                        new Envelope("anna@romashka.example", "support@frontdesk.test")).id();
                System.out.println(id);
                System.out.flush();
            }
        }
    }
}
