package app.frontdesk.infrastructure.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.application.Meter;
import app.frontdesk.application.outbox.MailComposer;
import app.frontdesk.application.outbox.OutboxDispatcher;
import app.frontdesk.application.texts.Rendered;
import app.frontdesk.domain.model.inbound.Envelope;
import app.frontdesk.domain.model.outbox.MailKind;
import app.frontdesk.domain.model.outbox.OutboundMail;
import app.frontdesk.domain.model.outbox.OutboxState;
import app.frontdesk.domain.model.supportcase.SupportCase;
import app.frontdesk.testkit.GatewayFixture;
import app.frontdesk.testkit.ScriptedSmtpServer;
import app.frontdesk.testkit.TestDatabases;
import app.frontdesk.testkit.TestMail;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An address whose local part is not ASCII (RFC 6531, "иван@...") is kept intact: the reply is written with the
 * address in UTF-8, goes out with SMTPUTF8 when the relay offers it, and is not sent at all, with the reason on
 * the mail and in the case, when it does not. Before, nobody with such an address was answered, and a mail to one
 * through Angus without {@code mail.mime.allowutf8} went to each character's low eight bits, another mailbox.
 */
class SmtpUtf8Test {

    private static final String IVAN = "иван@romashka.example";

    /** A stranger with a Cyrillic local part writes; our mail server verified the domain; the pipeline decides. */
    private static OutboundMail replyToIvan(GatewayFixture gw) throws Exception {
        gw.account("Romashka", "romashka.example", "anna@romashka.example");
        long id = gw.intake.accept(TestMail.from("Иван Петров <" + IVAN + ">").subject("Счёт не оплачен?")
                .rawHeaderCharset(StandardCharsets.UTF_8).bytes(), Envelope.UNKNOWN).id();
        gw.processAll();
        List<OutboundMail> replies = gw.db.inTransaction(r -> r.outbox().causedBy(id)).stream()
                .filter(m -> m.kind() == MailKind.SENDER_REPLY).toList();
        assertEquals(1, replies.size(), "the stranger is answered");
        assertEquals(List.of(IVAN), replies.get(0).recipients(), "at the address as written (in lower case, as every address)");
        assertTrue(replies.get(0).needsSmtpUtf8());
        return replies.get(0);
    }

    /** Angus Mail 2.0 writes such an address in UTF-8 by itself (1.x cut it to bytes); this keeps it so. */
    @Test
    void theComposerWritesANonAsciiAddressInUtf8AsItIs() {
        byte[] mail = new MailComposer("frontdesk.test").draft("<1@frontdesk.test>", new Rendered("Ваше письмо", "Текст", "<p>Текст</p>"))
                .from("frontdesk@frontdesk.test", "Поддержка").to(List.of(IVAN)).write(Instant.parse("2026-11-20T09:00:00Z"));
        String text = new String(mail, StandardCharsets.UTF_8);
        assertTrue(text.contains("\r\nTo: " + IVAN + "\r\n"), "RFC 6532: the address in UTF-8, not encoded, not cut to bytes:\n" + text);
        assertTrue(text.contains("\r\nSubject: =?UTF-8?"), "other text fields stay encoded words, readable by any program");
        assertTrue(text.contains("\r\nFrom: =?UTF-8?"), "a display name too:\n" + text);
    }

    @Test
    void anAsciiMailIsWrittenAsBefore() {
        byte[] mail = new MailComposer("frontdesk.test").draft("<2@frontdesk.test>", new Rendered("Subject", "Text", null))
                .from("frontdesk@frontdesk.test", "Support").to(List.of("ivan@romashka.example")).write(Instant.now());
        for (byte b : mail) {
            assertTrue(b >= 0, "only ASCII bytes");
        }
    }

