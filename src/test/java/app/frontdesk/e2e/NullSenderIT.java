package app.frontdesk.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.frontdesk.domain.model.outbox.MailKind;
import app.frontdesk.domain.model.outbox.OutboundMail;
import app.frontdesk.infrastructure.mail.SmtpMailTransport;
import app.frontdesk.testkit.PostfixInstance;
import app.frontdesk.testkit.TestMail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Automatic replies leave with the null reverse-path (RFC 3834 section 3.3), so that a bounce of a
 * reply goes nowhere and cannot start a loop. GreenMail cannot take {@code MAIL FROM:<>}; a real
 * Postfix can, and its log says which envelope sender each mail came with.
 */
class NullSenderIT {

    @Test
    void anAutomaticReplyIsSentWithTheNullSenderAndOtherMailWithOurAddress() throws Exception {
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(PostfixInstance.installed(), "CI installs Postfix (.ci/run)");
        }
        assumeTrue(PostfixInstance.installed(), "Postfix is not installed");
        Path dir = Path.of("target/e2e/null-sender");
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        try (PostfixInstance postfix = PostfixInstance.discarding(dir, "petrov-family.example")) {
            SmtpMailTransport smtp = new SmtpMailTransport("127.0.0.1", postfix.smtpPort(), null, null, "frontdesk@frontdesk.test");
            Instant now = Instant.now();
            OutboundMail reply = new OutboundMail(MailKind.SENDER_REPLY, "<r1.frontdesk@frontdesk.test>", null,
                    List.of("ivan@petrov-family.example"), TestMail.from("frontdesk@frontdesk.test").subject("auto").bytes(), null, now);
            OutboundMail alert = new OutboundMail(MailKind.MANAGER_ALERT, "<a1.frontdesk@frontdesk.test>", "frontdesk@frontdesk.test",
                    List.of("olga@petrov-family.example"), TestMail.from("frontdesk@frontdesk.test").subject("alert").bytes(), null, now);
            try (var connection = smtp.open()) {
                connection.send(reply, out -> out.write(reply.raw()));
                connection.send(alert, out -> out.write(alert.raw()));
            }
            String log = "";
            for (int i = 0; i < 100 && !(log.contains("from=<>") && log.contains("from=<frontdesk@frontdesk.test>")); i++) {
                Thread.sleep(100);
                log = postfix.log();
            }
            assertTrue(log.contains("from=<>"), "the reply's envelope sender is null: " + log);
            assertTrue(log.contains("from=<frontdesk@frontdesk.test>"), "other mail carries our address: " + log);
        }
    }
}
