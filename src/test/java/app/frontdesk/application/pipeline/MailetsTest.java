package app.frontdesk.application.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.application.cases.UnknownSenderDesk;
import app.frontdesk.domain.model.care.ExperienceKind;
import app.frontdesk.domain.model.inbound.InboundState;
import app.frontdesk.domain.model.inbound.Route;
import app.frontdesk.domain.model.outbox.MailKind;
import app.frontdesk.domain.model.outbox.OutboundMail;
import app.frontdesk.domain.model.supportcase.CaseState;
import app.frontdesk.infrastructure.mime.Mime4jMailParser;
import app.frontdesk.testkit.GatewayFixture;
import app.frontdesk.testkit.TestDatabases;
import app.frontdesk.testkit.TestMail;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every mailet of the pipeline on its own, with {@link FakeMail} over a real H2 transaction: what the
 * step decides, what it writes, what it tells the next steps. The whole flow is in GatewayFlowTest.
 */
class MailetsTest {

    private static final String FORWARDED = "Olga here, see below.\r\n\r\n---------- Forwarded message ---------\r\n"
            + "From: Бухгалтерия <anna@romashka.example>\r\nDate: Fri, 20 Nov 2026 16:40\r\nSubject: Оплата\r\n\r\n"
            + "Направляем платёжное поручение № 118 от 20.11.2026 на сумму 1 500,00 руб.\r\n";

    private GatewayFixture gw;
    private long romashka;
    private UnknownSenderDesk desk;

    @BeforeEach
    void start() {
        gw = new GatewayFixture(TestDatabases.h2());
        romashka = gw.account("Romashka", "romashka.example", "anna@romashka.example");
        desk = gw.services.unknownSenders;
    }

    @AfterEach
    void stop() {
        gw.close();
    }

    private List<MailKind> caused(MailContext ctx) {
        return gw.db.inTransaction(r -> r.outbox().causedBy(ctx.message().id())).stream().map(OutboundMail::kind).toList();
    }

    private List<OutboundMail> mails(MailContext ctx) {
        return gw.db.inTransaction(r -> r.outbox().causedBy(ctx.message().id()));
    }

    private static TestMail stranger(String subject) {
        return TestMail.from("Ivan <ivan@romashka.example>").subject(subject);
    }

    @Test
    void parseMessageShouldReadTheMailAndDescribeTheStoredMessage() throws Exception {
        MailContext ctx = FakeMail.of(TestMail.from("anna@romashka.example").subject("Hello")).unparsed()
                .serviceIn(gw, new ParseMessage(new Mime4jMailParser(), gw.services.adminAlert));
        assertEquals("Hello", ctx.parsed().subject());
        assertEquals("Hello", ctx.message().subject());
        assertTrue(ctx.decision().isEmpty());
    }

    @Test
    void parseMessageShouldQuarantineWhatIsNoMessageAndTellTheAdministrator() throws Exception {
        MailContext ctx = FakeMail.ofRaw("\r\nno header at all\r\n".getBytes(StandardCharsets.US_ASCII))
                .serviceIn(gw, new ParseMessage(new Mime4jMailParser(), gw.services.adminAlert));
        assertEquals(Route.QUARANTINE, ctx.decision().orElseThrow().route());
        assertEquals(List.of(MailKind.ADMIN_ALERT), caused(ctx));
    }

    @Test
    void recordAsAutomaticShouldRouteAsAutomaticSayingWhy() throws Exception {
        MailContext ctx = FakeMail.of(TestMail.from("mailer-daemon@x.example")).build();
        new RecordAsAutomatic().service(ctx, "Auto-Submitted: auto-replied");
        assertEquals(Route.AUTOMATIC, ctx.decision().orElseThrow().route());
        assertTrue(ctx.decision().get().reason().contains("auto-replied"));
    }

    @Test
    void verifySenderShouldTrustOurMailServersResultOnly() throws Exception {
        VerifySender step = new VerifySender(gw.services.desks.verifier());
        MailContext verified = FakeMail.of(TestMail.from("anna@romashka.example")).build();
        step.service(verified, "test");
        assertTrue(verified.verification().passed(), verified.verification().evidence());
        MailContext forged = FakeMail.of(TestMail.from("anna@romashka.example").unverified()
                .addHeader("Authentication-Results", "mx.elsewhere.example; dmarc=pass header.from=romashka.example")).build();
        step.service(forged, "test");
        assertFalse(forged.verification().passed(), forged.verification().evidence());
    }

