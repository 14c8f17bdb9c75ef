package app.frontdesk.bench;

import app.frontdesk.application.Meter;
import app.frontdesk.application.pipeline.InboundProcessor;
import app.frontdesk.domain.model.inbound.Envelope;
import app.frontdesk.infrastructure.persistence.DatabaseSettings;
import app.frontdesk.testkit.GatewayFixture;
import app.frontdesk.testkit.GatewayProcess;
import app.frontdesk.testkit.TestDatabases;
import app.frontdesk.testkit.TestMail;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Throughput of the gateway on this machine, as ratios measured in one run (docs/benchmarks.md):
 * <ul>
 *   <li>accepted messages/s (4 KB, concurrency 8) next to the no-op endpoint of the same server;</li>
 *   <li>processed messages/s (routed, outbox rows committed): the pipeline alone over stored messages,
 *       and end to end in the server (from the first acceptance until nothing waits);</li>
 *   <li>the pipe client's time per message next to plain curl posting the same file.</li>
 * </ul>
 * Run on H2 and on PostgreSQL. The load generator runs on the same two cores as the server.
 */
public final class GatewayBenchmark {

    static final int CONCURRENCY = 8;

    public static void main(String[] args) throws Exception {
        int messages = Integer.getInteger("bench.messages", 10_000);
        int pipeRuns = Integer.getInteger("bench.pipeRuns", 200);
        String only = System.getProperty("bench.db", "h2,postgresql");
        StringBuilder report = new StringBuilder();
        for (String db : only.split(",")) {
            report.append(Boolean.getBoolean("bench.pipelineOnly")
                    ? processorAlone(db.strip().equals("postgresql") ? TestDatabases.postgres() : TestDatabases.h2(), messages)
                    : run(db.strip(), messages, pipeRuns));
        }
        System.out.println("\n==== Frontdesk benchmark (" + Runtime.getRuntime().availableProcessors() + " cores, concurrency "
                + CONCURRENCY + ", 4 KB messages) ====\n" + report);
    }

    static byte[] message(int i) {
        return message(i, "");
    }

    /** {@code strangers}: a suffix for the four unknown senders' addresses, so that a warm-up leaves no open case to the measured run. */
    static byte[] message(int i, String strangers) {
        StringBuilder body = new StringBuilder();
        while (body.length() < 3600) {
            body.append("Order ").append(i).append(": the delivery did not arrive, please check. ");
        }
        // 40 senders, 4 of them unknown: a batch holds repeat senders, as real support mail does.
        int sender = Math.floorMod(i, 40);
        String local = "customer" + sender + (sender >= 36 ? strangers : "");
        return TestMail.from("Customer " + sender + " <" + local + "@northwind.example>").subject("Order " + i)
                .messageId("<bench-" + i + "-" + System.nanoTime() + "@northwind.example>").body(body + "\r\n").bytes();
    }

    static String run(String db, int messages, int pipeRuns) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("FRONTDESK_DEMO_DATA", "true");
        String pgDb = null;
        if (db.equals("postgresql")) {
            pgDb = "fd_bench_" + System.currentTimeMillis();
            try (Connection c = DriverManager.getConnection(TestDatabases.PG_URL, TestDatabases.PG_USER, "")) {
                c.createStatement().execute("CREATE DATABASE " + pgDb);
            }
            env.put("FRONTDESK_DB_URL", TestDatabases.PG_URL.replace("/test", "/" + pgDb));
            env.put("FRONTDESK_DB_USER", TestDatabases.PG_USER);
        }
        Path dir = Path.of("target/bench/" + db);
        GatewayProcess.fresh(dir);
        StringBuilder out = new StringBuilder("\n-- " + db + " --\n");
        try (GatewayProcess gw = new GatewayProcess(dir, env).start()) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String contacts = java.util.stream.IntStream.range(0, 36).mapToObj(k -> "{\"address\":\"customer" + k
                    + "@northwind.example\"}").collect(java.util.stream.Collectors.joining(","));
            var created = gw.post("/api/accounts", GatewayProcess.ADMIN_TOKEN, "application/json",
                    ("{\"name\":\"Bench\",\"domains\":[\"northwind.example\"],\"contacts\":[" + contacts + "]}")
                            .getBytes(StandardCharsets.UTF_8));
            if (created.statusCode() != 201) {
                throw new IllegalStateException("cannot create the benchmark account: " + created.body());
            }
            byte[] sample = message(-1);
            // warm-up: JIT, pools, caches
            load(http, gw.url() + "/api/noop", 3000, i -> sample);
            load(http, gw.url() + "/api/inbound", 2000, GatewayBenchmark::message);
            waitUntilProcessed(gw);

