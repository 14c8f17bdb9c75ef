package app.frontdesk.infrastructure.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The bytes of inbound messages as files beside an embedded H2 database (ADR 0017): H2 keeps a BLOB's blocks
 * in its heap until it writes them, up to 4.5 times the message (H2BlobHeapBenchmark), so on H2 the table
 * {@code inbound_raw} names a file here instead of holding the bytes. PostgreSQL keeps them in the table.
 *
 * <p>A file is written whole, forced to disk and renamed into place before the transaction that names it
 * commits, and never changed or deleted afterwards: a committed row always finds its file, after a crash too.
 * A file whose transaction rolled back is left behind when its deletion cannot be tied to that rollback; it
 * costs disk only, and may belong to a rescued copy of the database ({@code OpenDatabaseFile}), so nothing
 * here deletes files nobody names.
 */
final class RawFiles {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;

    RawFiles(Path directory) {
        this.directory = directory;
    }

    /** The directory beside an embedded H2 file ({@code data/db/frontdesk.mv.db}: {@code data/db/frontdesk.messages}); empty for others. */
    static Optional<RawFiles> of(DatabaseSettings settings) {
        return settings.embeddedFile().map(file -> {
            String name = file.getFileName().toString();
            Path dir = file.resolveSibling(name.substring(0, name.length() - ".mv.db".length()) + ".messages");
            try {
                Files.createDirectories(dir);
                // a write a crash cut short: never renamed, so no row names it (this process owns the directory now)
                try (var parts = Files.newDirectoryStream(dir, ".part-*")) {
                    for (Path part : parts) {
                        Files.deleteIfExists(part);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prepare the directory for message bytes " + dir, e);
            }
            return new RawFiles(dir);
        });
    }

    Path directory() {
        return directory;
    }

    /**
     * Writes the bytes of each message into a file of its own, durably, and returns the files' names in order.
     * The name carries the id and a random part: an id that came round again after a crash of H2 can never
     * reach a file a committed row names.
     */
    List<String> write(List<Long> ids, List<byte[]> raws) {
        String[] names = new String[ids.size()];
        try {
            for (int i = 0; i < names.length; i++) {
                byte[] random = new byte[6];
                RANDOM.nextBytes(random);
                String name = ids.get(i) + "-" + HexFormat.of().formatHex(random) + ".eml";
                Path temporary = directory.resolve(".part-" + name);
                try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    ByteBuffer bytes = ByteBuffer.wrap(raws.get(i));
                    while (bytes.hasRemaining()) {
                        out.write(bytes);
                    }
                    out.force(true);
                }
                Files.move(temporary, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
                names[i] = name;
            }
            // the renames themselves must outlive a crash before the commit that names the files
            try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
                dir.force(true);
            }
        } catch (IOException e) {
            delete(java.util.Arrays.asList(names)); // not List.of: the names not yet written are null
            throw new UncheckedIOException("cannot write message bytes into " + directory, e);
        }
        return List.of(names);
    }

    /** The bytes of one file as a stream (the caller closes it). */
    InputStream open(String name) {
        try {
            return Files.newInputStream(resolve(name));
        } catch (NoSuchFileException e) {
            throw missing(name, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resolve(name), e);
        }
    }

    /** The bytes of one file in one array of its size. */
    byte[] read(String name) {
        try {
            return Files.readAllBytes(resolve(name));
        } catch (NoSuchFileException e) {
            throw missing(name, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resolve(name), e);
        }
    }

    /** Removes files written for a store that failed before its transaction could commit (names may be null). */
    void delete(List<String> names) {
        for (String name : names) {
            if (name != null) {
                try {
                    Files.deleteIfExists(resolve(name));
                } catch (IOException | RuntimeException e) {
                    // left behind: disk only, see the class comment
                }
            }
        }
    }

    private Path resolve(String name) {
        if (name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new IllegalStateException("not a name of a message file: " + name);
        }
        return directory.resolve(name);
    }

    private IllegalStateException missing(String name, IOException cause) {
        return new IllegalStateException("the file holding a stored message is missing: " + resolve(name)
                + " (the database names it; restore it from the backup of " + directory + ")", cause);
    }
}
