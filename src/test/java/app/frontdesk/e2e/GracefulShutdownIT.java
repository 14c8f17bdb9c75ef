package app.frontdesk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.testkit.GatewayProcess;
import app.frontdesk.testkit.MailStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM while messages are being handed over: the gateway exits 0 within 30 s; every handover that reached it
 * was answered 202 (stored: found again after a restart) or 503 (the mail server retries), none dropped; what
 * comes while Payara itself stops may meet a closed port (the pipe exits 75 and the mail server retries); every
 * 202, before or after, is found stored after a restart.
 */
class GracefulShutdownIT {

    @Test
    void sigtermWithHandoversInFlightAnswersEachAndExitsZeroWithin30Seconds() throws Exception {
        Path dir = GatewayProcess.fresh(Path.of("target/e2e/graceful"));
        GatewayProcess gateway = new GatewayProcess(dir, Map.of()).start();
        MailStream stream = new MailStream("graceful");
        Map<Integer, Integer> answers = new ConcurrentHashMap<>();
        Map<Integer, Long> startedAt = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        for (int t = 0; t < 8; t++) {
            senders.submit(() -> {
                while (!stop.get()) {
                    int n = next.getAndIncrement();
                    startedAt.put(n, System.nanoTime());
                    int code = stream.post(gateway.url(), n);
                    answers.put(n, code);
                    if (code == -1) {
                        return null; // the port is closed: the gateway is gone
                    }
                }
                return null;
            });
        }
        Thread.sleep(3_000);
        long t0 = System.nanoTime();
        gateway.sigterm();
        int exit = gateway.awaitExit(30);
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        stop.set(true);
        senders.shutdown();
        assertTrue(senders.awaitTermination(60, TimeUnit.SECONDS));
        System.out.println("stopped in " + ms + " ms; answers: " + answers.values().stream()
                .collect(java.util.stream.Collectors.groupingBy(c -> c, java.util.stream.Collectors.counting())));
        assertEquals(0, exit, "a graceful stop exits 0");
        // in flight when SIGTERM came: answered, 202 or 503, none dropped. Started later, while Payara itself stops, a
        // request may also meet a closed port or connection (the pipe exits 75 on anything but 202: never taken as stored)
        answers.forEach((n, code) -> {
            if (startedAt.get(n) < t0) {
                assertTrue(code == 202 || code == 503, "message " + n + ", in flight at SIGTERM, answered " + code);
            }
        });
        assertTrue(answers.values().stream().anyMatch(c -> c == 202), "some were stored before the stop");

        // what was answered 202 is there after a restart: handed over again, it is a duplicate of what was stored
        try (GatewayProcess again = new GatewayProcess(dir, Map.of()).start()) {
            for (var e : answers.entrySet()) {
                if (e.getValue() == 202) {
                    var a = stream.answer(again.url(), e.getKey());
                    assertTrue(a.body().contains("\"duplicate\""), "message " + e.getKey() + " acknowledged before the stop: " + a.body());
                }
            }
        }
    }
}
