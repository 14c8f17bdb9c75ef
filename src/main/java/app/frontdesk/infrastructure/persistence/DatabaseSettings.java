package app.frontdesk.infrastructure.persistence;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** Where the database is. With no URL configured, an embedded H2 file under the data directory. */
public record DatabaseSettings(String url, String user, String password) {

    public DatabaseSettings {
        Objects.requireNonNull(url, "database URL");
    }

    /**
     * The embedded default. H2's own write delay stays on, because its background thread is what
     * keeps the file compact; {@link Database} writes each commit to the file before it returns.
     * No server mode, so H2 opens no port.
     */
    public static DatabaseSettings embeddedH2(Path dataDir) {
        return new DatabaseSettings("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("db").resolve("frontdesk")
                + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "");
    }

    /** The file of an embedded H2 database ({@code jdbc:h2:file:/path/name;...}: {@code /path/name.mv.db}); empty for anything else. */
    public Optional<Path> embeddedFile() {
        if (!url.startsWith("jdbc:h2:file:")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(url.substring("jdbc:h2:file:".length()).split(";", 2)[0] + ".mv.db"));
    }

    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    public boolean isH2() {
        return url.startsWith("jdbc:h2:");
    }

    public String driverClass() {
        if (isPostgres()) {
            return "org.postgresql.Driver";
        }
        if (isH2()) {
            return "org.h2.Driver";
        }
        throw new IllegalArgumentException("unsupported database URL (use jdbc:h2: or jdbc:postgresql:): " + url);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user + "]";
    }
}
