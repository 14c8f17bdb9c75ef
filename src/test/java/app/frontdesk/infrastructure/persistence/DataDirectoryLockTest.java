package app.frontdesk.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One process owns an embedded data directory from before its migration on. The reopened-at-V1
 * replay (issue 13) points at a second opener, or an outside copy, replacing the file a running
 * gateway used; with H2MigrationGuard a second process could otherwise put an old copy back itself.
 */
class DataDirectoryLockTest {

    @Test
    void aSecondProcessCannotTouchADirectoryInUse(@TempDir Path dir) throws Exception {
        Process owner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Owner.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("open", out.readLine());
            // a copy an interrupted upgrade would have left: the second process must not put it back over the live file
            Path copy = dir.resolve("db").resolve("frontdesk.mv.db.before-migration");
            Files.writeString(copy, "not a database");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Database.open(DatabaseSettings.embeddedH2(dir)));
            assertTrue(e.getMessage().startsWith("Database may be already in use") && e.getMessage().contains(String.valueOf(owner.pid())),
                    e.getMessage());
            assertTrue(Files.exists(copy), "nothing was moved");
            Files.delete(copy);
        } finally {
            owner.destroyForcibly();
            assertTrue(owner.waitFor(30, TimeUnit.SECONDS));
        }
        // the owner died (SIGKILL): the operating system released its lock, and the directory opens
        try (Database db = Database.open(DatabaseSettings.embeddedH2(dir))) {
            assertFalse(db.createdNow(), "the file was there already: no demo data would go into it");
        }
    }

    @Test
    void onlyTheOpenThatCreatesTheFileSaysSo(@TempDir Path dir) {
        try (Database first = Database.open(DatabaseSettings.embeddedH2(dir))) {
            assertTrue(first.createdNow());
        }
        try (Database again = Database.open(DatabaseSettings.embeddedH2(dir))) {
            assertFalse(again.createdNow());
        }
    }

    /** Opens the directory, says so, and keeps it until killed. */
    public static final class Owner {
        public static void main(String[] args) throws Exception {
            Database db = Database.open(DatabaseSettings.embeddedH2(Path.of(args[0])));
            System.out.println("open");
            System.out.flush();
            Thread.sleep(120_000);
            db.close();
        }
    }
}
