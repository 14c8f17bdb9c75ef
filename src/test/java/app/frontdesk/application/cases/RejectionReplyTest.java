package app.frontdesk.application.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static app.frontdesk.testkit.FixtureSeeds.LEAD;
import static app.frontdesk.testkit.FixtureSeeds.BORIS;

import app.frontdesk.domain.model.inbound.Envelope;
import app.frontdesk.domain.model.outbox.MailKind;
import app.frontdesk.domain.model.outbox.OutboundMail;
import app.frontdesk.domain.model.supportcase.CaseEvent;
import app.frontdesk.domain.model.supportcase.CaseKind;
import app.frontdesk.domain.model.supportcase.CaseState;
import app.frontdesk.domain.model.supportcase.SupportCase;
import app.frontdesk.infrastructure.persistence.DatabaseSettings;
import app.frontdesk.testkit.GatewayFixture;
import app.frontdesk.testkit.Mails;
import app.frontdesk.testkit.TestDatabases;
import app.frontdesk.testkit.TestMail;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rejecting a case with a reply: the person's words reach the sender inside the rejection letter (in the sender's
 * language, what they can do, by when, whom to ask, signed with the company's name) through the outbox, only after
 * the wording rules passed them; the timeline says what went to whom; an address nobody reads gets nothing. What
 * they can do follows why the case was opened: only a stranger is told to write from a registered address.
 */
class RejectionReplyTest {

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

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ru", "en"})
    void aStrangerIsToldToWriteFromARegisteredAddress(String language) throws Exception {
        try (GatewayFixture gw = new GatewayFixture(TestDatabases.h2(), COMPANY)) {
            OutboundMail reply = rejectedWithReply(gw, CaseKind.UNKNOWN_SENDER, "petr@unknown-company.example", language);
            for (String part : List.of(Mails.text(reply.raw()), Mails.html(reply.raw()))) {
                assertTrue(part.contains(language.equals("ru") ? "с адреса, который ваша компания у нас зарегистрировала"
                        : "from an address your company has registered with us"), "his address is the problem, so he is told: " + part);
                assertTrue(part.contains(language.equals("ru") ? "На такое письмо мы ответим не позднее" : "We will answer such a message by"), part);
                assertFalse(part.contains(language.equals("ru") ? "администратор почты" : "mail administrator"), "nothing for another reason: " + part);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ru", "en"})
    void aContactWhoseMailCouldNotBeConfirmedIsNotToldToChangeTheirAddress(String language) throws Exception {
        try (GatewayFixture gw = new GatewayFixture(TestDatabases.h2(), COMPANY)) {
            // their address is the registered one: the mail failed the server's checks, and a person rejected the case
            OutboundMail reply = rejectedWithReply(gw, CaseKind.UNVERIFIED_CONTACT, "anna@romashka.example", language);
            boolean ru = language.equals("ru");
            for (String part : List.of(Mails.text(reply.raw()), Mails.html(reply.raw()))) {
                assertFalse(part.contains(ru ? "зарегистр" : "registered"), "not told to write from another address: " + part);
                assertTrue(part.contains(ru ? "если это письмо отправили вы, позвоните нам или напишите ещё раз"
                        : "if you sent that message, call us or write to us again"), "what they can do: " + part);
                assertTrue(part.contains(ru ? "мы по нему ничего не предпринимали" : "we have not acted on it"), "and if it was not them: " + part);
                assertTrue(part.contains(ru ? "мы ответим не позднее" : "we will answer by"), "what happens next: " + part);
            }
            assertTrue(Mails.text(reply.raw()).strip().endsWith(ru ? "служба поддержки ООО «Облако»" : "ООО «Облако» customer support"),
                    "signed with the company's name");
        }
    }

    /** The reply the lead's rejection sends on a case of {@code kind} opened by hand for a sender writing in {@code language}. */
    private static OutboundMail rejectedWithReply(GatewayFixture gw, CaseKind kind, String sender, String language) throws Exception {
        long caseId = caseOf(gw, kind, sender, Locale.forLanguageTag(language));
        gw.services.caseRejection.rejectAs(LEAD, caseId, "rejected", "Спасибо за письмо.");
        return sent(gw, caseId, MailKind.REJECTION_REPLY).get(0);
    }

    /** A case opened by hand for a sender, with a stored message of theirs in it. */
    private static long caseOf(GatewayFixture gw, String sender) throws Exception {
        return caseOf(gw, CaseKind.UNKNOWN_SENDER, sender, Locale.ENGLISH);
    }

    /** A case of {@code kind} opened by hand for a sender writing in {@code lang}, with a stored message of theirs in it. */
    private static long caseOf(GatewayFixture gw, CaseKind kind, String sender, Locale lang) throws Exception {
        long message = gw.intake.accept(TestMail.from(sender).messageId("<robot-1@bank-robot.example>").subject("Statement").bytes(),
                new Envelope(sender, "support@frontdesk.test")).id();
        return gw.db.inTransaction(r -> {
            SupportCase c = new SupportCase(kind, sender, null, null, 0, "test",
                    lang, gw.clock.instant(), gw.clock.instant().plus(java.time.Duration.ofHours(4)),
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