            double noop = load(http, gw.url() + "/api/noop", messages, i -> sample);
            long start = System.nanoTime();
            double accepted = load(http, gw.url() + "/api/inbound", messages, i -> message(100_000 + i));
            waitUntilProcessed(gw);
            double endToEnd = messages / ((System.nanoTime() - start) / 1e9);
            double noop2 = load(http, gw.url() + "/api/noop", messages, i -> sample);

            out.append(String.format(Locale.ROOT, "no-op endpoint:             %8.0f req/s (again after: %.0f)%n", noop, noop2));
            out.append(String.format(Locale.ROOT, "accepted (stored, 202):     %8.0f msg/s  = %.2fx no-op (target >= 0.5x)%n",
                    accepted, accepted / Math.max(noop, noop2)));
            out.append(String.format(Locale.ROOT, "end to end in the server:   %8.0f msg/s  (first accept until nothing waits; accept and pipeline share the cores)%n",
                    endToEnd));
            out.append(pipeVersusCurl(gw, dir, pipeRuns));
        }
        out.append(processorAlone(db.equals("postgresql") ? TestDatabases.postgres() : TestDatabases.h2(), messages));
        if (pgDb != null) {
            try (Connection c = DriverManager.getConnection(TestDatabases.PG_URL, TestDatabases.PG_USER, "")) {
                c.createStatement().execute("DROP DATABASE IF EXISTS " + pgDb + " WITH (FORCE)");
            }
        }
        return out.toString();
    }

    interface Body {
        byte[] of(int i);
    }

    /** Sends {@code n} POSTs with {@link #CONCURRENCY} keep-alive connections; answers requests per second. */
    static double load(HttpClient http, String url, int n, Body body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < CONCURRENCY; t++) {
            done.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < n) {
                    HttpRequest req = HttpRequest.newBuilder(URI.create(url))
                            .header("Authorization", "Bearer " + GatewayProcess.MTA_TOKEN)
                            .header("Content-Type", "message/rfc822")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body.of(i))).build();
                    HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 202) {
                        failed.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " requests to " + url + " failed");
        }
        return n / seconds;
    }

    static void waitUntilProcessed(GatewayProcess gw) throws Exception {
        while (true) {
            String health = gw.get("/health/ready", null).body();
            if (health.contains("\"inboundWaiting\":\"0\"") && health.contains("\"outboxBacklog\":\"0\"")) {
                return;
            }
            Thread.sleep(100);
        }
    }

    static String pipeVersusCurl(GatewayProcess gw, Path dir, int runs) throws Exception {
        Path file = dir.resolve("sample.eml");
        Files.write(file, message(-2));
        String pipe = GatewayProcess.pipe().toAbsolutePath().toString();
        List<String> pipeCmd = List.of("bash", "-c", "for i in $(seq " + runs + "); do " + pipe + " --url " + gw.url()
                + " < " + file + " || exit 1; done");
        List<String> curlCmd = List.of("bash", "-c", "for i in $(seq " + runs + "); do curl -sS -o /dev/null -f -H 'Authorization: Bearer "
                + GatewayProcess.MTA_TOKEN + "' -H 'Content-Type: message/rfc822' --data-binary @" + file + " " + gw.url()
                + "/api/inbound || exit 1; done");
        time(pipeCmd, 20);
        time(curlCmd, 20);
        double curl = time(curlCmd, runs);
        double viaPipe = time(pipeCmd, runs);
        double curl2 = time(curlCmd, runs);
        double c = Math.min(curl, curl2);
        return String.format(Locale.ROOT, "pipe client:                %8.2f ms/msg = %.2fx curl (%.2f, %.2f ms/msg; target <= 1.5x)%n",
                viaPipe, viaPipe / c, curl, curl2);
    }

    /** Milliseconds per iteration of a command that loops {@code runs} times. */
    static double time(List<String> command, int runs) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("FRONTDESK_MTA_TOKEN", GatewayProcess.MTA_TOKEN);
        long start = System.nanoTime();
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("benchmark command failed: " + output);
        }
        return (System.nanoTime() - start) / 1e6 / runs;
    }

    /** The pipeline alone: stored messages processed by two workers (as the server runs them), no HTTP. */
    static String processorAlone(DatabaseSettings settings, int messages) throws Exception {
        try (GatewayFixture gw = new GatewayFixture(settings)) {
            gw.account("Northwind", "northwind.example", java.util.stream.IntStream.range(0, 36)
                    .mapToObj(k -> "customer" + k + "@northwind.example").toArray(String[]::new));
            int workers = Integer.getInteger("bench.workers", 2);
            int batch = Integer.getInteger("bench.batch", 100);
            // Warm-up: the server runs for days, so the JIT has compiled the pipeline long before; measured
            // cold, the C2 compiler thread used about as much CPU as both workers together.
            int warmup = Integer.getInteger("bench.pipelineWarmup", 5000);
            for (int i = 0; i < warmup; i++) {
                gw.intake.accept(message(-10_000 - i, "-warm-up"), Envelope.UNKNOWN);
            }
            InboundProcessor warm = new InboundProcessor(gw.db, gw.pipeline, gw.services.adminAlert, gw.clock,
                    Meter.NONE, batch, 3);
            long warmStart = System.nanoTime();
            while (warm.processDue() > 0) {
                // next batch
            }
            double warmRate = warmup / Math.max(1e-9, (System.nanoTime() - warmStart) / 1e9);
            long warmRouted = gw.db.inTransaction(r -> r.inbound().countInState(app.frontdesk.domain.model.inbound.InboundState.ROUTED));
            long warmHeld = gw.db.inTransaction(r -> r.inbound().countInState(app.frontdesk.domain.model.inbound.InboundState.HELD));
            long warmRows = gw.db.inTransaction(r -> r.outbox().countInState(app.frontdesk.domain.model.outbox.OutboxState.PENDING));
            long intakeStart = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                gw.intake.accept(message(i), Envelope.UNKNOWN);
            }
            double intakeRate = messages / ((System.nanoTime() - intakeStart) / 1e9);
            // -Dbench.affinity=false: every worker takes any due message (no sender shares), for comparison
            boolean affinity = !"false".equals(System.getProperty("bench.affinity"));
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                InboundProcessor p = new InboundProcessor(gw.db, gw.pipeline,
                        gw.services.adminAlert, gw.clock, Meter.NONE, batch, 3);
                int slot = w;
                threads.add(new Thread(() -> { while ((affinity ? p.processDue(slot, workers) : p.processDue()) > 0) { } }));
            }
            long start = System.nanoTime();
            long jvm0 = BenchCpu.jvmNanos();
            long pg0 = BenchCpu.postgresTicks();
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
            double rate = messages / ((System.nanoTime() - start) / 1e9);
            double jvmMs = (BenchCpu.jvmNanos() - jvm0) / 1e6 / messages;
            double pgMs = (BenchCpu.postgresTicks() - pg0) * 10.0 / messages; // USER_HZ 100
            long routed = gw.db.inTransaction(r -> r.inbound().countInState(app.frontdesk.domain.model.inbound.InboundState.ROUTED)) - warmRouted;
            long held = gw.db.inTransaction(r -> r.inbound().countInState(app.frontdesk.domain.model.inbound.InboundState.HELD)) - warmHeld;
            // outbox rows: the forwards, plus the unknown senders' replies, alerts and questions to the account's contacts
            long rows = gw.db.inTransaction(r -> r.outbox().countInState(app.frontdesk.domain.model.outbox.OutboxState.PENDING)) - warmRows;
            if (routed + held != messages || rows < routed) {
                throw new IllegalStateException("expected " + messages + " messages routed or held, found " + routed + " routed, "
                        + held + " held and " + rows + " outbox rows");
            }
            return String.format(Locale.ROOT, "processed, pipeline alone:  %8.0f msg/s  (%d stored messages: %d forwarded, %d held; %d outbox rows committed; %d workers%s, batch %d%s)%n"
                            + "  CPU per message: this JVM %.2f ms, PostgreSQL %.2f ms; before it, JIT cold: %d messages by one worker at %.0f msg/s;%n"
                            + "  stored by MessageIntake in this process, one thread, no HTTP: %.0f msg/s%n",
                    rate, messages, routed, held, rows, workers, affinity ? " by sender" : " taking any", batch,
                    settings.isPostgres() ? "; target >= 1000 on PostgreSQL" : "", jvmMs, pgMs, warmup, warmRate, intakeRate);
        }
    }

    private GatewayBenchmark() {
    }

}
