package app.frontdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.application.Meter;
import app.frontdesk.infrastructure.config.Settings;
import app.frontdesk.testkit.GatewayProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The graceful stop shuts the intake doors as one list: no door takes new mail while another still finishes what it has. */
class GatewayDrainTest {

    @Test
    void everyDoorStopsTakingMailBeforeTheStopWaitsForTheLmtpDeliveryInHand(@TempDir Path dir) throws Exception {
        int port = GatewayProcess.freePort();
        Settings settings = new Settings(name -> Optional.ofNullable(Map.of("FRONTDESK_DATA_DIR", dir.toString(),
                "FRONTDESK_CONFIG_DIR", Path.of("server-config").toAbsolutePath().toString(),
                "FRONTDESK_TRUSTED_AUTHSERV_IDS", "mx.frontdesk.test", "FRONTDESK_DEMO_DATA", "false",
                "FRONTDESK_PUBLIC_URL", "http://frontdesk.test", "FRONTDESK_LMTP_ADDRESS", "127.0.0.1:" + port).get(name)));
        try (Gateway gateway = new Gateway(settings, Clock.systemUTC(), Meter.NONE)) {
            gateway.start(Thread::new, (line, code) -> { });
            try (Socket s = new Socket("127.0.0.1", port); Socket idle = new Socket("127.0.0.1", port)) {
                s.setSoTimeout(30_000);
                idle.setSoTimeout(30_000);
                BufferedReader idleIn = new BufferedReader(new InputStreamReader(idle.getInputStream(), StandardCharsets.US_ASCII));
                assertTrue(idleIn.readLine().startsWith("220 "));
                idle.getOutputStream().write("LHLO mx.frontdesk.test\r\n".getBytes(StandardCharsets.US_ASCII));
                String lhlo;
                do {
                    lhlo = idleIn.readLine();
                } while (lhlo.startsWith("250-"));
                assertFalse(gateway.health().readiness().problems().stream().anyMatch(p -> p.startsWith("shutting down")));
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream out = s.getOutputStream();
                assertTrue(in.readLine().startsWith("220 "));
                out.write("LHLO mx.frontdesk.test\r\nMAIL FROM:<anna@northwind.example>\r\nRCPT TO:<support@frontdesk.test>\r\nDATA\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                String line;
                do {
                    line = in.readLine();
                } while (!line.startsWith("354 "));
                out.write("From: Anna <anna@northwind.example>\r\nSubject: Order 7\r\n\r\nHalf of it".getBytes(StandardCharsets.US_ASCII));
                out.flush();

                CompletableFuture<Boolean> drained = CompletableFuture.supplyAsync(() -> gateway.drain(Duration.ofSeconds(20)));
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (gateway.services().admission.open() && System.nanoTime() < until) {
                    Thread.sleep(20);
                }
                assertFalse(gateway.services().admission.open(), "HTTP takes no new mail while LMTP's delivery is still in hand");
                assertFalse(gateway.services().admission.enter(), "a new HTTP handover is refused (503)");
                assertFalse(greets(port), "nor does LMTP take a new connection");
                String told = idleIn.readLine();
                assertTrue(told != null && told.startsWith("421 4.3.2 "), "a connection waiting for its next command is told to come back: " + told);
                assertEquals(null, idleIn.readLine(), "and closed");
                var ready = gateway.health().readiness();
                assertFalse(ready.ready(), "/health/ready is DOWN during the stop");
                assertTrue(ready.problems().stream().anyMatch(p -> p.startsWith("shutting down")), ready.problems().toString());
                assertFalse(drained.isDone(), "the stop waits for the delivery in hand");

                out.write(" and the rest.\r\n.\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String stored = in.readLine();
                assertTrue(stored.startsWith("250 2.0.0 <support@frontdesk.test> stored as "), "stored and answered: " + stored);
                String after = in.readLine();
                assertTrue(after != null && after.startsWith("421 4.3.2 "), "then the connection ends with 421, not a reset: " + after);
                assertTrue(drained.get(20, TimeUnit.SECONDS), "then the stop finishes, with nothing left in hand");
            }
        }
    }

    /**
     * Whether a new connection to the port is greeted (220). Refused is the expected answer; a connect that succeeds
     * without a greeting also means nobody serves it (on Linux a connect to a local port nobody listens on can, rarely,
     * connect the socket to itself).
     */
    private static boolean greets(int port) throws IOException {
        try (Socket late = new Socket()) {
            late.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            late.setSoTimeout(2000);
            String first = new BufferedReader(new InputStreamReader(late.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            return first != null && first.startsWith("220");
        } catch (java.net.ConnectException | java.net.SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return false; // reset or closed: not served
        }
    }
}
