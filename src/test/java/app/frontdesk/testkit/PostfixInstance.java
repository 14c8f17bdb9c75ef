package app.frontdesk.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private Postfix (the Debian package) for tests: its own configuration and queue under a test
 * directory, SMTP on a loopback port, and one recipient routed to {@code target/frontdesk-pipe} through
 * a pipe(8) service exactly as docs/operations.md ("Postfix") tells operators to set it up.
 */
public final class PostfixInstance implements AutoCloseable {

    public static final Path POSTFIX = Path.of("/usr/sbin/postfix");

    private final Path configDir;
    private final int smtpPort;

    private PostfixInstance(Path configDir, int smtpPort) {
        this.configDir = configDir;
        this.smtpPort = smtpPort;
    }

    public static boolean installed() {
        return Files.isExecutable(POSTFIX);
    }

    /** For a test that needs Postfix: fails under CI=true when it is missing ({@code .ci/run} installs it), skips elsewhere. */
    public static void required() {
        if (!installed()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("Postfix is required under CI=true (.ci/run installs the Debian package)");
            }
            org.junit.jupiter.api.Assumptions.abort("Postfix is not installed (apt-get install postfix)");
        }
    }

    /** Starts Postfix delivering {@code recipient} to the pipe client with these arguments. */
    public static PostfixInstance start(Path dir, String recipient, String pipeArgs) throws Exception {
        return start(dir, recipient, "frontdesk:", pipeArgs, null);
    }

    /**
     * The same behind a milter (as our mail server runs OpenDMARC/OpenDKIM): {@code milter} is Postfix's
     * {@code smtpd_milters} value, e.g. {@code inet:127.0.0.1:8893}; a milter that does not answer defers the mail.
     */
    public static PostfixInstance withMilter(Path dir, String recipient, String pipeArgs, String milter) throws Exception {
        return start(dir, recipient, "frontdesk:", pipeArgs, milter);
    }

    /** Starts Postfix accepting mail for {@code domain} and discarding it: for what only the log should tell (envelopes). */
    public static PostfixInstance discarding(Path dir, String domain) throws Exception {
        return start(dir, "nobody@" + domain, "discard:", "", null);
    }

    /**
     * Starts Postfix delivering all mail for {@code domain} over LMTP to {@code 127.0.0.1:lmtpPort}, the transport
     * docs/operations.md ("Postfix over LMTP") tells operators to set up. With several ports, one transport with a
     * list of next-hops (Postfix 3.5 and later), as docs/operations.md ("Behind Postfix") shows for several
     * instances: {@code lmtp:inet:127.0.0.1:P1, 127.0.0.1:P2}. Postfix tries them in order, so the first takes the
     * mail and the next one takes it while the first refuses connections or answers 4xx. Only the first carries
     * {@code inet:}: Postfix 3.7 strips it in front of the whole list, and a second {@code inet:} is a fatal error
     * of the lmtp process (the mail then waits in the queue, nothing is logged as deferred).
     */
    public static PostfixInstance lmtp(Path dir, String domain, int... lmtpPorts) throws Exception {
        if (lmtpPorts.length == 0) {
            throw new IllegalArgumentException("at least one LMTP port");
        }
        return start(dir, "postmaster@" + domain, "lmtp:inet:" + java.util.Arrays.stream(lmtpPorts)
                .mapToObj(p -> "127.0.0.1:" + p).collect(java.util.stream.Collectors.joining(", ")), "", null);
    }

    private static PostfixInstance start(Path dir, String recipient, String transport, String pipeArgs, String milter)
            throws Exception {
        Path base = dir.toAbsolutePath();
        Path etc = Files.createDirectories(base.resolve("etc"));
        Path spool = Files.createDirectories(base.resolve("spool"));
        Path data = Files.createDirectories(base.resolve("data"));
        int port = GatewayProcess.freePort();
        Files.writeString(etc.resolve("main.cf"), String.join("\n",
                "compatibility_level = 3.6",
                "queue_directory = " + spool,
                "data_directory = " + data,
                "mail_owner = postfix",
                "myhostname = mx.frontdesk.test",
                "mydomain = frontdesk.test",
                "mydestination =",
                "relay_domains = " + recipient.substring(recipient.indexOf('@') + 1),
                "inet_interfaces = loopback-only",
                "inet_protocols = ipv4",
                "mynetworks = 127.0.0.0/8",
                "smtpd_relay_restrictions = permit_mynetworks, reject",
                // the entry in braces: a list of next-hops has commas, which would otherwise separate entries
                "transport_maps = inline:{ {" + (transport.equals("discard:") || transport.startsWith("lmtp:")
                        ? recipient.substring(recipient.indexOf('@') + 1) : recipient)
                        + "=" + transport + "} }",
                "frontdesk_destination_recipient_limit = 1",
                "maillog_file_prefixes = " + base,
                "maillog_file = " + base.resolve("postfix.log"),
                "queue_run_delay = 1s",
                "minimal_backoff_time = 1s",
                "maximal_backoff_time = 2s",
                "biff = no",
                milter == null ? "" : "smtpd_milters = " + milter + "\nmilter_default_action = tempfail",
                ""));
        String svc = "unix  -       -       n       -       -       ";
        Files.writeString(etc.resolve("master.cf"), String.join("\n",
                "127.0.0.1:" + port + " inet n - n - - smtpd",
                "pickup    unix  n       -       n       60      1       pickup",
                "cleanup   unix  n       -       n       -       0       cleanup",
                "qmgr      unix  n       -       n       300     1       qmgr",
                "rewrite   " + svc + "trivial-rewrite",
                "bounce    unix  -       -       n       -       0       bounce",
                "defer     unix  -       -       n       -       0       bounce",
                "trace     unix  -       -       n       -       0       bounce",
                "verify    unix  -       -       n       -       1       verify",
                "flush     unix  n       -       n       1000?   0       flush",
                "proxymap  " + svc + "proxymap",
                "smtp      " + svc + "smtp",
                "relay     " + svc + "smtp",
                "showq     unix  n       -       n       -       -       showq",
                "error     " + svc + "error",
                "retry     " + svc + "error",
                "discard   " + svc + "discard",
                "lmtp      " + svc + "lmtp",
                "local     unix  -       n       n       -       -       local",
                "anvil     unix  -       -       n       -       1       anvil",
                "scache    unix  -       -       n       -       1       scache",
                "postlog   unix-dgram n  -       n       -       1       postlogd",
                "# docs/operations.md, \"Postfix\": the pipe service, as an operator writes it",
                "frontdesk unix  -       n       n       -       4       pipe",
                "  flags=Rq user=nobody argv=" + GatewayProcess.pipe().toAbsolutePath() + " " + pipeArgs
                        + " --sender ${sender} --recipient ${recipient}",
                ""));
        run(List.of(POSTFIX.toString(), "-c", etc.toString(), "set-permissions"), true);
        run(List.of(POSTFIX.toString(), "-c", etc.toString(), "start"), false);
        return new PostfixInstance(etc, port);
    }

    public int smtpPort() {
        return smtpPort;
    }

    /** Postfix's own log (maillog_file), where deferrals and deliveries are written. */
    public String log() throws IOException {
        Path log = configDir.getParent().resolve("postfix.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /**
     * {@code postqueue -f}: delivers what waits in the queue now, as an operator does once the next hop is back.
     * The tests need it because of a race in Postfix's queue manager that the short retry times of this rig make
     * likely on a loaded machine: a deferred message whose delivery agent has answered but not yet released the
     * queue file is found again by the next deferred-queue scan, logged "skipped, still being delivered" and parked
     * in the incoming queue for 60 s, where only new mail or a flush looks at it again (seen in CI: one message of
     * 1,012 still waiting 3 minutes later). The message is Postfix's, never answered by us, so a flush hides no loss.
     */
    public void flush() throws Exception {
        run(List.of(POSTFIX.resolveSibling("postqueue").toString(), "-c", configDir.toString(), "-f"), true);
    }

    private static void run(List<String> command, boolean ignoreFailure) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || (p.exitValue() != 0 && !ignoreFailure)) {
            throw new IllegalStateException(command + " failed: " + out);
        }
    }

    @Override
    public void close() throws Exception {
        run(List.of(POSTFIX.toString(), "-c", configDir.toString(), "stop"), true);
    }
}
