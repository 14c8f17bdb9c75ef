package app.frontdesk.application.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.application.accounts.AccountDraft;
import app.frontdesk.application.dunning.NoticeRequest;
import app.frontdesk.domain.model.billing.Invoice;
import app.frontdesk.domain.model.billing.Money;
import app.frontdesk.domain.model.billing.NoticeKind;
import app.frontdesk.domain.model.billing.PaymentEvidence;
import app.frontdesk.domain.model.billing.Verdict;
import app.frontdesk.domain.model.inbound.Envelope;
import app.frontdesk.domain.model.inbound.Route;
import app.frontdesk.domain.model.outbox.MailKind;
import app.frontdesk.domain.model.outbox.OutboundMail;
import app.frontdesk.infrastructure.mime.Mime4jMailParser;
import app.frontdesk.infrastructure.mime.PdfBoxText;
import app.frontdesk.testkit.GatewayFixture;
import app.frontdesk.testkit.Mails;
import app.frontdesk.testkit.TestDatabases;
import app.frontdesk.testkit.TestMail;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

/** Payment orders that customers mail in: read from the text or an attached PDF, they hold dunning. */
class PaymentOrderByMailTest {

    private static long romashka(GatewayFixture gw) throws Exception {
        long account = gw.accounts.create(new AccountDraft("ООО «Ромашка»", List.of("romashka.example"),
                List.of(new AccountDraft.ContactDraft("buh@romashka.example", "Бухгалтерия", "ru")),
                new AccountDraft.ManagerDraft("Olga", "olga@frontdesk.test"), List.of()), "test");
        gw.db.inTransaction(r -> {
            r.billing().add(new Invoice("INV-2026-0042", account, Money.of("1500.00", "RUB"), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 15)));
            return null;
        });
        return account;
    }

    private static List<PaymentEvidence> evidence(GatewayFixture gw, long account) {
        return gw.db.inTransaction(r -> r.billing().unconfirmedEvidence(account));
    }

    static byte[] pdf(String... lines) throws Exception {
        return app.frontdesk.testkit.TestPdf.of(lines);
    }

    @Test
    void aPaymentOrderInTheTextBecomesEvidenceTheManagerIsToldAndTheMailGoesOn() throws Exception {
        try (GatewayFixture gw = new GatewayFixture(TestDatabases.h2())) {
            long account = romashka(gw);
            long id = gw.intake.accept(TestMail.from("buh@romashka.example").subject("Оплата").rawHeaderCharset(StandardCharsets.UTF_8)
                    .body("Добрый день!\r\nНаправляем платёжное поручение № 118 от 20.11.2026 на сумму 1 500,00 руб. по счёту INV-2026-0042.\r\n")
                    .bytes(), Envelope.UNKNOWN).id();
            gw.processAll();
            List<PaymentEvidence> e = evidence(gw, account);
            assertEquals(1, e.size());
            assertEquals("118", e.get(0).number());
            assertEquals(LocalDate.of(2026, 11, 20), e.get(0).orderDate());
            assertEquals(Optional.of(Money.of("1500.00", "RUB")), e.get(0).amount());
            assertEquals(id, e.get(0).inboundId());
            assertEquals(Route.HELPDESK, gw.db.inTransaction(r -> r.inbound().find(id).orElseThrow()).route());
            List<OutboundMail> caused = gw.db.inTransaction(r -> r.outbox().causedBy(id));
            assertEquals(List.of(MailKind.MANAGER_ALERT, MailKind.PAYMENT_ORDER_RECEIVED, MailKind.HELPDESK_FORWARD),
                    caused.stream().map(OutboundMail::kind).toList());
            assertTrue(Mails.text(caused.get(0).raw()).contains("number: 118"), Mails.text(caused.get(0).raw()));

            // the accountant is told it arrived, and until when no reminder comes (issue 14, item 2)
            byte[] ack = caused.get(1).raw();
            assertEquals(List.of("buh@romashka.example"), caused.get(1).recipients());
            assertEquals("Платёжное поручение № 118 от 20 ноября 2026 получено", Mails.subject(ack));
            String text = Mails.text(ack);
            assertTrue(text.startsWith("Здравствуйте!\n"), "\"Бухгалтерия\" is no person's name: " + text);
            assertTrue(text.contains("Пока платёж идёт через банк, до конца дня 25 ноября (среда) напоминаний об оплате и уведомлений"
                    + " о приостановке обслуживания от нас не будет."), "the gate's clearing window, three business days: " + text);
            assertTrue(text.contains("Ваш персональный менеджер: Olga, olga@frontdesk.test"), text);
            assertTrue(Mails.header(ack, "In-Reply-To").contains("@"), "it answers her mail");
            assertEquals("auto-replied", Mails.header(ack, "Auto-Submitted"));

            // and a suspension notice now waits for the bank
            var answer = gw.services.notices.check(new NoticeRequest(account, NoticeKind.REMINDER, List.of("INV-2026-0042"),
                    Money.of("1500.00", "RUB"), null));
            assertEquals(Verdict.HOLD, answer.decision().verdict());
            assertEquals("PAYMENT_EVIDENCE", answer.decision().reasons().get(0).code());
        }
    }

    private static long second(GatewayFixture gw) throws Exception {
        return gw.accounts.create(new AccountDraft("ООО «Василёк»", List.of("vasilek.example"),
                List.of(new AccountDraft.ContactDraft("office@vasilek.example", "Офис", "ru")),
                new AccountDraft.ManagerDraft("Olga", "olga@frontdesk.test"), List.of()), "test");
    }

    private static final String FORWARDED = "Olga here, see below.\r\n\r\n---------- Forwarded message ---------\r\n"
            + "From: Бухгалтерия <buh@romashka.example>\r\nDate: Fri, 20 Nov 2026 16:40\r\nSubject: Оплата\r\n\r\n"
            + "Направляем платёжное поручение № 118 от 20.11.2026 на сумму 1 500,00 руб.\r\n";

    @Test
    void anOrderTooOldToHoldAnythingIsAcknowledgedWithoutAPromise() throws Exception {
        try (GatewayFixture gw = new GatewayFixture(TestDatabases.h2())) {
            romashka(gw);
            long id = gw.intake.accept(TestMail.from("buh@romashka.example").subject("Оплата").rawHeaderCharset(StandardCharsets.UTF_8)
                    .body("Платёжное поручение № 97 от 01.10.2026 на сумму 1 500,00 руб.\r\n").bytes(), Envelope.UNKNOWN).id();
            gw.processAll();
            OutboundMail ack = gw.db.inTransaction(r -> r.outbox().causedBy(id)).stream()
                    .filter(m -> m.kind() == MailKind.PAYMENT_ORDER_RECEIVED).findFirst().orElseThrow();
            String text = Mails.text(ack.raw());
            assertTrue(text.contains("№ 97 от 1 октября 2026") && text.contains("Мы сверим его с поступлениями на наш счёт."), text);
            assertTrue(!text.contains("до конца дня"), "no pause to promise: " + text);
        }
    }

    @Test
    void aPaymentOrderTheManagerPassesOnIsRecordedForTheAccountTheMailPointsTo() throws Exception {
        try (GatewayFixture gw = new GatewayFixture(TestDatabases.h2())) {
            long account = romashka(gw);
            long other = second(gw);
            long id = gw.intake.accept(TestMail.from("Olga <olga@frontdesk.test>").subject("Fwd: Оплата").rawHeaderCharset(StandardCharsets.UTF_8)
                    .body(FORWARDED).bytes(), Envelope.UNKNOWN).id();
            gw.processAll();

            List<PaymentEvidence> e = evidence(gw, account);
            assertEquals(1, e.size(), "Olga manages two accounts; the quoted sender's domain points to Romashka");
            assertEquals("118", e.get(0).number());
            assertEquals(List.of(), evidence(gw, other));
            var m = gw.db.inTransaction(r -> r.inbound().find(id).orElseThrow());
            assertEquals(Route.PAYMENT_ORDER, m.route());
            assertEquals(account, m.accountId());
            List<OutboundMail> caused = gw.db.inTransaction(r -> r.outbox().causedBy(id));
            assertEquals(List.of(MailKind.MANAGER_ALERT), caused.stream().map(OutboundMail::kind).toList(),
                    "no helpdesk forward, no unknown-sender reply or case for our own manager");
            String text = Mails.text(caused.get(0).raw());
            assertTrue(text.contains("buh@romashka.example sent a payment order for ООО «Ромашка» (passed on by olga@frontdesk.test)"), text);
            assertTrue(text.contains("did not go to the helpdesk"), text);
            assertEquals(List.of(), gw.db.inTransaction(r -> r.cases().list(java.util.Optional.empty(), 10)));
        }
    }

    @Test
    void whenTheMailDoesNotTellWhichAccountTheManagerIsAskedAndNothingIsGuessed() throws Exception {
        try (GatewayFixture gw = new GatewayFixture(TestDatabases.h2())) {
            long account = romashka(gw);
            long other = second(gw);
            long id = gw.intake.accept(TestMail.from("olga@frontdesk.test").subject("Fwd: payment")
                    .body("Payment order No. 9 dated 20.11.2026, amount 1500.00 RUB").bytes(), Envelope.UNKNOWN).id();
            gw.processAll();
            assertEquals(List.of(), evidence(gw, account));
            assertEquals(List.of(), evidence(gw, other));
            var m = gw.db.inTransaction(r -> r.inbound().find(id).orElseThrow());
            assertEquals(Route.PAYMENT_ORDER, m.route());
            assertEquals(app.frontdesk.domain.model.inbound.InboundState.HELD, m.state());
            List<OutboundMail> caused = gw.db.inTransaction(r -> r.outbox().causedBy(id));
            assertEquals(1, caused.size());
            String text = Mails.text(caused.get(0).raw());
            assertTrue(text.contains("NOT recorded yet") && text.contains("- ООО «Василёк»: http://frontdesk.test/console/accounts/" + other), text);
        }
    }

    @Test
    void aManagerWithOneAccountNeedsNoEvidenceButAForgedManagerRecordsNothing() throws Exception {
        try (GatewayFixture gw = new GatewayFixture(TestDatabases.h2())) {
            long account = romashka(gw);
            gw.intake.accept(TestMail.from("olga@frontdesk.test").unverified().subject("Fwd: payment")
                    .body("Payment order No. 9 dated 20.11.2026, amount 1500.00 RUB").bytes(), Envelope.UNKNOWN);
            gw.processAll();
            assertEquals(List.of(), evidence(gw, account), "From alone proves nothing");
            gw.intake.accept(TestMail.from("olga@frontdesk.test").subject("Fwd: payment")
                    .body("Payment order No. 10 dated 20.11.2026, amount 1500.00 RUB").bytes(), Envelope.UNKNOWN);
            gw.processAll();
            assertEquals(List.of("10"), evidence(gw, account).stream().map(PaymentEvidence::number).toList());
        }
    }

    @Test
    void aPaymentOrderAttachedAsPdfIsRead() throws Exception {
        byte[] pdf = pdf("Payment order No. 77 dated 19.11.2026", "Payer: Romashka LLC, INN 7707083893", "Amount: 1500.00 RUB");
        String b64 = Base64.getMimeEncoder().encodeToString(pdf);
        String body = "--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nPlease find attached.\r\n"
                + "--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"pp77.pdf\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + b64 + "\r\n--b--\r\n";
        try (GatewayFixture gw = new GatewayFixture(TestDatabases.h2())) {
            long account = romashka(gw);
            gw.intake.accept(TestMail.from("buh@romashka.example").subject("Documents").header("MIME-Version", "1.0")
                    .header("Content-Type", "multipart/mixed; boundary=b").body(body).bytes(), Envelope.UNKNOWN);
            gw.processAll();
            List<PaymentEvidence> e = evidence(gw, account);
            assertEquals(1, e.size(), "read from the PDF");
            assertEquals("77", e.get(0).number());
            assertEquals(LocalDate.of(2026, 11, 19), e.get(0).orderDate());
            assertEquals(Optional.of(Money.of("1500.00", "RUB")), e.get(0).amount());
        }
    }

    @Test
    void nothingIsRecordedForAnUnverifiedSenderOrAnOrdinaryMessage() throws Exception {
        try (GatewayFixture gw = new GatewayFixture(TestDatabases.h2())) {
            long account = romashka(gw);
            gw.intake.accept(TestMail.from("buh@romashka.example").unverified().body("payment order No. 5, amount 1500.00 RUB").bytes(),
                    Envelope.UNKNOWN);
            gw.intake.accept(TestMail.from("buh@romashka.example").body("When is the next invoice due?").bytes(), Envelope.UNKNOWN);
            gw.processAll();
            assertEquals(List.of(), evidence(gw, account));
        }
    }

    @Test
    void aScanOrABrokenPdfGivesNoText() throws Exception {
        assertEquals("", new PdfBoxText().text("not a pdf".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(new PdfBoxText().text(pdf("Payment confirmation")).contains("Payment confirmation"));
        var parsed = new Mime4jMailParser().parse(TestMail.from("a@b.example").body("x").bytes());
        assertEquals(List.of(), parsed.documents());
    }
}
