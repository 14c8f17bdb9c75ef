package app.frontdesk.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged gateway ({@code target/frontdesk.jar}) as a child process, the way an operator runs it,
 * and the packaged pipe client ({@code target/frontdesk-pipe}) the way Postfix runs it.
 */
public final class GatewayProcess implements AutoCloseable {

    public static final String MTA_TOKEN = "mta-token-for-tests";
    public static final String ADMIN_TOKEN = "admin-token-for-tests";

    private final Path workDir;
    private final Map<String, String> env;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;

    public GatewayProcess(Path workDir, Map<String, String> extraEnv) {
        this(workDir, extraEnv, freePort());
    }

    /** A gateway on a given HTTP port, as a restarted one keeps the URL the mail server knows. */
    public GatewayProcess(Path workDir, Map<String, String> extraEnv, int port) {
        this.workDir = workDir;
        this.port = port;
        this.env = new HashMap<>();
        env.put("FRONTDESK_DATA_DIR", workDir.resolve("data").toString());
        env.put("FRONTDESK_MTA_TOKEN", MTA_TOKEN);
        env.put("FRONTDESK_ADMIN_TOKEN", ADMIN_TOKEN);
        env.put("FRONTDESK_HELPDESK_ADDRESS", "helpdesk@frontdesk.test");
        env.put("FRONTDESK_FROM_ADDRESS", "frontdesk@frontdesk.test");
        env.put("FRONTDESK_TRUSTED_AUTHSERV_IDS", GatewayFixture.AUTHSERV_ID);
        env.put("FRONTDESK_CONFIG_DIR", Path.of("server-config").toAbsolutePath().toString());
        env.put("FRONTDESK_PUBLIC_URL", "http://127.0.0.1:" + port);
        // GreenMail answers MAIL FROM:<> and then refuses every RCPT; NullSenderIT checks the null sender on a real Postfix
        env.put("FRONTDESK_AUTOREPLY_ENVELOPE_FROM", "autoreply@frontdesk.test");
        env.putAll(extraEnv);
    }

    public static Path jar() {
        return Path.of(System.getProperty("frontdesk.jar", "target/frontdesk.jar"));
    }

    public static Path pipe() {
        return Path.of(System.getProperty("frontdesk.pipe", "target/frontdesk-pipe"));
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes what an earlier run left in {@code dir} (database, outbox, logs), for a test that starts afresh. */
    public static Path fresh(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return dir;
    }

    /**
     * Starts the gateway and waits until /health/ready says UP. Each start unpacks Payara into a root
     * directory of its own: a reused one makes Payara redeploy the application it finds there.
     */
    public GatewayProcess start() throws Exception {
        launch();
        // 120 s is ample on an idle machine; a machine several builds share may need -Dfrontdesk.gateway.readySeconds=300
        long readySeconds = Long.getLong("frontdesk.gateway.readySeconds", 120);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(readySeconds);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the gateway exited with " + process.exitValue() + "; see " + workDir.resolve("gateway.log"));
            }
            try {
                if (get("/health/ready", null).statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        // a try-with-resources never closes what start() did not return: end the 1 GB child here
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        throw new IllegalStateException("the gateway did not become ready in " + readySeconds + " s; see " + workDir.resolve("gateway.log"));
    }

    /**
     * Starts a gateway that is expected not to start, and waits for its process to end.
     *
     * @return its exit code; the test fails (and the process is killed) when it still runs after {@code seconds}
     */
    public int startExpectingExit(long seconds) throws Exception {
        return startExpectingExit(seconds, String.valueOf(port));
    }

    /**
     * As {@link #startExpectingExit(long)}, with {@code --port} given exactly as an operator typed it
     * ({@code abc}, {@code 70000}): the command line is what is wrong.
     */
    public int startExpectingExit(long seconds, String portArgument) throws Exception {
        launch(portArgument);
        return awaitExit(seconds);
    }

    /** Starts the gateway and returns at once, for a test that watches what it prints before it ends. */
    public GatewayProcess launchOnly() throws IOException {
        launch();
        return this;
    }

    /**
     * Waits until the gateway's output contains {@code text}.
     *
     * @return false when the process ended, or {@code seconds} passed, first
     */
    public boolean awaitLog(String text, long seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (log().contains(text)) {
                return true;
            }
            if (!process.isAlive()) {
                return log().contains(text);
            }
            Thread.sleep(20);
        }
        return false;
    }

    /**
     * Waits for a gateway that is expected to stop by itself.
     *
     * @return its exit code; the test fails (and the process is killed) when it still runs after {@code seconds}
     */
    public int awaitExit(long seconds) throws Exception {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("the gateway still ran after " + seconds + " s; see " + workDir.resolve("gateway.log"));
        }
        return process.exitValue();
    }

    /** What the gateway printed (standard output and error). */
    public String log() throws IOException {
        Path log = workDir.resolve("gateway.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private void launch() throws IOException {
        launch(String.valueOf(port));
    }

    private void launch(String portArgument) throws IOException {
        Files.createDirectories(workDir);
        Path rootDir = workDir.resolve("payara-" + System.nanoTime());
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Xmx" + System.getProperty("frontdesk.gateway.xmx", "1g"), "-jar", jar().toAbsolutePath().toString(),
                "--port", portArgument, "--rootdir", rootDir.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("gateway.log").toFile()));
        pb.environment().putAll(env);
        process = pb.start();
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return get(path, token, Map.of());
    }

    /** A GET with extra request headers ({@code Accept-Language} ...). */
    public HttpResponse<String> get(String path, String token, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String token, String contentType, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Runs target/frontdesk-pipe against this gateway with {@code message} on its standard input. */
    public PipeResult pipe(byte[] message, String... args) throws Exception {
        return runPipe(url(), message, args);
    }

    public static PipeResult runPipe(String url, byte[] message, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(pipe().toAbsolutePath().toString(), "--url", url));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("FRONTDESK_MTA_TOKEN", MTA_TOKEN);
        pb.environment().remove("SENDER");
        pb.environment().remove("RECIPIENT");
        Process p = pb.start();
        Thread writer = new Thread(() -> {
            try (var in = p.getOutputStream()) {
                in.write(message);
            } catch (IOException e) {
                // the pipe client may stop reading early (server gone); its exit code tells
            }
        });
        writer.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("frontdesk-pipe did not finish");
        }
        writer.join();
        return new PipeResult(p.exitValue(), out.strip());
    }

    public record PipeResult(int exitCode, String output) {
    }

    /** Stops the gateway the hard way: SIGKILL, no shutdown hooks, nothing flushed. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** A JSON object answer of the gateway. */
    public static jakarta.json.JsonObject json(String body) {
        return jakarta.json.Json.createReader(new java.io.StringReader(body)).readObject();
    }
}
