package app.frontdesk.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A text file of server-config: the operator's copy under the configuration directory when there is
 * one (edited without a rebuild), else the copy bundled in the application at {@code /server-config/}.
 *
 * @param text   the content, UTF-8, line ends as written
 * @param source where it came from, for messages that name the file
 */
public record ConfigFile(String text, String source) {

    /**
     * @param dir      the directory the operator's copy is looked for in (may be null)
     * @param relative the file's path below server-config, such as {@code wording/ru.rules}
     * @param bundled  where the bundled copy lies below {@code /server-config/} when it differs from {@code relative}
     * @throws IllegalStateException when neither copy exists or the operator's cannot be read
     */
    public static ConfigFile read(Path dir, String relative, String bundled) {
        Path file = dir == null ? null : dir.resolve(relative);
        try {
            if (file != null && Files.isRegularFile(file)) {
                return new ConfigFile(Files.readString(file, StandardCharsets.UTF_8), file.toString());
            }
            try (InputStream in = ConfigFile.class.getResourceAsStream("/server-config/" + bundled)) {
                if (in == null) {
                    throw new IllegalStateException(relative + ": no such file in " + dir + " nor in the application");
                }
                return new ConfigFile(new String(in.readAllBytes(), StandardCharsets.UTF_8), "bundled " + relative);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + (file == null ? relative : file) + ": " + e.getMessage(), e);
        }
    }

    public static ConfigFile read(Path dir, String relative) {
        return read(dir, relative, relative);
    }
}
