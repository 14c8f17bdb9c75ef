package app.frontdesk.bench;

import app.frontdesk.testkit.GatewayProcess;
import app.frontdesk.testkit.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
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
 * One gateway, then two, over one fresh PostgreSQL database each, in the same run: messages handed over with
 * concurrency 8, split evenly over the instances, timed from the first handover until every message is decided
 * (its forward committed to the outbox; mail leaves as files). Shows what a second instance costs or gains on
 * this machine. {@code -Dbench.messages=2000 -Dbench.instances=1,2}; each instance's CPU in the run and over
 * {@code -Dbench.restSeconds} (40) at rest after it, the leader marked: what the leader's once-only jobs cost.
 */
public final class ClusterBenchmark {

    public static void main(String[] args) throws Exception {
        int messages = Integer.getInteger("bench.messages", 2_000);
        StringBuilder report = new StringBuilder();
        for (String n : System.getProperty("bench.instances", "1,2").split(",")) {
            report.append(run(Integer.parseInt(n.strip()), messages));
        }
        System.out.println("\n==== Frontdesk on PostgreSQL, 1 and 2 instances (" + Runtime.getRuntime().availableProcessors()
                + " cores, concurrency 8, 4 KB messages, " + messages + " messages) ====\n" + report);
    }

    static String run(int instances, int messages) throws Exception {
        String db = "fd_cluster_bench_" + System.currentTimeMillis();
        String url = TestDatabases.PG_URL.replace("/test", "/" + db);
        TestDatabases.sql(TestDatabases.PG_URL, "CREATE DATABASE " + db);
        List<GatewayProcess> gateways = new ArrayList<>();
        try {
            for (int i = 0; i < instances; i++) {
                Map<String, String> env = new HashMap<>(Map.of("FRONTDESK_DB_URL", url, "FRONTDESK_DB_USER", TestDatabases.PG_USER,
                        "FRONTDESK_DEMO_DATA", "true", "FRONTDESK_INSTANCE_ID", "bench-" + i));
                gateways.add(new GatewayProcess(GatewayProcess.fresh(Path.of("target/bench/cluster-" + i)), env).start());
            }
            String contacts = java.util.stream.IntStream.range(0, 36).mapToObj(k -> "{\"address\":\"customer" + k
                    + "@northwind.example\"}").collect(java.util.stream.Collectors.joining(","));
            gateways.get(0).post("/api/accounts", GatewayProcess.ADMIN_TOKEN, "application/json",
                    ("{\"name\":\"Bench\",\"domains\":[\"northwind.example\"],\"contacts\":[" + contacts + "]}").getBytes(StandardCharsets.UTF_8));
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            handOver(http, gateways, 0, 300); // warm-up
            awaitDecided(url, 300);
            double[] before = cpu(gateways);
            long start = System.nanoTime();
            double acceptSeconds = handOver(http, gateways, 1_000, 1_000 + messages);
            awaitDecided(url, 300 + messages);
            double seconds = (System.nanoTime() - start) / 1e9;
            double[] busy = minus(cpu(gateways), before);
            // What the leader costs: each instance's CPU at rest over one housekeeping period and a little more (the leader
            // runs the once-only jobs every 30 s; the others only look for work), and under load, leader marked.
            double[] restStart = cpu(gateways);
            Thread.sleep(IDLE_MILLIS);
            double[] rest = minus(cpu(gateways), restStart);
            StringBuilder perInstance = new StringBuilder();
            for (int i = 0; i < gateways.size(); i++) {
                perInstance.append(String.format(Locale.ROOT, "    instance %d%s: CPU %.2f s in the run (%.0f us a message), %.2f s in %d s at rest%n",
                        i, leads(gateways.get(i)) ? " (leader)" : "", busy[i], busy[i] * 1e6 / messages, rest[i], IDLE_MILLIS / 1000));
            }
            return String.format(Locale.ROOT, "%d instance%s: accepted %6.0f msg/s; accepted -> forwards committed %6.0f msg/s (%.1f s)%n",
                    instances, instances == 1 ? " " : "s", messages / acceptSeconds, messages / seconds, seconds) + perInstance;
        } finally {
            for (GatewayProcess g : gateways) {
                g.close();
            }
            TestDatabases.sql(TestDatabases.PG_URL, "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        }
    }

    private static final long IDLE_MILLIS = Long.getLong("bench.restSeconds", 40) * 1000;

    /** CPU seconds (user + system) each gateway's JVM has used so far, from /proc (Linux, 100 ticks a second). */
    private static double[] cpu(List<GatewayProcess> gateways) throws java.io.IOException {
        double[] used = new double[gateways.size()];
        for (int i = 0; i < used.length; i++) {
            String stat = java.nio.file.Files.readString(Path.of("/proc", String.valueOf(gateways.get(i).pid()), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            used[i] = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        }
        return used;
    }

    private static double[] minus(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    private static boolean leads(GatewayProcess g) {
        try {
            return g.get("/health/ready", null).body().contains("\"leader\":\"yes\"");
        } catch (Exception e) {
            return false;
        }
    }

    /** Hands messages {@code from} to {@code to} over, 8 at a time, round robin over the gateways; answers the seconds it took. */
    static double handOver(HttpClient http, List<GatewayProcess> gateways, int from, int to) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicInteger next = new AtomicInteger(from);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            done.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < to; i = next.getAndIncrement()) {
                    var r = HttpRequest.newBuilder(URI.create(gateways.get(i % gateways.size()).url() + "/api/inbound"))
                            .header("Authorization", "Bearer " + GatewayProcess.MTA_TOKEN).header("Content-Type", "message/rfc822")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(GatewayBenchmark.message(i))).build();
                    int code = http.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (code != 202) {
                        throw new IllegalStateException("message " + i + " answered " + code);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        return (System.nanoTime() - start) / 1e9;
    }

    private static void awaitDecided(String url, int count) throws Exception {
        try (Connection c = DriverManager.getConnection(url, TestDatabases.PG_USER, "")) {
            while (true) {
                try (ResultSet r = c.createStatement().executeQuery("SELECT COUNT(*) FROM inbound_message WHERE state <> 'RECEIVED'")) {
                    r.next();
                    if (r.getLong(1) >= count) {
                        return;
                    }
                }
                Thread.sleep(50);
            }
        }
    }
}
