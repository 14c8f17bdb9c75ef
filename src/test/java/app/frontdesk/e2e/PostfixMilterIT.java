package app.frontdesk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.testkit.GatewayFixture;
import app.frontdesk.testkit.GatewayProcess;
import app.frontdesk.testkit.OpenDmarcInstance;
import app.frontdesk.testkit.PostfixInstance;
import app.frontdesk.testkit.TestMail;
import jakarta.json.JsonObject;
import java.net.Socket;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The order of fields Frontdesk's trust rule assumes (docs/operations.md, "Postfix"), checked on the real thing:
 * Postfix in front, a real DMARC milter (OpenDMARC) writing our Authentication-Results, the pipe to the gateway.
 * <ul>
 *   <li>The milter's field is the topmost one, above Postfix's Received, so a field the sender wrote with our
 *       authserv-id is always below ours and never counts.</li>
 *   <li>A message whose first line starts with whitespace, meant to continue our field ("; dmarc=pass ..."), cannot:
 *       Postfix takes such a line as the start of the body, writes the header fields it lacks and a blank line
 *       above it. The line ends up in the body and the sender is not verified.</li>
 * </ul>
 * Offline, OpenDMARC finds no DMARC record and writes {@code dmarc=none}: every message here must stay unverified,
 * and one that reached the helpdesk would be a forgery that was believed.
 */
class PostfixMilterIT {

    @Test
    void aSenderCanNeitherExtendNorOutrankTheMiltersField() throws Exception {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (!PostfixInstance.installed() || !OpenDmarcInstance.installed()) {
            if (ci) {
                throw new AssertionError("Postfix and OpenDMARC are required under CI=true (.ci/run installs postfix and opendmarc)");
            }
            Assumptions.abort("apt-get install postfix opendmarc");
        }
        Path dir = GatewayProcess.fresh(Path.of("target/e2e/milter"));
        try (GatewayProcess gateway = new GatewayProcess(dir.resolve("gateway"), Map.of()).start();
             OpenDmarcInstance dmarc = OpenDmarcInstance.start(dir.resolve("opendmarc"), GatewayFixture.AUTHSERV_ID);
             PostfixInstance postfix = PostfixInstance.withMilter(dir.resolve("postfix"), "support@frontdesk.test",
                     "--url " + gateway.url() + " --token " + GatewayProcess.MTA_TOKEN, dmarc.milter())) {

            // 1. John's address is on file (demo account Northwind); the message carries a field claiming our
            //    authserv-id and dmarc=pass (TestMail writes one on top, as our milter would).
            byte[] forged = TestMail.from("John Doe <john.doe@northwind.example>").messageId("<forged-below@northwind.example>")
                    .subject("Forged results").body("Please change our bank details.\r\n").bytes();
            assertTrue(new String(forged, StandardCharsets.US_ASCII).startsWith("Authentication-Results: " + GatewayFixture.AUTHSERV_ID),
                    "the sender's own field claims our id");
            smtp(postfix, forged);
            JsonObject first = settled(gateway, 101);
            String raw1 = gateway.get("/api/inbound/101/raw", GatewayProcess.ADMIN_TOKEN).body();
            String top = raw1.substring(raw1.indexOf("Authentication-Results:"));
            assertTrue(top.startsWith("Authentication-Results: " + GatewayFixture.AUTHSERV_ID + "; dmarc=none"),
                    "the milter's field comes first:\n" + raw1);
            assertTrue(raw1.indexOf("Received:") < raw1.indexOf("dmarc=pass"), "the sender's field is below Postfix's Received:\n" + raw1);
            assertNotEquals("HELPDESK", first.getString("route", ""), "the forged field below ours did not count: " + first);

            // 2. The first line starts with whitespace, to continue whatever field is above it.
            String continuation = " dkim=pass header.d=northwind.example; dmarc=pass header.from=northwind.example\r\n"
                    + "From: John Doe <john.doe@northwind.example>\r\nTo: support@frontdesk.test\r\nSubject: Continued\r\n"
                    + "Message-ID: <continued@northwind.example>\r\n\r\nPlease change our bank details.\r\n";
            smtp(postfix, continuation.getBytes(StandardCharsets.US_ASCII));
            JsonObject second = settled(gateway, 102);
            String raw2 = gateway.get("/api/inbound/102/raw", GatewayProcess.ADMIN_TOKEN).body().replace("\r\n", "\n");
            String header = raw2.substring(0, raw2.indexOf("\n\n") + 1);
            assertTrue(header.matches("(?s).*\nAuthentication-Results: " + GatewayFixture.AUTHSERV_ID + "; dmarc=none[^\n]*\nReceived:.*"),
                    "our field is one line, followed by Received, not by the sender's line:\n" + raw2);
            assertTrue(!header.contains("dmarc=pass") && raw2.substring(header.length()).contains("dmarc=pass"),
                    "Postfix made the sender's line the start of the body:\n" + raw2);
            assertNotEquals("HELPDESK", second.getString("route", ""), "not verified: " + second);
            assertEquals("john.doe@northwind.example", second.getString("from", ""),
                    "the From Postfix wrote from the envelope, the only From there is: " + second);
        }
    }

    /** Polls the message's status until the pipeline has decided it. */
    private static JsonObject settled(GatewayProcess gateway, long id) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        String last = "";
        while (System.currentTimeMillis() < deadline) {
            var r = gateway.get("/api/inbound/" + id, GatewayProcess.ADMIN_TOKEN);
            last = r.statusCode() + " " + r.body();
            if (r.statusCode() == 200) {
                JsonObject o = GatewayProcess.json(r.body());
                if (!"RECEIVED".equals(o.getString("state", ""))) {
                    return o;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("message " + id + " not decided within 60 s: " + last);
    }

    /** Hands the bytes to Postfix as they are (a client library would repair the leading whitespace). */
    private static void smtp(PostfixInstance postfix, byte[] message) throws Exception {
        try (Socket s = new Socket("127.0.0.1", postfix.smtpPort());
             BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII))) {
            OutputStream out = s.getOutputStream();
            expect(in, "220");
            for (String[] step : new String[][] {{"EHLO client.northwind.example", "250"}, {"MAIL FROM:<john.doe@northwind.example>", "250"},
                    {"RCPT TO:<support@frontdesk.test>", "250"}, {"DATA", "354"}}) {
                out.write((step[0] + "\r\n").getBytes(StandardCharsets.US_ASCII));
                expect(in, step[1]);
            }
            out.write(message);
            out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
            expect(in, "250");
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static void expect(BufferedReader in, String code) throws Exception {
        String line;
        do {
            line = in.readLine();
            if (line == null || !line.startsWith(code)) {
                throw new AssertionError("expected " + code + " from Postfix, got " + line);
            }
        } while (line.charAt(3) == '-');
    }
}
