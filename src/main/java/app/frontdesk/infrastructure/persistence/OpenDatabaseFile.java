package app.frontdesk.infrastructure.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The embedded H2 file this process has open, and whether its path still leads to it. H2 goes on
 * working in a file that was replaced or deleted under it: the reopened-at-V1 replay (issue 13) was a
 * gateway that acknowledged mail for two minutes into a file that was no longer at its path, and
 * nobody ever opened it again. The file's identity (device and inode, {@code fileKey()}) is taken
 * once H2 has it open; a different one at the path, or none, means the file was replaced or deleted.
 *
 * <p>One connection is held from open to close: without it H2 closes the database when the pool has
 * no connection for a moment, and opens whatever is at the path by then on the next one.
 */
final class OpenDatabaseFile implements AutoCloseable {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path file;
    private final Object identity;
    private final Connection keeper;

    private OpenDatabaseFile(Path file, Object identity, Connection keeper) {
        this.file = file;
        this.identity = identity;
        this.keeper = keeper;
    }

    /**
     * Opens the embedded database (its migration has run) and notes its file's identity; empty for a
     * database that is not an embedded file, or where the file system gives files no identity.
     */
    static Optional<OpenDatabaseFile> open(DatabaseSettings settings) {
        Optional<Path> path = settings.embeddedFile();
        if (path.isEmpty()) {
            return Optional.empty();
        }
        try {
            Class.forName(settings.driverClass()); // registered with DriverManager by the class loader that sees it
            Connection keeper = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
            Object identity = identity(path.get());
            if (identity == null) {
                keeper.close();
                return Optional.empty();
            }
            return Optional.of(new OpenDatabaseFile(path.get(), identity, keeper));
        } catch (SQLException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot open the embedded database " + path.get() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the identity of " + path.get(), e);
        }
    }

    Path file() {
        return file;
    }

    /**
     * What happened to the file at the path since it was opened, in words that follow its name ("was
     * deleted"); empty while it is the file H2 has open.
     */
    Optional<String> replaced() {
        try {
            Object now = identity(file);
            return identity.equals(now) ? Optional.empty()
                    : Optional.of("was replaced by another file (now " + bare(now) + "; the open one: " + bare(identity) + ")");
        } catch (NoSuchFileException e) {
            return Optional.of("was deleted");
        } catch (IOException e) {
            return Optional.of("cannot be read any more (" + e + ")");
        }
    }

    /**
     * Writes an online copy of the open database (the file H2 has open, wherever its path leads now) into
     * {@code rescued-<time>.zip} beside the path, with H2's {@code BACKUP}.
     */
    Path backup(Instant now) {
        Path zip = file.resolveSibling("rescued-" + STAMP.format(now) + ".zip").toAbsolutePath();
        try (Statement s = keeper.createStatement()) {
            s.execute("BACKUP TO '" + zip.toString().replace("'", "''") + "'");
            return zip;
        } catch (SQLException e) {
            throw new IllegalStateException("H2 could not write " + zip + ": " + e.getMessage(), e);
        }
    }

    /** "dev=fe00,ino=2189260" from Linux's "(dev=fe00,ino=2189260)". */
    private static String bare(Object identity) {
        return String.valueOf(identity).replaceAll("^\\((.*)\\)$", "$1");
    }

    private static Object identity(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    }

    @Override
    public void close() {
        try {
            keeper.close();
        } catch (SQLException e) {
            // closing: H2 writes the file when its last connection goes, and reports nothing we could act on here
        }
    }
}