    @Test
    void matchContactsShouldFindTheContactsAccountsAndOurManagers() throws Exception {
        MailContext anna = FakeMail.of(TestMail.from("anna@romashka.example")).serviceIn(gw, new MatchContacts());
        assertEquals(List.of(romashka), anna.contactAccounts());
        assertTrue(anna.managerName().isEmpty());
        MailContext olga = FakeMail.of(TestMail.from("olga@frontdesk.test")).verified().serviceIn(gw, new MatchContacts());
        assertEquals(List.of(), olga.contactAccounts());
        assertEquals("Olga", olga.managerName().orElseThrow());
        assertEquals(List.of(romashka), olga.managedAccounts());
        MailContext forgedOlga = FakeMail.of(TestMail.from("olga@frontdesk.test")).unverified().serviceIn(gw, new MatchContacts());
        assertTrue(forgedOlga.managerName().isEmpty(), "an unverified From is nobody's manager");
        MailContext nobody = FakeMail.of(stranger("Hi")).serviceIn(gw, new MatchContacts());
        assertEquals(List.of(), nobody.contactAccounts());
        assertTrue(nobody.managerName().isEmpty());
    }

    @Test
    void recordPaymentOrderShouldRecordEvidenceTellTheManagerAndAcknowledgeItToTheSender() throws Exception {
        MailContext ctx = FakeMail.of(TestMail.from("anna@romashka.example").rawHeaderCharset(StandardCharsets.UTF_8)
                        .body("Направляем платёжное поручение № 118 от 20.11.2026 на сумму 1 500,00 руб.\r\n"))
                .verified().contactOf(romashka).serviceIn(gw, new RecordPaymentOrder(gw.services.desks.paymentOrders()));
        assertEquals(1, gw.db.inTransaction(r -> r.billing().unconfirmedEvidence(romashka)).size());
        assertEquals(List.of(MailKind.MANAGER_ALERT, MailKind.PAYMENT_ORDER_RECEIVED), caused(ctx));
        OutboundMail ack = mails(ctx).get(1);
        assertEquals(List.of("anna@romashka.example"), ack.recipients());
        assertTrue(app.frontdesk.testkit.Mails.text(ack.raw()).contains("до конца дня 25 ноября (среда)"), "the sender learns until when");
        assertTrue(ctx.sent().get(0).endsWith("its receipt acknowledged to anna@romashka.example"), ctx.sent().toString());
        assertTrue(ctx.decision().isEmpty(), "the message itself goes on to the helpdesk");
    }

    @Test
    void recordForwardedPaymentOrderShouldRecordItForTheManagersAccount() throws Exception {
        MailContext ctx = FakeMail.of(TestMail.from("Olga <olga@frontdesk.test>").rawHeaderCharset(StandardCharsets.UTF_8).body(FORWARDED))
                .verified().managerOf("Olga", romashka).serviceIn(gw, new RecordForwardedPaymentOrder(gw.services.desks.passedOn()));
        assertEquals(Route.PAYMENT_ORDER, ctx.decision().orElseThrow().route());
        assertEquals(romashka, ctx.decision().get().accountId());
        assertEquals(1, gw.db.inTransaction(r -> r.billing().unconfirmedEvidence(romashka)).size());
    }

    @Test
    void recordForwardedPaymentOrderShouldLeaveAManagersOtherMailToTheNextSteps() throws Exception {
        MailContext ctx = FakeMail.of(TestMail.from("olga@frontdesk.test").body("Lunch on Friday?"))
                .verified().managerOf("Olga", romashka).serviceIn(gw, new RecordForwardedPaymentOrder(gw.services.desks.passedOn()));
        assertTrue(ctx.decision().isEmpty());
        assertEquals(List.of(), caused(ctx));
    }

    @Test
    void recordComplaintShouldRecordABadExperienceOfTheAccount() throws Exception {
        MailContext ctx = FakeMail.of(TestMail.from("anna@romashka.example").subject("Delivery").body("It was not delivered again."))
                .verified().contactOf(romashka).serviceIn(gw, new RecordComplaint(gw.services.desks.complaints()));
        var experiences = gw.db.inTransaction(r -> r.care().experiences(romashka, Instant.EPOCH));
        assertEquals(List.of(ExperienceKind.COMPLAINT), experiences.stream().map(e -> e.kind()).toList());
        assertEquals(List.of("complaint recorded for account " + romashka), ctx.sent());
        MailContext calm = FakeMail.of(TestMail.from("anna@romashka.example").subject("Thanks").body("All good, thank you."))
                .verified().contactOf(romashka).serviceIn(gw, new RecordComplaint(gw.services.desks.complaints()));
        assertEquals(List.of(), calm.sent());
    }

    @Test
    void forwardToHelpdeskShouldForwardTheKnownContactsMailAndDecide() throws Exception {
        MailContext ctx = FakeMail.of(TestMail.from("anna@romashka.example")).verified().contactOf(romashka)
                .serviceIn(gw, new ForwardToHelpdesk(new app.frontdesk.application.outbox.HelpdeskForward(GatewayFixture.ADDRESSES, gw.messageIds)));
        assertEquals(Route.HELPDESK, ctx.decision().orElseThrow().route());
        assertEquals(List.of(MailKind.HELPDESK_FORWARD), caused(ctx));
    }

