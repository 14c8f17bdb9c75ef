package app.frontdesk.application.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.application.outbox.MessageIds;
import app.frontdesk.domain.model.account.EmailAddress;
import app.frontdesk.domain.model.inbound.Envelope;
import app.frontdesk.domain.model.inbound.InboundMessage;
import app.frontdesk.domain.model.inbound.InboundState;
import app.frontdesk.domain.model.inbound.Route;
import app.frontdesk.infrastructure.mime.Mime4jMailParser;
import app.frontdesk.testkit.TestMail;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pipeline's steps one at a time, without a database. */
class StepsTest {

    private static final MessageIds IDS = new MessageIds("frontdesk.test");
    private final IsAutomatic isAutomatic = new IsAutomatic(EmailAddress.of("frontdesk@frontdesk.test"), IDS);

    private static MailContext mail(TestMail m, Envelope envelope) throws Exception {
        byte[] raw = m.bytes();
        MailContext ctx = new MailContext(new InboundMessage("0".repeat(64), null, envelope, raw.length, Instant.EPOCH),
                raw, null, Instant.EPOCH);
        ctx.parsed(new Mime4jMailParser().parse(raw));
        return ctx;
    }

    private static MailContext mail(TestMail m) throws Exception {
        return mail(m, new Envelope("someone@x.example", "support@frontdesk.test"));
    }

    @Test
    void isAutomaticShouldNotMatchAPersonsMail() throws Exception {
        assertEquals(Optional.empty(), isAutomatic.match(mail(TestMail.from("Anna <anna@romashka.example>")
                .subject("Re: invoice 123").header("Auto-Submitted", "no"))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "Auto-Submitted|auto-replied",
            "Auto-Submitted|auto-generated; owner-email=x@y",
            "Precedence|bulk",
            "Precedence|junk",
            "Precedence|list",
            "List-Id|<news.x.example>",
            "List-Unsubscribe|<mailto:u@x.example>",
            "X-Auto-Response-Suppress|All",
            "X-Autoreply|yes",
            "Return-Path|<>",
            "X-Frontdesk-Loop|frontdesk.test",
            "Content-Type|multipart/report; report-type=delivery-status; boundary=x"})
    void isAutomaticShouldMatchEachRfc3834Sign(String header, String value) throws Exception {
        Optional<String> why = isAutomatic.match(mail(TestMail.from("anna@romashka.example").header(header, value)));
        assertTrue(why.isPresent(), header + ": " + value);
    }

    @ParameterizedTest
    @CsvSource({"MAILER-DAEMON@mx.example", "postmaster@mx.example", "no-reply@service.example",
            "list-owner@lists.example", "owner-news@lists.example", "frontdesk@frontdesk.test"})
    void isAutomaticShouldMatchMailFromMailSystemsAndFromUs(String from) throws Exception {
        assertTrue(isAutomatic.match(mail(TestMail.from(from))).isPresent(), from);
    }

    @Test
    void isAutomaticShouldMatchANullEnvelopeSender() throws Exception {
        assertTrue(isAutomatic.match(mail(TestMail.from("anna@romashka.example"), new Envelope("", null))).isPresent());
        assertFalse(isAutomatic.match(mail(TestMail.from("anna@romashka.example"), Envelope.UNKNOWN)).isPresent());
    }

    @Test
    void isAutomaticShouldMatchBounceSubjectsEvenForwarded() throws Exception {
        assertTrue(isAutomatic.match(mail(TestMail.from("anna@romashka.example")
                .subject("Fwd: Undelivered Mail Returned to Sender"))).isPresent());
        assertTrue(isAutomatic.match(mail(TestMail.from("anna@romashka.example").subject("Автоответ: отпуск").rawHeaderCharset(java.nio.charset.StandardCharsets.UTF_8))).isPresent());
    }

    @Test
    void isAutomaticShouldMatchAReportPartInsideAMultipart() throws Exception {
        String body = "--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b\r\nContent-Type: message/feedback-report\r\n\r\n"
                + "Feedback-Type: abuse\r\n--b--\r\n";
        assertTrue(isAutomatic.match(mail(TestMail.from("staff@isp.example").header("MIME-Version", "1.0")
                .header("Content-Type", "multipart/mixed; boundary=b").body(body))).isPresent());
    }

    @Test
    void identifySenderShouldTakeTheSingleFromMailboxAndNeverReplyTo() throws Exception {
        MailContext ctx = mail(TestMail.from("\"Petrov, Ivan\" <Ivan.Petrov@Romashka.example>")
                .header("Reply-To", "attacker@evil.example").header("Sender", "other@x.example"));
        new IdentifySender().service(ctx, "");
        assertEquals(Optional.of(EmailAddress.of("ivan.petrov@romashka.example")), ctx.sender());
    }

    @Test
    void identifySenderShouldRefuseSeveralFromMailboxes() throws Exception {
        MailContext ctx = mail(TestMail.from("a@x.example, b@y.example"));
        new IdentifySender().service(ctx, "");
        assertTrue(ctx.sender().isEmpty());
        assertTrue(ctx.senderProblem().orElseThrow().contains("2 mailboxes"));
    }

    @Test
    void identifySenderShouldSayWhenThereIsNoFrom() throws Exception {
        MailContext ctx = mail(TestMail.from("a@x.example").without("From"));
        new IdentifySender().service(ctx, "");
        assertEquals(Optional.of("the message has no From field"), ctx.senderProblem());
    }

    @Test
    void holdAsUnknownSenderShouldHoldWithTheReason() throws Exception {
        MailContext ctx = mail(TestMail.from("ceo@romashka.example"));
        new IdentifySender().service(ctx, "");
        new HoldAsUnknownSender().service(ctx, "");
        Decision d = ctx.decision().orElseThrow();
        assertEquals(Route.UNKNOWN_SENDER, d.route());
        assertEquals(InboundState.HELD, d.state());
        assertEquals("unknown sender: ceo@romashka.example is not an authorized contact of any account", d.reason());
    }

    @Test
    void pipelineShouldRunMatchingStepsInOrderAndStopAtTheFirstDecision() throws Exception {
        List<String> ran = new ArrayList<>();
        Pipeline p = new Pipeline(List.of(
                Step.step("one", Matcher.always(), (m, why) -> ran.add("one")),
                Step.step("skipped", m -> Optional.empty(), (m, why) -> ran.add("skipped")),
                Step.step("decide", m -> Optional.of("because"), (m, why) -> {
                    ran.add("decide:" + why);
                    m.decide(Route.AUTOMATIC, InboundState.ROUTED, null, why);
                }),
                Step.step("never", Matcher.always(), (m, why) -> ran.add("never"))));
        MailContext ctx = mail(TestMail.from("a@x.example"));
        p.process(ctx);
        assertEquals(List.of("one", "decide:because"), ran);
        assertEquals("decide", ctx.decision().orElseThrow().step());
        assertEquals("one -> skipped -> decide -> never", p.describe());
    }

    @Test
    void pipelineShouldFailLoudlyWhenNoStepDecides() throws Exception {
        Pipeline p = new Pipeline(List.of(Step.step("nothing", Matcher.always(), (m, why) -> { })));
        assertThrows(IllegalStateException.class, () -> p.process(mail(TestMail.from("a@x.example"))));
    }
}
