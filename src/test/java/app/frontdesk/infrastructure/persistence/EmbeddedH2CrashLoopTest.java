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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, item 4: the embedded default survives a crash loop. A child JVM opens the database
 * (migrating a fresh one), creates accounts, accepts messages, runs the pipeline and the outbox,
 * and prints what it acknowledged; it is killed with SIGKILL at a random moment: during start-up and
 * migration (every fifth cycle on a fresh directory), or while it works. After every kill the
 * database is opened again as a restart would, and the schema must be complete and every
 * acknowledged message and account present.
 */
class EmbeddedH2CrashLoopTest {

    private static final int CYCLES = 30;

    @Test
    void thirtySigkillsAtRandomMomentsLoseNothingAcknowledgedAndLeaveTheSchemaComplete(@TempDir Path root) throws Exception {
        Random random = new Random(20261128L);
        int latest = latestMigration();
        Path dir = root.resolve("d0");
        List<Long> messages = new ArrayList<>();
        List<Long> accounts = new ArrayList<>();
        int killedStarting = 0;
        int killedWorking = 0;
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            if (cycle % 5 == 0 && cycle > 0) {
                dir = root.resolve("d" + cycle); // a fresh database: the kill may hit the migrations
                messages.clear();
                accounts.clear();
            }
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), WorkingChild.class.getName(), dir.toString(), String.valueOf(cycle))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            boolean duringStart = cycle % 5 == 0;
            int linesBeforeKill = duringStart ? 0 : 1 + random.nextInt(80);
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                if (duringStart) {
                    Thread.sleep(300 + random.nextInt(2500)); // JVM start, migrations, the first accounts
                } else {
                    String line;
                    int read = 0;
                    while (read < linesBeforeKill && (line = out.readLine()) != null) {
                        read++;
                        record(line, messages, accounts);
                    }
                }
                // SIGKILL: no shutdown hook, no close of the database. What it printed but was not read yet is not
                // checked (the streams close with the process): every id checked was acknowledged before the kill.
                child.destroyForcibly();
                assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            }
            if (duringStart) {
                killedStarting++;
            } else {
                killedWorking++;
            }
            // the restart: open (and migrate) as the gateway does, then look
            try (Database db = Database.open(DatabaseSettings.embeddedH2(dir))) {
                List<Long> lostMessages = messages.stream().filter(id -> db.inTransaction(r -> r.inbound().find(id)).isEmpty()).toList();
                List<Long> lostAccounts = accounts.stream().filter(id -> db.inTransaction(r -> r.accounts().find(id)).isEmpty()).toList();
                assertEquals(List.of(), lostMessages, "cycle " + cycle + ": acknowledged messages lost");
                assertEquals(List.of(), lostAccounts, "cycle " + cycle + ": created accounts lost");
            }
            assertEquals(latest, schemaVersion(dir), "cycle " + cycle + ": the schema after the restart");
        }
        System.out.printf("crash loop: %d cycles, %d killed while starting or migrating, %d while working%n",
                CYCLES, killedStarting, killedWorking);
    }

    private static void record(String line, List<Long> messages, List<Long> accounts) {
        if (line.startsWith("M ")) {
            messages.add(Long.parseLong(line.substring(2).trim()));
        } else if (line.startsWith("A ")) {
            accounts.add(Long.parseLong(line.substring(2).trim()));
        }
    }

    private static int latestMigration() throws Exception {
        try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
        }
    }

    private static int schemaVersion(Path dir) throws Exception {
        DatabaseSettings s = DatabaseSettings.embeddedH2(dir);
        try (Connection c = DriverManager.getConnection(s.url(), s.user(), s.password());
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT MAX(CAST(\"version\" AS INT)) FROM \"flyway_schema_history\" WHERE \"success\"")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** The child: start (migrate), then accounts, messages, the pipeline and the outbox, printing what was acknowledged. */
    public static final class WorkingChild {
        public static void main(String[] args) throws Exception {
            GatewayFixture gateway = new GatewayFixture(DatabaseSettings.embeddedH2(Path.of(args[0])));
            String cycle = args[1];
            for (int i = 0; ; i++) {
                if (i % 10 == 0) {
                    long account = gateway.account("Account " + cycle + "-" + i, "c" + cycle + "n" + i + ".example", "anna@c" + cycle + "n" + i + ".example");
                    System.out.println("A " + account);
                }
                long id = gateway.intake.accept(TestMail.from("anna@c" + cycle + "n0.example").body("message " + i).bytes(),
                        new Envelope("anna@c" + cycle + "n0.example", "support@frontdesk.test")).id();
                System.out.println("M " + id);
                System.out.flush();
                if (i % 7 == 3) {
                    gateway.processAll();
                    gateway.services.dispatcher.dispatchDue();
                }
            }
        }
    }
}