    @Test
    void greenMailAnnouncesNoSmtpUtf8() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
        smtp.start();
        try (Socket s = new Socket("127.0.0.1", smtp.getSmtp().getPort());
             BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII))) {
            OutputStream out = s.getOutputStream();
            in.readLine();
            out.write("EHLO test\r\n".getBytes(StandardCharsets.US_ASCII));
            StringBuilder ehlo = new StringBuilder();
            for (String line = in.readLine(); line != null; line = line.startsWith("250 ") ? null : in.readLine()) {
                ehlo.append(line).append('\n');
            }
            assertFalse(ehlo.toString().contains("SMTPUTF8"), ehlo.toString());
        } finally {
            smtp.stop();
        }
    }

    @Test
    void aRelayWithoutSmtpUtf8NeverGetsTheReplyAndTheCaseSaysWhy() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
        smtp.start();
        var transport = new SmtpMailTransport("127.0.0.1", smtp.getSmtp().getPort(), null, null, "frontdesk@frontdesk.test");
        try (GatewayFixture gw = new GatewayFixture(TestDatabases.h2(), java.util.Map.of(), transport)) {
            OutboundMail reply = replyToIvan(gw);
            gw.services.dispatcher.dispatchDue();
            gw.services.dispatcher.dispatchDue();

            OutboundMail after = gw.db.inTransaction(r -> r.outbox().byId(reply.id())).orElseThrow();
            assertEquals(OutboxState.FAILED, after.state(), "given up at once, not retried twelve times");
            assertTrue(after.lastError().contains("does not offer SMTPUTF8"), after.lastError());
            // each character's low eight bits, as Angus writes an address without allowutf8: и 0x438, в 0x432, а 0x430, н 0x43D
            assertEquals(0, app.frontdesk.testkit.Mailboxes.count(smtp, "820=@romashka.example"), "nothing to the mangled address");
            assertTrue(smtp.getReceivedMessages().length > 0, "the other mails of the batch went out");
            assertEquals(0, app.frontdesk.testkit.Mailboxes.count(smtp, IVAN), "nothing to the address");
            SupportCase c = gw.db.inTransaction(r -> r.cases().find(after.caseId()).orElseThrow());
            assertTrue(c.timeline().stream().anyMatch(e -> e.kind().equals("mail-not-sent") && e.detail().contains(IVAN)
                    && e.detail().contains("SMTPUTF8")), "the manager reads why in the case");

            // The manager's alert listed the reply among what was sent; the manager now hears, in their own mailbox,
            // that it did not go, why (our relay, not the customer's address), and to reach Ivan another way.
            var told = java.util.Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
                try {
                    return m.getSubject().startsWith("Письмо клиенту не доставлено") || m.getSubject().startsWith("Mail to a customer not delivered");
                } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            assertEquals(1, told.size(), "one alert for the one mail given up");
            assertEquals("olga@frontdesk.test", told.get(0).getAllRecipients()[0].toString(), "to the account's personal manager");
            String body = com.icegreen.greenmail.util.GreenMailUtil.getBody(told.get(0));
            String text = body.contains("=?") || body.contains("=D0") ? new String(jakarta.mail.internet.MimeUtility.decode(
                    new java.io.ByteArrayInputStream(body.getBytes(StandardCharsets.US_ASCII)), "quoted-printable").readAllBytes(),
                    StandardCharsets.UTF_8) : body;
            assertTrue(text.contains("SMTPUTF8") && text.contains(IVAN), text);
            assertTrue(text.contains("/console/cases/" + after.caseId()), "a link to the case: " + text);
            assertFalse(text.contains("RFC 6531") || text.contains("127.0.0.1:"), "words, not the transport's technical line: " + text);
        } finally {
            smtp.stop();
        }
    }

    @Test
    void aRelayThatOffersSmtpUtf8GetsTheAddressIntact() throws Exception {
        try (GatewayFixture gw = new GatewayFixture(TestDatabases.h2());
             ScriptedSmtpServer relay = new ScriptedSmtpServer("8BITMIME", "SMTPUTF8")) {
            OutboundMail reply = replyToIvan(gw);
            var transport = new SmtpMailTransport("127.0.0.1", relay.port(), null, null, "frontdesk@frontdesk.test");
            try (var connection = transport.open()) {
                connection.send(reply, gw.bytesOf(reply));
            }
            assertTrue(relay.commands().contains("MAIL FROM:<> SMTPUTF8"), relay.commands().toString());
            assertTrue(relay.commands().contains("RCPT TO:<" + IVAN + ">"), "the address as UTF-8: " + relay.commands());
            String data = new String(relay.messages().get(0), StandardCharsets.UTF_8);
            assertTrue(data.contains("\r\nTo: " + IVAN + "\r\n"), data);
        }
    }
}
