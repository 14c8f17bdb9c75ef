package app.frontdesk.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.testkit.GatewayProcess;
import app.frontdesk.testkit.PostfixInstance;
import app.frontdesk.testkit.TestMail;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The whole way in through a real Postfix (Debian package): SMTP into Postfix, Postfix's pipe(8)
 * service runs target/frontdesk-pipe, the gateway forwards to the helpdesk (GreenMail). With the
 * gateway down, Postfix defers the message on exit 75 and delivers it once the gateway is back.
 */
class PostfixPipeIT {

    @Test
    void mailThroughPostfixReachesTheHelpdeskAndIsDeferredNotBouncedWhileTheGatewayIsDown() throws Exception {
        PostfixInstance.required();
        GreenMail helpdesk = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
        helpdesk.start();
        Path dir = GatewayProcess.fresh(Path.of("target/e2e/postfix"));
        Map<String, String> env = Map.of("FRONTDESK_SMTP_HOST", "127.0.0.1",
                "FRONTDESK_SMTP_PORT", String.valueOf(helpdesk.getSmtp().getPort()));
        GatewayProcess gateway = new GatewayProcess(dir.resolve("gateway"), env).start();
        try (PostfixInstance postfix = PostfixInstance.start(dir.resolve("postfix"), "support@frontdesk.test",
                "--url " + gateway.url() + " --token " + GatewayProcess.MTA_TOKEN)) {
            send(postfix, "<via-postfix-1@northwind.example>", "First through Postfix");
            assertTrue(waitFor(helpdesk, "<via-postfix-1@northwind.example>", 60), "forwarded: " + postfix.log());

            gateway.close();
            send(postfix, "<via-postfix-2@northwind.example>", "While the gateway is down");
            long deadline = System.currentTimeMillis() + 30_000;
            while (!postfix.log().contains("status=deferred") && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
            }
            assertTrue(postfix.log().contains("status=deferred"), postfix.log());
            assertTrue(!postfix.log().contains("status=bounced"), postfix.log());

            // Postfix retries on its own; the restarted gateway listens on the same URL.
            try (GatewayProcess again = new GatewayProcess(dir.resolve("gateway"), env, gateway.port()).start()) {
                assertTrue(waitFor(helpdesk, "<via-postfix-2@northwind.example>", 30)
                        || flushed(postfix) && waitFor(helpdesk, "<via-postfix-2@northwind.example>", 60),
                        "delivered after the retry: " + postfix.log());
            }
        } finally {
            gateway.close();
            helpdesk.stop();
        }
    }

    private static void send(PostfixInstance postfix, String messageId, String subject) throws Exception {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", String.valueOf(postfix.smtpPort()));
        Session session = Session.getInstance(p);
        // Parsed from bytes so the header order stays as written: the results of our mail server's
        // DMARC milter on top (this private Postfix runs none), then the sender's own fields.
        MimeMessage m = new MimeMessage(session, new java.io.ByteArrayInputStream(TestMail.from("john.doe@northwind.example")
                .messageId(messageId).subject(subject).body("Hello from Northwind.\r\n").bytes())) {
            @Override
            protected void updateMessageID() {
                // keep the Message-ID the test waits for
            }
        };
        Transport.send(m, new jakarta.mail.Address[] {new InternetAddress("support@frontdesk.test")});
    }

    /** Postfix can park a deferred message for a while (PostfixInstance.flush says why); a flush delivers it. */
    private static boolean flushed(PostfixInstance postfix) throws Exception {
        postfix.flush();
        return true;
    }

    private static boolean waitFor(GreenMail helpdesk, String messageId, int seconds) throws Exception {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        while (System.currentTimeMillis() < deadline) {
            for (MimeMessage m : helpdesk.getReceivedMessages()) {
                if (messageId.equals(m.getMessageID())) {
                    return true;
                }
            }
            Thread.sleep(250);
        }
        return false;
    }
}