    @Test
    void findAccountShouldRankTheAccountsTheEvidencePointsTo() throws Exception {
        MailContext ctx = FakeMail.of(stranger("Hi")).verified().serviceIn(gw, new FindAccount(desk));
        assertEquals(romashka, ctx.candidates().clear().orElseThrow().accountId(), ctx.candidates().describe());
        MailContext inTheirName = FakeMail.of(TestMail.from("anna@romashka.example").unverified()).unverified().contactOf(romashka)
                .serviceIn(gw, new FindAccount(desk));
        assertEquals("contact-address", inTheirName.candidates().clear().orElseThrow().evidence().get(0).kind());
    }

    @Test
    void openCaseShouldOpenACaseAndLetTheSendersNextMessageJoinIt() throws Exception {
        MailContext first = FakeMail.of(stranger("Suspension")).verified().serviceIn(gw, new FindAccount(desk), new OpenCase(desk));
        assertTrue(first.caseOpened());
        assertEquals(romashka, first.supportCase().orElseThrow().accountId().orElseThrow());
        MailContext second = FakeMail.of(stranger("Suspension, again")).verified().serviceIn(gw, new FindAccount(desk), new OpenCase(desk));
        assertFalse(second.caseOpened());
        assertEquals(first.supportCase().get().id(), second.supportCase().orElseThrow().id());
    }

    @Test
    void replyToSenderShouldExplainOnceADay() throws Exception {
        MailContext first = FakeMail.of(stranger("Suspension")).verified()
                .serviceIn(gw, new FindAccount(desk), new OpenCase(desk), new ReplyToSender(desk));
        assertEquals(List.of(MailKind.SENDER_REPLY), caused(first));
        assertEquals(List.of("explanation to ivan@romashka.example"), first.sent());
        MailContext second = FakeMail.of(stranger("Hello?")).verified()
                .serviceIn(gw, new FindAccount(desk), new OpenCase(desk), new ReplyToSender(desk));
        assertEquals(List.of(), caused(second));
    }

    @Test
    void askAuthorizedContactShouldAskTheAccountsContactsWithLinks() throws Exception {
        MailContext ctx = FakeMail.of(stranger("Suspension")).verified()
                .serviceIn(gw, new FindAccount(desk), new OpenCase(desk), new AskAuthorizedContact(desk));
        List<OutboundMail> sent = mails(ctx);
        assertEquals(List.of(MailKind.AUTHORIZATION_REQUEST), sent.stream().map(OutboundMail::kind).toList());
        assertEquals(List.of("anna@romashka.example"), sent.get(0).recipients());
        assertEquals(CaseState.AWAITING_AUTHORIZATION, ctx.supportCase().orElseThrow().state());
        assertEquals(2, gw.db.inTransaction(r -> r.cases().links(ctx.supportCase().get().id())).size(), "authorize and reject");
    }

    @Test
    void alertManagerShouldAlertTheAccountsManagerOnceAnHourPerSender() throws Exception {
        MailContext first = FakeMail.of(stranger("Suspension")).verified()
                .serviceIn(gw, new FindAccount(desk), new OpenCase(desk), new AlertManager(desk));
        List<OutboundMail> sent = mails(first);
        assertEquals(List.of(MailKind.MANAGER_ALERT), sent.stream().map(OutboundMail::kind).toList());
        assertEquals(List.of("olga@frontdesk.test"), sent.get(0).recipients());
        MailContext second = FakeMail.of(stranger("Hello?")).verified()
                .serviceIn(gw, new FindAccount(desk), new OpenCase(desk), new AlertManager(desk));
        assertEquals(List.of(), caused(second), "the next digest carries it");
        assertTrue(second.supportCase().orElseThrow().timeline().stream().anyMatch(e -> e.kind().equals("alert-deferred")));
    }

    @Test
    void holdAsUnknownSenderShouldHoldTheMessageInItsCase() throws Exception {
        MailContext ctx = FakeMail.of(stranger("Suspension")).verified()
                .serviceIn(gw, new FindAccount(desk), new OpenCase(desk), new HoldAsUnknownSender());
        assertEquals(InboundState.HELD, ctx.decision().orElseThrow().state());
        assertTrue(ctx.decision().get().reason().contains("case " + ctx.supportCase().orElseThrow().reference()), ctx.decision().get().reason());
    }

    @Test
    void holdUntilConfiguredShouldHoldWithoutBlameAndTellTheAdministratorOnce() throws Exception {
        HoldUntilConfigured step = new HoldUntilConfigured(gw.services.adminAlert);
        MailContext first = FakeMail.of(TestMail.from("anna@romashka.example")).serviceIn(gw, step);
        assertEquals(Route.AWAITING_CONFIGURATION, first.decision().orElseThrow().route());
        assertEquals(InboundState.HELD, first.decision().get().state());
        assertEquals(List.of(MailKind.ADMIN_ALERT), caused(first));
        MailContext second = FakeMail.of(TestMail.from("anna@romashka.example").subject("Again")).serviceIn(gw, step);
        assertEquals(List.of(), caused(second), "one alert while messages wait");
    }
}
