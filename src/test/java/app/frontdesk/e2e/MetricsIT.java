package app.frontdesk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.testkit.GatewayProcess;
import app.frontdesk.testkit.TestMail;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * /metrics of the packaged gateway as Prometheus scrapes it: every counter of ours, LMTP's included, carries the
 * instance label (docs/operations.md says so; LMTP and IMAP once counted without it), and the backlog gauges are
 * there with what the database holds: the relay is a port nobody listens on, so the forward waits in the outbox.
 */
class MetricsIT {

    private static final String INSTANCE = "metrics-it-a";
    private static final Pattern SAMPLE = Pattern.compile("^(\\S*frontdesk_\\w+)(\\{[^}]*\\})?\\s+(-?[0-9.Ee+-]+)$");

    @Test
    void countersCarryTheInstanceLabelAndTheBacklogGaugesReadTheDatabase() throws Exception {
        int lmtpPort = GatewayProcess.freePort();
        try (GatewayProcess gateway = new GatewayProcess(GatewayProcess.fresh(Path.of("target/e2e/metrics")), Map.of(
                "FRONTDESK_DEMO_DATA", "true", "FRONTDESK_INSTANCE_ID", INSTANCE,
                "FRONTDESK_SMTP_HOST", "127.0.0.1", "FRONTDESK_SMTP_PORT", String.valueOf(GatewayProcess.freePort()),
                "FRONTDESK_LMTP_ADDRESS", "127.0.0.1:" + lmtpPort)).start()) {
            deliverOverLmtp(lmtpPort, TestMail.from("Anna Petrova <anna.petrova@romashka.example>")
                    .messageId("<metrics-it@romashka.example>").subject("Invoice 2026-118").bytes());

            List<String> samples = List.of();
            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline) {
                samples = gateway.get("/metrics", null).body().lines().filter(l -> SAMPLE.matcher(l).matches()).toList();
                if (value(samples, "frontdesk_outbox_backlog").orElse(0.0) >= 1) {
                    break;
                }
                Thread.sleep(500); // the gauges are read at most once a second
            }
            String all = String.join("\n", samples);
            assertTrue(value(samples, "frontdesk_lmtp_accepted_total", "instance=\"" + INSTANCE + "\"").orElse(0.0) >= 1, all);
            List<String> unlabelled = samples.stream().filter(l -> name(l).endsWith("_total"))
                    .filter(l -> !l.contains("instance=\"" + INSTANCE + "\"")).toList();
            assertEquals(List.of(), unlabelled, "every counter of ours is labelled with its instance");
            assertTrue(samples.stream().filter(l -> name(l).endsWith("_total")).count() >= 3, all);

            // the forward waits for the relay: read from the database, not counted by this instance
            assertTrue(value(samples, "frontdesk_outbox_backlog").orElseThrow() >= 1, all);
            assertTrue(value(samples, "frontdesk_outbox_oldest_waiting_seconds").orElseThrow() >= 0, all);
            for (String gauge : List.of("frontdesk_inbound_waiting", "frontdesk_inbound_oldest_waiting_seconds", "frontdesk_inbound_held",
                    "frontdesk_outbox_given_up")) {
                assertTrue(value(samples, gauge).orElseThrow(() -> new AssertionError(gauge + " missing:\n" + all)) >= 0,
                        gauge + " is -1 only while the database does not answer:\n" + all);
            }
            assertEquals(1.0, value(samples, "frontdesk_database_up").orElseThrow(), all);
            assertEquals(1.0, value(samples, "frontdesk_leader").orElseThrow(), "the only instance leads:\n" + all);
        }
    }

    /** The value of the first sample of {@code metric} whose labels contain every one of {@code labels}. */
    private static Optional<Double> value(List<String> samples, String metric, String... labels) {
        for (String l : samples) {
            Matcher m = SAMPLE.matcher(l);
            if (m.matches() && m.group(1).endsWith(metric) && m.group(1).length() - metric.length() <= "application_".length()
                    && List.of(labels).stream().allMatch(label -> m.group(2) != null && m.group(2).contains(label))) {
                return Optional.of(Double.parseDouble(m.group(3)));
            }
        }
        return Optional.empty();
    }

    private static String name(String sample) {
        Matcher m = SAMPLE.matcher(sample);
        return m.matches() ? m.group(1) : "";
    }

    private static void deliverOverLmtp(int port, byte[] message) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(30_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = s.getOutputStream();
            assertTrue(in.readLine().startsWith("220 "));
            out.write("LHLO mx.frontdesk.test\r\n".getBytes(StandardCharsets.US_ASCII));
            String line;
            do {
                line = in.readLine();
            } while (line.startsWith("250-"));
            out.write(("MAIL FROM:<anna.petrova@romashka.example>\r\nRCPT TO:<support@frontdesk.test>\r\nDATA\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            assertEquals("250 2.1.0 OK", in.readLine());
            assertEquals("250 2.1.5 OK", in.readLine());
            assertTrue(in.readLine().startsWith("354 "));
            // no line of TestMail's begins with a dot: nothing to stuff
            out.write(message);
            out.write("\r\n.\r\nQUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            String stored = in.readLine();
            assertTrue(stored.startsWith("250 2.0.0 <support@frontdesk.test> stored as "), stored);
        }
    }
}
