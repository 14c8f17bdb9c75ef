package app.frontdesk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.testkit.GatewayProcess;
import app.frontdesk.testkit.MailStream;
import app.frontdesk.testkit.TestDatabases;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two gateways (child processes) over one PostgreSQL database this test creates, messages split over both.
 * The SMTP relay goes away for a while and comes back: everything waiting leaves within seconds (the probe,
 * not the 30 s backoff, decides). Then the leader is killed with SIGKILL halfway through a stream and not
 * restarted: every acknowledged message reaches GreenMail, at most the dead instance's in-flight sends
 * (one per outbox worker, 2) twice and no other; the survivor decides what the dead one had claimed, and
 * leads within 30 s. Small counts (300 messages) to stay bounded; 2,000 are in ClusterBenchmark.
 * Fails (not skips) under CI=true when PostgreSQL is missing.
 */
class SeveralInstancesIT {

    private static final int PHASE = 100;
    private static final int OUTBOX_WORKERS = 2;

    @Test
    void twoInstancesDeliverEverythingOnceThroughARelayOutageAndTheLeadersDeath() throws Exception {
        TestDatabases.postgres(); // fails under CI=true, skips elsewhere, when PostgreSQL is not there
        String db = "fd_multi_" + System.currentTimeMillis();
        TestDatabases.sql(TestDatabases.PG_URL, "CREATE DATABASE " + db);
        int smtpPort = GatewayProcess.freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", "smtp"));
        smtp.start();
        GreenMail smtpAgain = null;
        MailStream stream = new MailStream("multi");
        Map<String, Integer> beforeOutage;
        GatewayProcess a = null;
        GatewayProcess b = null;
        try {
            Map<String, String> env = new HashMap<>(Map.of(
                    "FRONTDESK_DB_URL", TestDatabases.PG_URL.replace("/test", "/" + db), "FRONTDESK_DB_USER", TestDatabases.PG_USER,
                    "FRONTDESK_DEMO_DATA", "true", "FRONTDESK_SMTP_HOST", "127.0.0.1", "FRONTDESK_SMTP_PORT", String.valueOf(smtpPort),
                    "FRONTDESK_OUTBOX_WORKERS", String.valueOf(OUTBOX_WORKERS)));
            env.put("FRONTDESK_INSTANCE_ID", "a");
            a = new GatewayProcess(GatewayProcess.fresh(Path.of("target/e2e/multi-a")), Map.copyOf(env)).start();
            env.put("FRONTDESK_INSTANCE_ID", "b");
            b = new GatewayProcess(GatewayProcess.fresh(Path.of("target/e2e/multi-b")), Map.copyOf(env)).start();
            GatewayProcess[] both = {a, b};

            // 1. both take mail; each message goes to one of them
            Set<Integer> acked = streamTo(stream, both, 0, PHASE);
            awaitForwards(stream, acked.size(), 60, smtp);
            assertEquals(PHASE, acked.size());

            // 2. the relay goes away while mail arrives, for longer than the first retry (30 s default... here the
            // attempts made meanwhile put every mail 30-60 s out), and comes back: everything leaves within seconds
            beforeOutage = stream.forwards(smtp);
            smtp.stop();
            acked.addAll(streamTo(stream, both, PHASE, 2 * PHASE));
            Thread.sleep(8_000); // the outbox tries and fails: backoff 30 s and more
            smtpAgain = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", "smtp"));
            smtpAgain.start();
            long back = System.nanoTime();
            awaitForwards(stream, 2 * PHASE - beforeOutage.size(), 60, smtpAgain);
            long drainedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - back);
            System.out.println("relay back: all waiting mail sent in " + drainedMs + " ms");
            assertTrue(drainedMs < 20_000, "the waiting mail left " + drainedMs + " ms after the relay was back (the backoff was 30 s+)");

            // 3. the leader dies with SIGKILL halfway through a stream; what it did not acknowledge, the mail server retries
            GatewayProcess leader = leads(a) ? a : b;
            GatewayProcess survivor = leader == a ? b : a;
            assertTrue(leads(leader) && !leads(survivor), "one leader");
            ExecutorService senders = Executors.newFixedThreadPool(4);
            Set<Integer> third = ConcurrentHashMap.newKeySet();
            GatewayProcess[] order = {leader, survivor};
            for (int i = 2 * PHASE; i < 3 * PHASE; i++) {
                int n = i;
                senders.submit(() -> {
                    // as a mail server does: the other MX (here the other instance) when one does not answer 202
                    for (int attempt = 0; attempt < 50; attempt++) {
                        if (stream.post(order[(n + attempt) % 2].url(), n) == 202) {
                            third.add(n);
                            return null;
                        }
                        Thread.sleep(200);
                    }
                    return null;
                });
                if (i == 2 * PHASE + PHASE / 2) {
                    Thread.sleep(300);
                    leader.kill9();
                }
            }
            long killed = System.nanoTime();
            senders.shutdown();
            assertTrue(senders.awaitTermination(60, TimeUnit.SECONDS));
            assertEquals(PHASE, third.size(), "every message of the stream acknowledged by one instance or the other");
            acked.addAll(third);
            while (!leads(survivor) && System.nanoTime() - killed < TimeUnit.SECONDS.toNanos(40)) {
                Thread.sleep(250);
            }
            long tookOver = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed);
            System.out.println("the survivor leads " + tookOver + " ms after the kill");
            assertTrue(leads(survivor) && tookOver < 30_000, "the survivor leads within 30 s (took " + tookOver + " ms)");

