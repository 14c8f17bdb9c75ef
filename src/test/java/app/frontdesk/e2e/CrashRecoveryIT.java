package app.frontdesk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.frontdesk.testkit.GatewayProcess;
import app.frontdesk.testkit.TestMail;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Nothing is lost and nothing is doubled when the gateway dies: 200 messages accepted through the
 * pipe, the gateway killed with SIGKILL at once, the pipe answering 75 while it is down, and after a
 * restart every message forwarded exactly once.
 */
class CrashRecoveryIT {

    private static final int MESSAGES = 200;

    @Test
    void killedWithSigkillAfterAccepting200MessagesAndRestartedEveryMessageIsForwardedExactlyOnce() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
        smtp.start();
        Map<String, String> env = Map.of("FRONTDESK_SMTP_HOST", "127.0.0.1",
                "FRONTDESK_SMTP_PORT", String.valueOf(smtp.getSmtp().getPort()));
        Path dir = GatewayProcess.fresh(Path.of("target/e2e/crash-recovery"));
        try {
            GatewayProcess gateway = new GatewayProcess(dir, env).start();
            for (int i = 0; i < MESSAGES; i++) {
                byte[] mail = TestMail.from("john.doe@northwind.example").messageId("<crash-" + i + "@northwind.example>")
                        .subject("Order " + i).bytes();
                var r = gateway.pipe(mail);
                assertEquals(0, r.exitCode(), "message " + i + ": " + r.output());
            }
            gateway.kill9();
            System.out.println("CrashRecoveryIT: " + forwardsOf(smtp).size() + " of " + MESSAGES
                    + " forwarded before the SIGKILL; the rest must come after the restart");

            var whileDown = gateway.pipe(TestMail.from("john.doe@northwind.example").bytes());
            assertEquals(75, whileDown.exitCode(), "the mail server must keep the message: " + whileDown.output());

            try (GatewayProcess restarted = new GatewayProcess(dir, env).start()) {
                long deadline = System.currentTimeMillis() + 60_000;
                while (forwardsOf(smtp).size() < MESSAGES && System.currentTimeMillis() < deadline) {
                    Thread.sleep(250);
                }
                Thread.sleep(2000); // time for any duplicate to show up
                Map<String, Integer> forwards = forwardsOf(smtp);
                assertEquals(MESSAGES, forwards.size(), "every accepted message forwarded");
                forwards.forEach((id, n) -> assertEquals(1, n, id + " forwarded " + n + " times"));
                assertEquals(MESSAGES, smtp.getReceivedMessages().length, "no extra mail at all");
            }
        } finally {
            smtp.stop();
        }
    }

    private static Map<String, Integer> forwardsOf(GreenMail smtp) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getMessageID() != null && m.getMessageID().startsWith("<crash-")) {
                counts.merge(m.getMessageID(), 1, Integer::sum);
            }
        }
        return counts;
    }
}
