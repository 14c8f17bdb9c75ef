package app.frontdesk.bench;

import app.frontdesk.testkit.GatewayFixture;
import app.frontdesk.testkit.GatewayProcess;
import app.frontdesk.testkit.HostileMail;
import app.frontdesk.testkit.TestMail;
import jakarta.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Heap growth of the packaged gateway (embedded H2, outgoing mail to files, -Xmx1g) while it takes one
 * large message from intake to its last outgoing mail (issue 11: at most ~3x the message's size). The
 * heap is sampled from /metrics every 10 ms; the baseline is the used heap after a full GC just before
 * the message. A peak includes garbage not yet collected, so it bounds the growth from above (and with a small
 * heap it is bounded by the heap's free room). The live growth leaves the garbage out: the most heap in use right
 * after a collection while the message went through, from the gateway's GC log ({@code target/bench/heap/gc.log}).
 * Run: {@code mvn -B -q -DskipTests package && mvn -B -q exec:java -Dexec.mainClass=app.frontdesk.bench.HeapBenchmark -Dexec.classpathScope=test}
 * (add {@code -Dbench.db=postgresql} for the local PostgreSQL, {@code -Dfrontdesk.gateway.xmx=256m} for a smaller heap,
 * {@code -Dbench.only=stranger} for the messages whose name holds that word, {@code -Dfrontdesk.jar=...} for another build, {@code -Dbench.jfr=/tmp/heap.jfr} for a flight
 * recording of the gateway with its allocations: {@code jfr print --events jdk.ObjectAllocationSample}).
 */
public final class HeapBenchmark {

    private static final String KNOWN = "anna.petrova@romashka.example"; // a contact of the demo data

    public static void main(String[] args) throws Exception {
        Map<String, byte[]> messages = new LinkedHashMap<>();
        messages.put("25 MB cap, known contact (forwarded)", verified(HostileMail.bigBase64Text(KNOWN, 18_300_000)));
        messages.put("25 MB cap, stranger (held, manager alerted)", HostileMail.bigBase64Text("ceo@romashka.example", 18_300_000));
        messages.put("1M header fields, stranger", HostileMail.manyHeaderFields("x@nowhere.example", 1_000_000));
        messages.put("one 24 MB line, known contact", verified(HostileMail.oneLongLine(KNOWN, 24 * 1024 * 1024)));
        String only = System.getProperty("bench.only", "");
        messages.keySet().removeIf(name -> !name.contains(only));
        Map<String, String> env = new java.util.HashMap<>(Map.of("FRONTDESK_DEMO_DATA", "true",
                "FRONTDESK_MAX_MESSAGE_BYTES", String.valueOf(26 * 1024 * 1024)));
        Path dir = Path.of("target/bench/heap").toAbsolutePath();
        Path gcLog = dir.resolve("gc.log");
        env.put("JAVA_TOOL_OPTIONS", "-Xlog:gc:file=" + gcLog + ":timemillis" + (System.getProperty("bench.jfr") == null ? ""
                : " -XX:StartFlightRecording=settings=profile,filename=" + System.getProperty("bench.jfr")));
        String db = null;
        if ("postgresql".equals(System.getProperty("bench.db"))) { // -Dbench.db=postgresql: a fresh database on the local server
            db = "fd_heap_" + System.currentTimeMillis();
            app.frontdesk.testkit.TestDatabases.sql(app.frontdesk.testkit.TestDatabases.PG_URL, "CREATE DATABASE " + db);
            env.put("FRONTDESK_DB_URL", app.frontdesk.testkit.TestDatabases.PG_URL.replace("/test", "/" + db));
            env.put("FRONTDESK_DB_USER", app.frontdesk.testkit.TestDatabases.PG_USER);
        }
        try {
            measure(env, gcLog, messages);
        } finally {
            if (db != null) { // 25 MB messages in it: not left behind
                app.frontdesk.testkit.TestDatabases.sql(app.frontdesk.testkit.TestDatabases.PG_URL, "DROP DATABASE " + db);
            }
        }
    }

    private static void measure(Map<String, String> env, Path gcLog, Map<String, byte[]> messages) throws Exception {
        Path dir = gcLog.getParent();
        try (GatewayProcess gw = new GatewayProcess(GatewayProcess.fresh(dir), env).start()) {
            for (int i = 0; i < 50; i++) { // warm-up: the code paths, not the heap
                gw.post("/api/inbound", GatewayProcess.MTA_TOKEN, "message/rfc822", TestMail.from(KNOWN).subject("warm " + i).bytes());
            }
            Thread.sleep(3000);
            System.out.printf("%-46s %8s %8s %9s %7s %9s %7s%n", "message", "size MB", "base MB", "peak +MB", "ratio", "live +MB", "ratio");
            for (Map.Entry<String, byte[]> e : messages.entrySet()) {
                new ProcessBuilder("jcmd", String.valueOf(gw.pid()), "GC.run").redirectErrorStream(true).start().waitFor();
                Thread.sleep(1000);
                long base = usedHeap(gw);
                AtomicLong peak = new AtomicLong(base);
                AtomicBoolean sampling = new AtomicBoolean(true);
                Thread sampler = new Thread(() -> {
                    while (sampling.get()) {
                        try {
                            peak.accumulateAndGet(usedHeap(gw), Math::max);
                            Thread.sleep(10);
                        } catch (Exception ex) {
                            return;
                        }
                    }
                });
                sampler.start();
                long from = System.currentTimeMillis();
                var r = gw.post("/api/inbound", GatewayProcess.MTA_TOKEN, "message/rfc822", e.getValue());
                long id = Json.createReader(new StringReader(r.body())).readObject().getJsonNumber("id").longValue();
                String state = awaitSettled(gw, id);
                sampling.set(false);
                sampler.join();
                double mb = e.getValue().length / 1048576.0;
                double grew = (peak.get() - base) / 1048576.0;
                double[] live = liveGrowth(gcLog, from, System.currentTimeMillis());
                System.out.printf("%-46s %8.1f %8.1f %9.1f %6.2fx %9s %7s   (%s; %d GCs while it went through)%n", e.getKey(), mb,
                        base / 1048576.0, grew, grew / mb, live[1] < 1 ? "-" : String.format("%.1f", live[0]),
                        live[1] < 1 ? "-" : String.format("%.2fx", live[0] / mb), state, (int) live[1]);
            }
        }
    }

    private static byte[] verified(byte[] message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + 200);
        out.writeBytes(("Authentication-Results: " + GatewayFixture.AUTHSERV_ID + "; dmarc=pass header.from=romashka.example\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(message);
        return out.toByteArray();
    }

    private static final java.util.regex.Pattern PAUSE = java.util.regex.Pattern.compile(
            "\\[(\\d+)ms\\] GC\\(\\d+\\) Pause ((?:Young|Full).*) (\\d+)([KMG])->(\\d+)([KMG])\\("); // Remark, Cleanup: nothing collected

    /**
     * What the message kept alive, from the gateway's GC log: the most heap in use right after a collection while the
     * message went through, above the heap after the full collection before it (the baseline). Unlike the peak, this
     * leaves out garbage (only young, mixed and full collections count: a remark or cleanup pause frees nothing); it needs
     * a collection in the window, so with a large heap there may be none.
     *
     * @return {growth in MB, number of collections in the window}
     */
    private static double[] liveGrowth(Path gcLog, long from, long to) throws java.io.IOException {
        double baseline = -1;
        double max = -1;
        int collections = 0;
        for (String line : java.nio.file.Files.readAllLines(gcLog)) {
            var m = PAUSE.matcher(line);
            if (!m.find()) {
                continue;
            }
            long at = Long.parseLong(m.group(1));
            double after = mb(Long.parseLong(m.group(5)), m.group(6));
            if (at < from && m.group(2).startsWith("Full")) {
                baseline = after;
            } else if (at >= from && at <= to) {
                max = Math.max(max, after);
                collections++;
            }
        }
        return new double[] {collections == 0 ? 0 : max - baseline, collections};
    }

    private static double mb(long value, String unit) {
        return switch (unit) {
            case "K" -> value / 1024.0;
            case "G" -> value * 1024.0;
            default -> value;
        };
    }

    /** Used heap in bytes, from the MicroProfile base metrics. */
    private static long usedHeap(GatewayProcess gw) throws Exception {
        for (String line : gw.get("/metrics", null).body().split("\n")) {
            if (line.startsWith("memory_usedHeap_bytes") || line.startsWith("base_memory_usedHeap_bytes")) {
                return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new IllegalStateException("no used-heap metric in /metrics");
    }

    private static String awaitSettled(GatewayProcess gw, long id) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            var s = Json.createReader(new StringReader(gw.get("/api/inbound/" + id, GatewayProcess.MTA_TOKEN).body())).readObject();
            boolean pending = s.getJsonArray("outbox").stream().anyMatch(o -> o.asJsonObject().getString("state").equals("PENDING"));
            if (!s.getString("state").equals("RECEIVED") && !pending) {
                return s.getString("state") + " " + s.getString("route", "") + ", " + s.getJsonArray("outbox").size() + " mails";
            }
            Thread.sleep(100);
        }
        return "not settled in 120 s";
    }
}
