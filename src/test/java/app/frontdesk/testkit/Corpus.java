package app.frontdesk.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The shared real-mail corpus (../shared/mail-corpus, given as -Dfrontdesk.corpus), used by path and
 * never copied into the repository.
 */
public final class Corpus {

    private Corpus() {
    }

    public static Optional<Path> root() {
        String p = System.getProperty("frontdesk.corpus");
        if (p == null) {
            return Optional.empty();
        }
        Path root = Path.of(p);
        return Files.isDirectory(root) ? Optional.of(root) : Optional.empty();
    }

    /** Every message file (not LICENSE, NOTICE or README files). */
    public static List<Path> messages(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> {
                        String n = f.getFileName().toString();
                        return !n.startsWith("LICENSE") && !n.startsWith("NOTICE") && !n.startsWith("README") && !n.startsWith(".");
                    })
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A bounce of sisimai-bounces, that is every file there but those under not/. */
    public static boolean isBounce(Path root, Path file) {
        Path rel = root.relativize(file);
        return rel.getName(0).toString().equals("sisimai-bounces") && !rel.toString().contains("/not/");
    }
}
