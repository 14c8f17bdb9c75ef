package app.frontdesk.infrastructure.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Makes a migration of the embedded H2 file all or nothing. H2 commits every DDL statement on its
 * own, so a process killed inside a migration left half a schema that Flyway had not recorded: the
 * next start failed on it for ever ("Sequence ... already exists", found by EmbeddedH2CrashLoopTest).
 * PostgreSQL runs each migration in a transaction and needs none of this.
 *
 * <p>Before migrating a fresh file a marker says so; before migrating an existing one with pending
 * migrations, a copy of the closed file is taken. Either is removed once Flyway has finished (and,
 * with its last connection closed, H2 has written the file). Found at start, they mean the last
 * migration was interrupted: a fresh file is thrown away (nothing can have been accepted into it, the
 * gateway answers nobody before it is migrated), an upgraded one is put back as it was before.
 */
final class H2MigrationGuard {

    private static final Logger LOG = Logger.getLogger(H2MigrationGuard.class.getName());

    private final Path file;
    private final Path copy;
    private final Path copyInProgress;
    private final Path freshMarker;

    private H2MigrationGuard(Path file) {
        this.file = file;
        this.copy = file.resolveSibling(file.getFileName() + ".before-migration");
        this.copyInProgress = file.resolveSibling(file.getFileName() + ".before-migration.part");
        this.freshMarker = file.resolveSibling(file.getFileName() + ".migrating-fresh");
    }

    /** The guard of an embedded H2 file URL ({@code jdbc:h2:file:/path/name;...}); empty for anything else. */
    static Optional<H2MigrationGuard> of(DatabaseSettings settings) {
        return settings.embeddedFile().map(H2MigrationGuard::new);
    }

    /** The directory that holds the database file. */
    Path directory() {
        return file.getParent();
    }

    /** Undoes what an interrupted migration left; call before Flyway looks at the file. */
    void recover() {
        try {
            Files.deleteIfExists(copyInProgress);
            if (Files.exists(freshMarker)) {
                LOG.warning("the first migration of " + file + " was interrupted; starting the empty database again");
                Files.deleteIfExists(file);
                Files.deleteIfExists(freshMarker);
            }
            if (Files.exists(copy)) {
                LOG.warning("a migration of " + file + " was interrupted; putting the database back as it was before it");
                Files.move(copy, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot recover the embedded database from an interrupted migration", e);
        }
    }

    /**
     * Runs {@code migration} so that an interruption can be undone; answers whether the file was created by it.
     *
     * @param pending whether an existing file has anything to migrate (it is copied only then); not asked for a
     *                fresh file, because asking opens (and so creates) it
     */
    boolean guard(java.util.function.BooleanSupplier pending, Runnable migration) {
        try {
            boolean fresh = !Files.exists(file);
            if (fresh) {
                Files.createDirectories(file.getParent());
                Files.writeString(freshMarker, "migrating\n");
            } else if (pending.getAsBoolean()) {
                Files.copy(file, copyInProgress, StandardCopyOption.REPLACE_EXISTING);
                Files.move(copyInProgress, copy, StandardCopyOption.ATOMIC_MOVE);
            }
            migration.run();
            Files.deleteIfExists(freshMarker);
            Files.deleteIfExists(copy);
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot guard the migration of the embedded database", e);
        }
    }
}
