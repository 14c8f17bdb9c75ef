package app.frontdesk.infrastructure.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.application.Meter;
import app.frontdesk.application.outbox.OutboxDispatcher;
import app.frontdesk.domain.model.inbound.Envelope;
import app.frontdesk.domain.model.outbox.OutboundMail;
import app.frontdesk.domain.model.outbox.OutboxState;
import app.frontdesk.testkit.GatewayFixture;
import app.frontdesk.testkit.TestDatabases;
import app.frontdesk.testkit.TestMail;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox sent through a real SMTP server (GreenMail) and through the file transport. */
class OutboxDeliveryTest {

    private static long forwardOne(GatewayFixture gw, String subject) throws Exception {
        gw.account("Romashka", "romashka.example", "anna@romashka.example");
        long id = gw.intake.accept(TestMail.from("anna@romashka.example").subject(subject).bytes(), Envelope.UNKNOWN).id();
        gw.processAll();
        return id;
    }

    private static OutboundMail mailOf(GatewayFixture gw, long inboundId) {
        return gw.db.inTransaction(r -> r.outbox().causedBy(inboundId).get(0));
    }

    @Test
    void shouldSendTheForwardOverSmtpWithTheOriginalHeadersIntact() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
        smtp.start();
        try (GatewayFixture gw = new GatewayFixture(TestDatabases.h2())) {
            long id = forwardOne(gw, "Счёт 42 оплачен");
            var transport = new SmtpMailTransport("127.0.0.1", smtp.getSmtp().getPort(), null, null, "frontdesk@frontdesk.test");
            OutboxDispatcher d = new OutboxDispatcher(gw.db, transport, gw.clock, Meter.NONE, 10, 3);
            assertEquals(1, d.dispatchDue());
            assertEquals(0, d.dispatchDue(), "a sent mail is not sent again");

            MimeMessage[] got = smtp.getReceivedMessages();
            assertEquals(1, got.length);
            assertEquals(1, app.frontdesk.testkit.Mailboxes.count(smtp, "helpdesk@frontdesk.test"), "envelope recipient");
            assertEquals("anna@romashka.example", got[0].getFrom()[0].toString());
            assertEquals(mailOf(gw, id).messageId(), got[0].getHeader("Resent-Message-ID", null));
            assertTrue(got[0].getHeader("X-Frontdesk-Account", null).matches("\\d+"));
            assertEquals(OutboxState.SENT, mailOf(gw, id).state());
        } finally {
            smtp.stop();
        }
    }

    @Test
    void aConnectionDroppedMidBatchIsOpenedAgainForTheRestOfTheBatch() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
        smtp.start();
        int port = smtp.getSmtp().getPort();
        GreenMail restarted = null;
        try (GatewayFixture gw = new GatewayFixture(TestDatabases.h2())) {
            List<OutboundMail> mails = List.of(mailOf(gw, forwardOne(gw, "one")), mailOf(gw, forwardOne(gw, "two")),
                    mailOf(gw, forwardOne(gw, "three")));
            var transport = new SmtpMailTransport("127.0.0.1", port, null, null, "frontdesk@frontdesk.test");
            try (var connection = transport.open()) {
                connection.send(mails.get(0), gw.bytesOf(mails.get(0)));
                smtp.stop(); // the server goes away with our connection, and comes back on the same port
                restarted = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
                restarted.start();
                connection.send(mails.get(1), gw.bytesOf(mails.get(1)));
                connection.send(mails.get(2), gw.bytesOf(mails.get(2)));
            }
            assertEquals(2, restarted.getReceivedMessages().length, "the batch went on over a new connection");
        } finally {
            smtp.stop();
            if (restarted != null) {
                restarted.stop();
            }
        }
    }

    @Test
    void shouldRetryWithBackoffWhileTheSmtpServerIsDownAndSendWhenItIsBack() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
        smtp.start();
        int port = smtp.getSmtp().getPort();
        smtp.stop();
        try (GatewayFixture gw = new GatewayFixture(TestDatabases.h2())) {
            long id = forwardOne(gw, "while down");
            var transport = new SmtpMailTransport("127.0.0.1", port, null, null, "frontdesk@frontdesk.test");
            OutboxDispatcher d = new OutboxDispatcher(gw.db, transport, gw.clock, Meter.NONE, 10, 5);
            assertEquals(1, d.dispatchDue());
            OutboundMail failed = mailOf(gw, id);
            assertEquals(OutboxState.PENDING, failed.state());
            assertEquals(1, failed.attempts());
            assertTrue(failed.lastError().contains("Connect"), failed.lastError());
            assertEquals(0, d.dispatchDue(), "not due again before the backoff has passed");

            GreenMail back = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
            back.start();
            try {
                gw.clock.advance(Duration.ofMinutes(5));
                assertEquals(1, d.dispatchDue());
                assertEquals(1, back.getReceivedMessages().length);
                assertEquals(OutboxState.SENT, mailOf(gw, id).state());
            } finally {
                back.stop();
            }
        }
    }

    @Test
    void whenTheRelayAnswersAgainMailThatFoundItAwayIsDueAtOnceButGreylistedMailKeepsItsOwnBackoff(@TempDir Path dir) throws Exception {
        try (GatewayFixture gw = new GatewayFixture(TestDatabases.h2())) {
            Relay relay = new Relay(new FileMailTransport(dir.resolve("sent")));
            OutboxDispatcher d = new OutboxDispatcher(gw.db, relay, gw.clock, Meter.NONE, 10, 5);

            relay.greylisting = true; // the relay answers, and refuses this mail for now
            long greylisted = forwardOne(gw, "greylisted");
            assertEquals(1, d.dispatchDue());
            OutboundMail g = mailOf(gw, greylisted);
            assertEquals(OutboxState.PENDING, g.state());
            assertTrue(g.lastError().contains("451"), g.lastError());

            gw.clock.advance(Duration.ofSeconds(1));
            relay.greylisting = false;
            relay.away = true; // then nobody answers at all
            long waited = forwardOne(gw, "relay away");
            assertEquals(1, d.dispatchDue(), "the greylisted one is not due yet");
            assertTrue(mailOf(gw, waited).relayAway());
            assertTrue(!mailOf(gw, greylisted).relayAway());

            gw.clock.advance(Duration.ofSeconds(5));
            relay.away = false; // back: the probe finds it, the mail that waited for it goes at once
            assertEquals(1, d.dispatchDue(), "the probe made one mail due");
            assertEquals(1, d.dispatchDue());
            assertEquals(OutboxState.SENT, mailOf(gw, waited).state());
            OutboundMail still = mailOf(gw, greylisted);
            assertEquals(OutboxState.PENDING, still.state(), "greylisted mail waits out the backoff the greylisting server asked for");
            assertEquals(g.nextAttemptAt(), still.nextAttemptAt());
            assertEquals(0, d.dispatchDue());

            gw.clock.set(g.nextAttemptAt());
            assertEquals(1, d.dispatchDue());
            assertEquals(OutboxState.SENT, mailOf(gw, greylisted).state());
        }
    }

    /** A relay over the file transport that can be away (no connection) or greylist every mail (a 4xx per mail). */
    private static final class Relay implements app.frontdesk.application.outbox.MailTransport {
        private final FileMailTransport files;
        volatile boolean away;
        volatile boolean greylisting;

        Relay(FileMailTransport files) {
            this.files = files;
        }

        @Override
        public Connection open() throws Exception {
            if (away) {
                throw new java.net.ConnectException("Connection refused");
            }
            Connection c = files.open();
            return new Connection() {
                @Override
                public void send(OutboundMail mail, Bytes bytes) throws Exception {
                    if (greylisting) {
                        throw new jakarta.mail.MessagingException("451 4.7.1 Greylisted, try again later");
                    }
                    c.send(mail, bytes);
                }

                @Override
                public void close() {
                    c.close();
                }
            };
        }
    }

    @Test
    void shouldGiveUpAfterTheLastAttemptAndKeepTheError() throws Exception {
        try (GatewayFixture gw = new GatewayFixture(TestDatabases.h2())) {
            long id = forwardOne(gw, "never");
            var transport = new SmtpMailTransport("127.0.0.1", 1, null, null, "frontdesk@frontdesk.test");
            OutboxDispatcher d = new OutboxDispatcher(gw.db, transport, gw.clock, Meter.NONE, 10, 2);
            d.dispatchDue();
            gw.clock.advance(Duration.ofHours(2));
            d.dispatchDue();
            OutboundMail m = mailOf(gw, id);
            assertEquals(OutboxState.FAILED, m.state());
            assertEquals(2, m.attempts());
        }
    }

    @Test
    void fileTransportShouldWriteOneFilePerMailEvenWhenRetried(@TempDir Path dir) throws Exception {
        try (GatewayFixture gw = new GatewayFixture(TestDatabases.h2())) {
            long id = forwardOne(gw, "to a file");
            FileMailTransport files = new FileMailTransport(dir.resolve("outbox"));
            OutboundMail mail = mailOf(gw, id);
            try (var c = files.open()) {
                c.send(mail, gw.bytesOf(mail));
                c.send(mail, gw.bytesOf(mail));
            }
            List<Path> written;
            try (var s = Files.list(dir.resolve("outbox"))) {
                written = s.toList();
            }
            assertEquals(1, written.size());
            String text = Files.readString(written.get(0), StandardCharsets.UTF_8);
            assertTrue(text.startsWith("X-Frontdesk-Envelope-From: <frontdesk@frontdesk.test>\r\nX-Frontdesk-Envelope-To: helpdesk@frontdesk.test\r\n"));
            assertTrue(text.endsWith(new String(gw.db.inTransaction(r -> r.inbound().rawBytes(id)), StandardCharsets.UTF_8)));
        }
    }
}
