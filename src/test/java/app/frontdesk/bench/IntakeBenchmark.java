package app.frontdesk.bench;

import app.frontdesk.testkit.GatewayProcess;
import app.frontdesk.testkit.TestDatabases;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
 * Intake throughput before and after group commit (issue 16), in one run, on PostgreSQL: the packaged gateway
 * started twice on fresh databases, first with {@code FRONTDESK_INTAKE_BATCH=1} (one commit per message, as
 * before), then with the default; each time the no-op endpoint, HTTP accepts and LMTP deliveries, 4 KB
 * messages from 8 connections (docs/benchmarks.md). {@code -Dbench.messages} (3000), {@code -Dbench.batches=1,64}, {@code -Dbench.rounds} (3),
 * {@code -Dbench.giveWay=ms} ({@code FRONTDESK_PIPELINE_GIVE_WAY_MS}; 0: the pipeline never gives way to intake),
 * {@code -Dbench.jfr=/tmp/intake} (a flight recording of the gateway per batch size, {@code /tmp/intake-64.jfr}).
 */
public final class IntakeBenchmark {

    public static void main(String[] args) throws Exception {
        int messages = Integer.getInteger("bench.messages", 3000);
        if (Boolean.getBoolean("bench.inProcess")) {
            System.out.println(inProcess(messages));
            return;
        }
        StringBuilder report = new StringBuilder();
        for (String batch : System.getProperty("bench.batches", "1,64").split(",")) {
            report.append(run(Integer.parseInt(batch.strip()), messages));
        }
        System.out.println("\n==== Frontdesk intake benchmark (" + Runtime.getRuntime().availableProcessors() + " cores, PostgreSQL, "
                + GatewayBenchmark.CONCURRENCY + " connections, 4 KB messages, " + messages + " each) ====\n" + report);
    }

