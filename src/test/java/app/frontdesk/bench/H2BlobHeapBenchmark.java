package app.frontdesk.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What embedded H2 itself keeps on the heap while it stores one large BLOB, with no array of ours: a child JVM
 * ({@code -Xmx192m}, as HeapBenchmark's gateway) opens a fresh H2 file as the gateway does, inserts a 25 MB body
 * from a generated stream, commits and writes the file ({@code CHECKPOINT}, as {@code Database} does after every
 * commit), three times. The figure is the most heap in use after any collection, above the heap after the
 * collection before the first insert. Issue 11 asks for at most ~3x the message size for the whole gateway; this
 * shows how much of that H2 takes by itself (docs/benchmarks.md). Run:
 * {@code mvn -B -q test-compile exec:java -Dexec.mainClass=app.frontdesk.bench.H2BlobHeapBenchmark -Dexec.classpathScope=test}
 * ({@code -Dbench.h2.options=;CACHE_SIZE=1024} appends settings to the URL).
 */
public final class H2BlobHeapBenchmark {

    static final int SIZE = 25_000_000;
    private static final Pattern AFTER_GC = Pattern.compile("(\\d+)M->(\\d+)M\\(");

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of("target/bench/h2-blob"));
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Path gcLog = dir.resolve("gc.log");
        String xmx = System.getProperty("frontdesk.gateway.xmx", "192m");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + xmx,
                "-Xlog:gc:file=" + gcLog, "-cp", location(Child.class) + java.io.File.pathSeparator + location(org.h2.Driver.class), Child.class.getName(),
                "jdbc:h2:file:" + dir.toAbsolutePath().resolve("frontdesk") + ";DB_CLOSE_ON_EXIT=FALSE" + System.getProperty("bench.h2.options", "")));
        Process child = new ProcessBuilder(cmd).inheritIO().start();
        if (child.waitFor() != 0) {
            throw new IllegalStateException("the child JVM failed: exit " + child.exitValue());
        }
        long baseline = Long.parseLong(Files.readString(dir.resolve("baseline")).strip());
        long max = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = AFTER_GC.matcher(line);
            if (m.find()) {
                max = Math.max(max, Long.parseLong(m.group(2)));
            }
        }
        double mb = SIZE / 1048576.0;
        System.out.printf("%nEmbedded H2 alone, one %.1f MB BLOB from a stream, -Xmx%s: baseline %d MB after GC, most after any GC %d MB:"
                + " +%d MB = %.2fx the body%n", mb, xmx, baseline, max, max - baseline, (max - baseline) / mb);
    }

    /** exec:java runs in Maven's JVM, whose class path is Maven's: the child gets this class and H2 by where they came from. */
    private static String location(Class<?> c) throws Exception {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    /** The child JVM: H2 and a generated body, nothing else. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            try (Connection c = DriverManager.getConnection(args[0], "sa", "")) {
                c.createStatement().execute("CREATE TABLE raw (id BIGINT PRIMARY KEY, raw BLOB)");
                System.gc();
                Thread.sleep(200);
                Runtime rt = Runtime.getRuntime();
                Files.writeString(Path.of("target/bench/h2-blob/baseline"), String.valueOf((rt.totalMemory() - rt.freeMemory()) >> 20));
                for (int round = 0; round < 3; round++) {
                    c.setAutoCommit(false);
                    try (PreparedStatement insert = c.prepareStatement("INSERT INTO raw VALUES (?, ?)")) {
                        insert.setLong(1, round);
                        insert.setBinaryStream(2, new Generated(SIZE), SIZE);
                        insert.executeUpdate();
                    }
                    c.commit();
                    c.setAutoCommit(true);
                    c.createStatement().execute("CHECKPOINT");
                }
            }
        }
    }

    /** Letters, generated as they are read: the body never exists as one array. */
    private static final class Generated extends InputStream {
        private long left;

        Generated(long size) {
            left = size;
        }

        @Override
        public int read() {
            return left-- <= 0 ? -1 : 'a' + (int) (left % 26);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) ('a' + (left - i) % 26);
            }
            left -= n;
            return n;
        }
    }
}
