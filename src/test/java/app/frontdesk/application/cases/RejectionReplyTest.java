package app.frontdesk.application.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.domain.model.inbound.Envelope;
import app.frontdesk.domain.model.outbox.MailKind;
import app.frontdesk.domain.model.outbox.OutboundMail;
import app.frontdesk.domain.model.staff.StaffRole;
import app.frontdesk.domain.model.staff.Viewer;
import app.frontdesk.domain.model.supportcase.CaseEvent;
import app.frontdesk.domain.model.supportcase.CaseState;
import app.frontdesk.domain.model.supportcase.SupportCase;
import app.frontdesk.infrastructure.persistence.DatabaseSettings;
import app.frontdesk.testkit.GatewayFixture;
import app.frontdesk.testkit.Mails;
import app.frontdesk.testkit.TestMail;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rejecting a case with a reply: the person's words reach the sender inside the rejection letter (in the sender's
 * language, what they can do, by when, whom to ask, signed with the company's name) through the outbox, only after
 * the wording rules passed them; the timeline says what went to whom; an address nobody reads gets nothing.
 */
class RejectionReplyTest {

    private static final Viewer LEAD = new Viewer(3, "lead@frontdesk.test", "Lead", Set.of(StaffRole.LEAD), Locale.ENGLISH);
    private static final Viewer BORIS = new Viewer(2, "boris.orlov@frontdesk.test", "Борис", Set.of(StaffRole.MANAGER), Locale.ENGLISH);
    private static final Map<String, String> COMPANY = Map.of("FRONTDESK_COMPANY_NAME", "ООО «Облако»");

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void theSendersReplyIsCheckedSentInTheirLanguageAndOnTheTimeline(String name, Supplier<DatabaseSettings> db) throws Exception {
        try (GatewayFixture gw = new GatewayFixture(db.get(), COMPANY)) {
            long caseId = strangerWrites(gw, "Иван Петров <ivan@petrov-family.example>", "ivan@petrov-family.example",
                    "Добрый день! Прошу прислать акт сверки по договору.");
            var actions = gw.services.caseRejection;

            ReplyRefused refused = assertThrows(ReplyRefused.class, () -> actions.rejectAs(LEAD, caseId, "not a customer",
                    "Вы сами виноваты: нужно было читать договор."));
            assertTrue(refused.findings().stream().anyMatch(f -> f.excerpt().contains("виноваты")), refused.getMessage());
            assertEquals(CaseState.OPEN, theCase(gw, caseId).state(), "a refused reply changes nothing");
            assertEquals(List.of(), sent(gw, caseId, MailKind.REJECTION_REPLY));

            assertTrue(actions.rejectAs(BORIS, caseId, "mine", "Спасибо за письмо.").isEmpty(), "another's case: no case, no reply");
            assertEquals(List.of(), sent(gw, caseId, MailKind.REJECTION_REPLY));

            String words = "Мы не смогли подтвердить, что ваш адрес относится к одной из компаний, с которыми мы работаем.";
            assertEquals(CaseState.REJECTED, actions.rejectAs(LEAD, caseId, "not a customer", words).orElseThrow().state());
            List<OutboundMail> replies = sent(gw, caseId, MailKind.REJECTION_REPLY);
            assertEquals(1, replies.size());
            OutboundMail reply = replies.get(0);
            assertEquals(List.of("ivan@petrov-family.example"), reply.recipients());
            assertEquals(null, reply.envelopeFrom(), "a null reverse path, as for the automatic reply: a bounce of it goes nowhere");
            String text = Mails.text(reply.raw());
            assertTrue(text.startsWith("Здравствуйте, Иван Петров!") && text.contains(words), "in his language, with her words: " + text);
            assertTrue(text.contains("не позднее") && text.contains("+7 495 123-45-67"), "by when, and whom to ask: " + text);
            assertTrue(text.strip().endsWith("служба поддержки ООО «Облако»"), "signed with the company's name: " + text);
            assertTrue(new String(reply.raw(), StandardCharsets.UTF_8).contains("In-Reply-To: <ivan-1@petrov-family.example>"),
                    "an answer to his message");
            SupportCase c = theCase(gw, caseId);
            assertTrue(c.timeline().stream().anyMatch(e -> e.kind().equals("rejection-reply-sent") && e.actor().equals(LEAD.email())
                    && e.detail().startsWith("ivan@petrov-family.example: ") && e.detail().contains(words)), "what was sent to whom");
            assertEquals(1L, (long) gw.db.inTransaction(r -> r.audit().about("case", caseId).stream()
                    .filter(e -> e.action().equals("case-reply-sent")).count()), "audited");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void anAddressNobodyReadsGetsNoReply(String name, Supplier<DatabaseSettings> db) throws Exception {
        try (GatewayFixture gw = new GatewayFixture(db.get(), COMPANY)) {
            // the pipeline opens no case for such mail (it is recorded as automatic); a case made otherwise must not answer it either
            long caseId = caseOf(gw, "noreply@bank-robot.example");
            assertEquals(CaseState.REJECTED, gw.services.caseRejection.rejectAs(LEAD, caseId, "a robot", "Спасибо за письмо.").orElseThrow().state());
            assertEquals(List.of(), sent(gw, caseId, MailKind.REJECTION_REPLY), "no reply to a no-reply address");
            assertTrue(theCase(gw, caseId).timeline().stream().map(CaseEvent::kind).anyMatch("rejection-reply-not-sent"::equals), "said on the timeline");

            long plain = strangerWrites(gw, "Пётр <petr@unknown-company.example>", "petr@unknown-company.example", "Вопрос по счёту");
            gw.services.caseRejection.rejectAs(LEAD, plain, "no reply wanted", "  ");
            assertEquals(List.of(), sent(gw, plain, MailKind.REJECTION_REPLY), "a blank reply is no reply");
            assertFalse(theCase(gw, plain).timeline().stream().map(CaseEvent::kind).anyMatch(k -> k.startsWith("rejection-reply")));
        }
    }

    /** A case opened by hand for a sender, with a stored message of theirs in it. */
    private static long caseOf(GatewayFixture gw, String sender) throws Exception {
        long message = gw.intake.accept(TestMail.from(sender).messageId("<robot-1@bank-robot.example>").subject("Statement").bytes(),
                new Envelope(sender, "support@frontdesk.test")).id();
        return gw.db.inTransaction(r -> {
            SupportCase c = new SupportCase(app.frontdesk.domain.model.supportcase.CaseKind.UNKNOWN_SENDER, sender, null, null, 0, "test",
                    Locale.ENGLISH, gw.clock.instant(), gw.clock.instant().plus(java.time.Duration.ofHours(4)),
                    gw.clock.instant().plus(java.time.Duration.ofDays(7)));
            r.cases().add(c);
            r.inbound().find(message).orElseThrow().joinCase(c.id());
            return c.id();
        });
    }

    /** A stranger's mail through the pipeline: stored, processed, held in a case of its own. */
    private static long strangerWrites(GatewayFixture gw, String from, String address, String body) throws Exception {
        String local = address.substring(0, address.indexOf('@')).replace(".", "");
        long id = gw.intake.accept(TestMail.from(from).rawHeaderCharset(StandardCharsets.UTF_8).messageId("<" + local + "-1@"
                        + address.substring(address.indexOf('@') + 1) + ">").subject("Вопрос").body(body).bytes(),
                new Envelope(address, "support@frontdesk.test")).id();
        gw.processAll();
        Long caseId = gw.db.inTransaction(r -> r.inbound().find(id).orElseThrow().caseId());
        assertTrue(caseId != null, "the stranger's mail opened a case");
        return caseId;
    }

    private static List<OutboundMail> sent(GatewayFixture gw, long caseId, MailKind kind) {
        return gw.db.inTransaction(r -> r.outbox().ofCase(caseId)).stream().filter(m -> m.kind() == kind).toList();
    }

    private static SupportCase theCase(GatewayFixture gw, long caseId) {
        return gw.db.inTransaction(r -> {
            SupportCase c = r.cases().find(caseId).orElseThrow();
            c.timeline().size(); // load it inside the transaction
            return c;
        });
    }
}