    static String run(int batch, int messages) throws Exception {
        TestDatabases.postgres();
        String pgDb = "fd_bench_intake_" + System.currentTimeMillis();
        TestDatabases.sql(TestDatabases.PG_URL, "CREATE DATABASE " + pgDb);
        int lmtpPort = GatewayProcess.freePort();
        Map<String, String> env = new HashMap<>(Map.of("FRONTDESK_DEMO_DATA", "true",
                "FRONTDESK_DB_URL", TestDatabases.PG_URL.replace("/test", "/" + pgDb), "FRONTDESK_DB_USER", TestDatabases.PG_USER,
                "FRONTDESK_INTAKE_BATCH", String.valueOf(batch), "FRONTDESK_LMTP_ADDRESS", "127.0.0.1:" + lmtpPort));
        if (System.getProperty("bench.jfr") != null) { // a flight recording of the gateway: where its CPU goes
            env.put("JAVA_TOOL_OPTIONS", "-XX:FlightRecorderOptions=stackdepth=256 -XX:StartFlightRecording=settings=profile,filename=" + System.getProperty("bench.jfr") + "-" + batch + ".jfr");
        }
        String giveWay = System.getProperty("bench.giveWay");
        if (giveWay != null) {
            env.put("FRONTDESK_PIPELINE_GIVE_WAY_MS", giveWay);
        }
        String lanes = System.getProperty("bench.lanes");
        if (System.getProperty("bench.laneWait") != null) {
            env.put("FRONTDESK_INTAKE_LANE_WAIT_MS", System.getProperty("bench.laneWait"));
        }
        if (lanes != null) {
            env.put("FRONTDESK_INTAKE_LANES", lanes);
        }
        Path dir = GatewayProcess.fresh(Path.of("target/bench/intake-" + batch));
        try (GatewayProcess gw = ready(new GatewayProcess(dir, env).launchOnly())) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            byte[] sample = GatewayBenchmark.message(-1);
            // warm-up: JIT, pools, caches, both ways in
            GatewayBenchmark.load(http, gw.url() + "/api/noop", 2000, i -> sample);
            GatewayBenchmark.load(http, gw.url() + "/api/inbound", 1000, i -> GatewayBenchmark.message(-100_000 - i));
            lmtp(lmtpPort, 1000, i -> GatewayBenchmark.message(-200_000 - i));
            GatewayBenchmark.waitUntilProcessed(gw);

            // Rounds (three by default), each way measured once per round, the best of each reported: the JIT of this 2-core machine is
            // still at work after the warm-up (the no-op endpoint answered 916 req/s in the first round, 1526 later), and
            // a ratio of a cold figure to a warm one says more about the order of the phases than about intake.
            int rounds = Integer.getInteger("bench.rounds", 3);
            double[] noop = new double[rounds];
            double[] accepted = new double[rounds];
            double[] viaLmtp = new double[rounds];
            double[] after354 = new double[rounds];
            Cpu[] noopCpu = new Cpu[rounds];
            Cpu[] httpCpu = new Cpu[rounds];
            Cpu[] lmtpCpu = new Cpu[rounds];
            for (int round = 0; round < rounds; round++) {
                int base = round * 10_000_000;
                // the messages are made before the clock runs, as the no-op's one body is: making 4 KB took the load
                // generator about 50 us of CPU a message, on the same two cores, counted against intake
                byte[][] viaHttp = new byte[messages][];
                byte[][] overLmtp = new byte[messages][];
                byte[][] waiting = new byte[messages][];
                for (int i = 0; i < messages; i++) {
                    viaHttp[i] = GatewayBenchmark.message(base + i);
                    overLmtp[i] = GatewayBenchmark.message(base + 1_000_000 + i);
                    waiting[i] = GatewayBenchmark.message(base + 2_000_000 + i);
                }
                Cpu before = Cpu.now(gw.pid());
                noop[round] = GatewayBenchmark.load(http, gw.url() + "/api/noop", messages, i -> sample);
                Cpu between = Cpu.now(gw.pid());
                accepted[round] = GatewayBenchmark.load(http, gw.url() + "/api/inbound", messages, i -> viaHttp[i]);
                Cpu after = Cpu.now(gw.pid());
                noopCpu[round] = between.minus(before);
                httpCpu[round] = after.minus(between);
                GatewayBenchmark.waitUntilProcessed(gw);
                before = Cpu.now(gw.pid());
                viaLmtp[round] = lmtp(lmtpPort, messages, i -> overLmtp[i]);
                lmtpCpu[round] = Cpu.now(gw.pid()).minus(before);
                GatewayBenchmark.waitUntilProcessed(gw);
                after354[round] = lmtp(lmtpPort, messages, i -> waiting[i], true);
                GatewayBenchmark.waitUntilProcessed(gw);
            }
            double bestNoop = java.util.Arrays.stream(noop).max().orElseThrow();
            double bestHttp = java.util.Arrays.stream(accepted).max().orElseThrow();
            double bestLmtp = java.util.Arrays.stream(viaLmtp).max().orElseThrow();
            double bestAfter354 = java.util.Arrays.stream(after354).max().orElseThrow();
            return String.format(Locale.ROOT, "%nFRONTDESK_INTAKE_BATCH=%d%s%s%s, best of %d rounds (each round's figure in brackets)%n"
                            + "  no-op endpoint:        %8.0f req/s %s%n"
                            + "  HTTP accepted (202):   %8.0f msg/s %s = %.2fx no-op (target >= 0.5x)%n"
                            + "  LMTP accepted (250):   %8.0f msg/s %s = %.2fx HTTP accepted (target >= 2x)%n"
                            + "  LMTP, content after 354 (as Postfix sends it): %.0f msg/s %s = %.2fx HTTP accepted%n",
                    batch, batch == 1 ? " (one commit per message: before group commit)" : " (group commit)",
                    lanes == null || batch == 1 ? "" : ", FRONTDESK_INTAKE_LANES=" + lanes,
                    giveWay == null ? "" : ", FRONTDESK_PIPELINE_GIVE_WAY_MS=" + giveWay, rounds,
                    bestNoop, rounds(noop), bestHttp, rounds(accepted), bestHttp / bestNoop, bestLmtp, rounds(viaLmtp), bestLmtp / bestHttp,
                    bestAfter354, rounds(after354), bestAfter354 / bestHttp)
                    + String.format(Locale.ROOT, "  CPU per request in the last round (gateway / PostgreSQL / load generator, us; wall %s):%n"
                            + "    no-op %s%n    HTTP accepted %s%n    LMTP accepted %s%n",
                            "us per request at 2 cores = " + Math.round(2e6 / noop[rounds - 1]) + " / " + Math.round(2e6 / accepted[rounds - 1])
                                    + " / " + Math.round(2e6 / viaLmtp[rounds - 1]),
                            noopCpu[rounds - 1].per(messages), httpCpu[rounds - 1].per(messages), lmtpCpu[rounds - 1].per(messages));
        } finally {
            TestDatabases.sql(TestDatabases.PG_URL, "DROP DATABASE IF EXISTS " + pgDb + " WITH (FORCE)");
        }
    }

    /**
     * Group commit alone, without Payara: MessageIntake over a fresh PostgreSQL schema from 8 threads, one commit per
     * message against group commit, in one run ({@code -Dbench.inProcess=true}).
     */
    static String inProcess(int messages) throws Exception {
        StringBuilder out = new StringBuilder("\nMessageIntake in this process, PostgreSQL, 8 threads, 4 KB messages, " + messages + " each:\n");
        // batch:lanes of each run, twice over (-Dbench.inProcessRuns=64:4 for one way); -Dbench.urlSuffix=&x=y adds
        // PostgreSQL JDBC properties, to measure a driver setting before it goes into the product
        String[][] runs = java.util.Arrays.stream(System.getProperty("bench.inProcessRuns", "1:1,64:1,64:2,64:4").split(","))
                .map(r -> r.split(":")).toArray(String[][]::new);
        runs = java.util.stream.Stream.concat(java.util.Arrays.stream(runs), java.util.Arrays.stream(runs)).toArray(String[][]::new);
        String suffix = System.getProperty("bench.urlSuffix", "");
        TestDatabases.postgres(); // fails under CI=true when PostgreSQL is not there
        for (String[] run : runs) {
            // a database of its own, so that the CPU counted is that of this run's backends (and the shared writers)
            String db = "fd_inproc_" + System.currentTimeMillis();
            TestDatabases.sql(TestDatabases.PG_URL, "CREATE DATABASE " + db);
            var pg = new app.frontdesk.infrastructure.persistence.DatabaseSettings(TestDatabases.PG_URL.replace("/test", "/" + db) + "?currentSchema=fd" + suffix,
                    TestDatabases.PG_USER, "");
            Map<String, String> env = new HashMap<>(Map.of("FRONTDESK_INTAKE_BATCH", run[0], "FRONTDESK_INTAKE_LANES", run[1]));
            if (run.length > 2) {
                env.put("FRONTDESK_INTAKE_LANE_WAIT_MS", run[2]); // batch:lanes:ms
            }
            try (app.frontdesk.testkit.GatewayFixture gw = new app.frontdesk.testkit.GatewayFixture(pg, env)) {
                Cpu before = Cpu.now(ProcessHandle.current().pid(), db);
                AtomicInteger next = new AtomicInteger();
                ExecutorService pool = Executors.newFixedThreadPool(GatewayBenchmark.CONCURRENCY);
                long start = System.nanoTime();
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < GatewayBenchmark.CONCURRENCY; t++) {
                    done.add(pool.submit(() -> {
                        int i;
                        while ((i = next.getAndIncrement()) < messages) {
                            gw.intake.accept(GatewayBenchmark.message(i), app.frontdesk.domain.model.inbound.Envelope.UNKNOWN);
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
                pool.shutdown();
                double seconds = (System.nanoTime() - start) / 1e9;
                Cpu used = Cpu.now(ProcessHandle.current().pid(), db).minus(before);
                out.append(String.format(Locale.ROOT, "  FRONTDESK_INTAKE_BATCH=%-3s LANES=%s%s %8.0f msg/s, CPU per message: this JVM %.0f us,"
                        + " PostgreSQL %.0f us%n", run[0], run[1], run.length > 2 ? " LANE_WAIT_MS=" + run[2] : "", messages / seconds, used.gateway() * 1e6 / messages,
                        used.postgres() * 1e6 / messages));
            } finally {
                TestDatabases.sql(TestDatabases.PG_URL, "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            }
        }
        return out.toString();
    }

    /** Waits up to 10 minutes for readiness: on a loaded machine Payara's start took longer than GatewayProcess.start waits. */
    static GatewayProcess ready(GatewayProcess gw) throws Exception {
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                if (gw.get("/health/ready", null).statusCode() == 200) {
                    return gw;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        gw.close();
        throw new IllegalStateException("the gateway did not become ready in 10 minutes; see its gateway.log");
    }

    /** Delivers {@code n} messages over LMTP from {@link GatewayBenchmark#CONCURRENCY} connections, pipelined; messages/s. */
    static double lmtp(int port, int n, GatewayBenchmark.Body body) throws Exception {
        return lmtp(port, n, body, false);
    }

    /**
     * @param after354 the content only after the server's 354 (a second round trip per delivery, as Postfix's LMTP client
     *     waits for it); false: the whole delivery in one write, as a client that does not wait sends it
     */
    static double lmtp(int port, int n, GatewayBenchmark.Body body, boolean after354) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(GatewayBenchmark.CONCURRENCY);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < GatewayBenchmark.CONCURRENCY; t++) {
            done.add(pool.submit(() -> {
                try (Socket s = new Socket("127.0.0.1", port)) {
                    s.setTcpNoDelay(true);
                    BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
                    // one write per delivery, as an MTA's buffered stream does (three small writes met Nagle's algorithm)
                    OutputStream out = new java.io.BufferedOutputStream(s.getOutputStream(), 64 * 1024);
                    expect(in, "220");
                    out.write("LHLO bench.test\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    String l;
                    while ((l = in.readLine()) != null && l.startsWith("250-")) {
                        // capabilities
                    }
                    int i;
                    while ((i = next.getAndIncrement()) < n) {
                        byte[] m = body.of(i); // CRLF lines, no line starts with a dot
                        out.write(("MAIL FROM:<customer@northwind.example> SIZE=" + m.length + "\r\nRCPT TO:<support@frontdesk.test>\r\nDATA\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                        if (after354) { // RFC 2920: DATA ends a group; the content follows its 354, as Postfix sends it
                            out.flush();
                            expect(in, "250");
                            expect(in, "250");
                            expect(in, "354");
                        }
                        out.write(m);
                        out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        if (!after354) {
                            expect(in, "250");
                            expect(in, "250");
                            expect(in, "354");
                        }
                        expect(in, "250");
                    }
                    out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        return n / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * CPU time used so far by the gateway's JVM, by all of PostgreSQL's processes and by this JVM (the load generator),
     * from /proc (Linux, 100 ticks a second): where the two cores went while a way was measured. A backend that ended
     * in between is not counted (the gateway's pool keeps its connections).
     */
    record Cpu(double gateway, double postgres, double client) {
        static Cpu now(long gatewayPid) throws IOException {
            return now(gatewayPid, null);
        }

        /** @param database when given, only the backends of that database count (and PostgreSQL's own writers): other tests may share the server */
        static Cpu now(long gatewayPid, String database) throws IOException {
            double pg = 0;
            try (var procs = java.nio.file.Files.list(Path.of("/proc"))) {
                for (Path p : procs.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                    try {
                        if (java.nio.file.Files.readString(p.resolve("comm")).strip().equals("postgres") && (database == null
                                || ours(new String(java.nio.file.Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8), database))) {
                            pg += seconds(p);
                        }
                    } catch (IOException e) {
                        // the process ended while we looked
                    }
                }
            }
            return new Cpu(seconds(Path.of("/proc", String.valueOf(gatewayPid))), pg,
                    seconds(Path.of("/proc", String.valueOf(ProcessHandle.current().pid()))));
        }

        /** A backend names its database and client ("postgres: 15/main: user db 127.0.0.1(5432) idle"); a writer names neither. */
        private static boolean ours(String cmdline, String database) {
            boolean backend = cmdline.contains("127.0.0.1(") || cmdline.contains("[local]") || cmdline.contains("::1(");
            return !backend || cmdline.contains(" " + database + " ");
        }

        private static double seconds(Path proc) throws IOException {
            String stat = java.nio.file.Files.readString(proc.resolve("stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime, stime (fields 14 and 15)
        }

        Cpu minus(Cpu o) {
            return new Cpu(gateway - o.gateway, postgres - o.postgres, client - o.client);
        }

        String per(int requests) {
            return String.format(Locale.ROOT, "%.0f / %.0f / %.0f", gateway * 1e6 / requests, postgres * 1e6 / requests, client * 1e6 / requests);
        }
    }

    private static String rounds(double[] figures) {
        return java.util.Arrays.stream(figures).mapToObj(f -> String.format(Locale.ROOT, "%.0f", f))
                .collect(java.util.stream.Collectors.joining(" / ", "(", ")"));
    }

    private static void expect(BufferedReader in, String code) throws IOException {
        String line = in.readLine();
        if (line == null || !line.startsWith(code)) {
            throw new IllegalStateException("LMTP: expected " + code + ", got " + line);
        }
    }

    private IntakeBenchmark() {
    }
}
