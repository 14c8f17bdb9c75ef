package app.frontdesk.testkit;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A private OpenDMARC milter (the Debian package) for tests: its own configuration under a test directory, in the
 * foreground on a loopback port, writing Authentication-Results with the authserv-id the gateway trusts, as our
 * mail server's DMARC filter does. Offline it finds no DMARC record, so it says {@code dmarc=none}: what matters
 * here is where Postfix puts its field, not the verdict.
 */
public final class OpenDmarcInstance implements AutoCloseable {

    public static final Path OPENDMARC = Path.of("/usr/sbin/opendmarc");

    private final Process process;
    private final int port;
    private final Path log;

    private OpenDmarcInstance(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static boolean installed() {
        return Files.isExecutable(OPENDMARC);
    }

    public static OpenDmarcInstance start(Path dir, String authservId) throws Exception {
        Path base = Files.createDirectories(dir.toAbsolutePath());
        int port = GatewayProcess.freePort();
        Path ignore = Files.writeString(base.resolve("ignore-hosts"), "");
        Path conf = Files.writeString(base.resolve("opendmarc.conf"), String.join("\n",
                "AuthservID " + authservId,
                "TrustedAuthservIDs " + authservId,
                "Socket inet:" + port + "@127.0.0.1",
                "PidFile " + base.resolve("opendmarc.pid"),
                "Syslog false",
                // every client is local here: an empty list, or OpenDMARC would skip 127.0.0.1 and write nothing
                "IgnoreHosts " + ignore,
                "SPFIgnoreResults true",
                "SPFSelfValidate false",
                ""));
        Path log = base.resolve("opendmarc.log");
        Process p = new ProcessBuilder(OPENDMARC.toString(), "-f", "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("opendmarc exited " + p.exitValue() + ": " + Files.readString(log));
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                return new OpenDmarcInstance(p, port, log);
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException("opendmarc did not listen on " + port + ": " + Files.readString(log));
    }

    /** Postfix's {@code smtpd_milters} value for this milter. */
    public String milter() {
        return "inet:127.0.0.1:" + port;
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
