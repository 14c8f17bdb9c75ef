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
 * this machine. {@code -Dbench.messages=2000 -Dbench.instances=1,2}.
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
            long start = System.nanoTime();
            double acceptSeconds = handOver(http, gateways, 1_000, 1_000 + messages);
            awaitDecided(url, 300 + messages);
            double seconds = (System.nanoTime() - start) / 1e9;
            return String.format(Locale.ROOT, "%d instance%s: accepted %6.0f msg/s; accepted -> forwards committed %6.0f msg/s (%.1f s)%n",
                    instances, instances == 1 ? " " : "s", messages / acceptSeconds, messages / seconds, seconds);
        } finally {
            for (GatewayProcess g : gateways) {
                g.close();
            }
            TestDatabases.sql(TestDatabases.PG_URL, "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
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
