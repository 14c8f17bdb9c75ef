package app.frontdesk.infrastructure.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * One process owns an embedded database directory, from before its migration (or the undoing of an
 * interrupted one, see {@link H2MigrationGuard}) until it closes. H2's own file lock comes later and
 * guards only the open file: a second gateway must not move or delete that file first. The lock is
 * the operating system's (released when the process dies, even by SIGKILL); the file holds the
 * owner's pid for the operator. Within one JVM the directory may be opened more than once (tests do).
 */
final class DataDirectoryLock implements AutoCloseable {

    private static final Map<Path, DataDirectoryLock> HELD = new HashMap<>();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private int users;

    private DataDirectoryLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * @throws IllegalStateException "Database may be already in use" (the words H2 uses, so a start
     *                               explains both the same way) when another process holds it
     */
    static synchronized DataDirectoryLock acquire(Path directory) {
        Path file = directory.toAbsolutePath().normalize().resolve("frontdesk.lock");
        DataDirectoryLock held = HELD.get(file);
        if (held == null) {
            try {
                Files.createDirectories(directory);
                FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    String owner = new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).strip();
                    channel.close();
                    throw new IllegalStateException("Database may be already in use: " + directory + " is held by process "
                            + (owner.isEmpty() ? "(unknown)" : owner));
                }
                channel.truncate(0);
                channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
                channel.force(true);
                held = new DataDirectoryLock(file, channel, lock);
                HELD.put(file, held);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lock the data directory " + directory, e);
            }
        }
        held.users++;
        return held;
    }

    @Override
    public void close() {
        synchronized (DataDirectoryLock.class) {
            if (--users > 0) {
                return;
            }
            HELD.remove(file);
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                // the process ends or the directory goes: the lock goes with it
            }
        }
    }
}