            awaitForwards(stream, 3 * PHASE - beforeOutage.size(), 90, smtpAgain);
            Thread.sleep(3_000); // time for any duplicate to show up
            Map<String, Integer> all = new HashMap<>(beforeOutage);
            stream.forwards(smtpAgain).forEach((id, n) -> all.merge(id, n, Integer::sum));
            for (int i : acked) {
                assertTrue(all.getOrDefault(stream.messageId(i), 0) >= 1, "acknowledged message " + i + " forwarded");
            }
            long twice = all.values().stream().filter(n -> n > 1).count();
            long extra = all.values().stream().mapToLong(n -> n - 1).sum();
            System.out.println(acked.size() + " acknowledged, " + all.size() + " forwarded, " + extra + " sent again (in-flight at the kill)");
            assertEquals(3 * PHASE, all.size(), "no message lost, none invented");
            assertTrue(extra <= OUTBOX_WORKERS && twice <= OUTBOX_WORKERS,
                    "only the dead instance's in-flight sends may go twice (" + OUTBOX_WORKERS + "), not " + extra);
            var ready = survivor.get("/health/ready", null);
            assertEquals(200, ready.statusCode(), ready.body());
        } finally {
            if (a != null) {
                a.close();
            }
            if (b != null) {
                b.close();
            }
            smtp.stop();
            if (smtpAgain != null) {
                smtpAgain.stop();
            }
            TestDatabases.sql(TestDatabases.PG_URL, "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        }
    }

    private static boolean leads(GatewayProcess g) {
        try {
            return g.get("/health/ready", null).body().contains("\"leader\":\"yes\"");
        } catch (Exception e) {
            return false;
        }
    }

    /** Messages {@code from} to {@code to} (exclusive), alternately to each gateway, four at a time; answers the ones acknowledged. */
    private static Set<Integer> streamTo(MailStream stream, GatewayProcess[] gateways, int from, int to) throws Exception {
        Set<Integer> acked = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int i = from; i < to; i++) {
            int n = i;
            pool.submit(() -> {
                if (stream.post(gateways[n % gateways.length].url(), n) == 202) {
                    acked.add(n);
                }
                return null;
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
        return acked;
    }

    private static void awaitForwards(MailStream stream, int count, int seconds, GreenMail smtp) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (stream.forwards(smtp).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertTrue(stream.forwards(smtp).size() >= count, stream.forwards(smtp).size() + " of " + count + " forwarded in " + seconds + " s");
    }
}
