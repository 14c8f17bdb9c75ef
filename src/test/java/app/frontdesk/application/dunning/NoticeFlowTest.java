package app.frontdesk.application.dunning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.application.accounts.AccountDraft;
import app.frontdesk.application.payments.ClientBankExchangeImport;
import app.frontdesk.application.payments.PaymentDesk;
import app.frontdesk.application.payments.PaymentDraft;
import app.frontdesk.domain.model.billing.Invoice;
import app.frontdesk.domain.model.billing.InvoiceStatus;
import app.frontdesk.domain.model.billing.Money;
import app.frontdesk.domain.model.billing.NoticeDecision;
import app.frontdesk.domain.model.billing.NoticeKind;
import app.frontdesk.domain.model.billing.NoticeState;
import app.frontdesk.domain.model.billing.Verdict;
import app.frontdesk.domain.model.outbox.MailKind;
import app.frontdesk.domain.model.outbox.OutboundMail;
import app.frontdesk.domain.model.outbox.OutboxState;
import app.frontdesk.infrastructure.persistence.DatabaseSettings;
import app.frontdesk.testkit.GatewayFixture;
import app.frontdesk.testkit.Mails;
import app.frontdesk.testkit.TestDatabases;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The gate with its database: notices held, released, blocked, and checked once more right before sending. */
class NoticeFlowTest {

    private static final ZoneId MSK = ZoneId.of("Europe/Moscow");

    private static GatewayFixture gateway(DatabaseSettings db) {
        return new GatewayFixture(db, Map.of("FRONTDESK_BILLING_ADDRESS", "billing@frontdesk.test"));
    }

    private static void at(GatewayFixture gw, String mskLocal) {
        Instant target = LocalDateTime.parse(mskLocal).atZone(MSK).toInstant();
        gw.clock.advance(Duration.between(gw.clock.instant(), target));
    }

    private static long romashka(GatewayFixture gw) throws Exception {
        long account = gw.accounts.create(new AccountDraft("ООО «Ромашка»", List.of("romashka.example"),
                List.of(new AccountDraft.ContactDraft("anna@romashka.example", "Anna", "ru")),
                new AccountDraft.ManagerDraft("Olga", "olga@frontdesk.test"),
                List.of(new AccountDraft.ReferenceDraft("INN", "7707083893"))), "test");
        gw.db.inTransaction(r -> {
            r.billing().add(new Invoice("INV-2026-0042", account, Money.of("1500.00", "RUB"), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 15)));
            return null;
        });
        return account;
    }

    private static NoticeDesk.Submission suspension(long account) {
        return new NoticeDesk.Submission(new NoticeRequest(account, NoticeKind.SUSPENSION, List.of("INV-2026-0042"), Money.of("1500.00", "RUB"),
                null), List.of("anna@romashka.example"), "Приостановка обслуживания", "Счёт INV-2026-0042 не оплачен.", null, "B-77");
    }

    private static List<OutboundMail> outbox(GatewayFixture gw, MailKind kind) {
        return gw.db.inTransaction(r -> r.outbox().claimDue(gw.clock.instant().plus(Duration.ofDays(30)), 1000)).stream()
                .filter(m -> m.kind() == kind).toList();
    }

    private static NoticeState state(GatewayFixture gw, long notice) {
        return gw.db.inTransaction(r -> r.billing().notice(notice).orElseThrow().state());
    }

    private static byte[] statement() throws Exception {
        try (InputStream in = NoticeFlowTest.class.getResourceAsStream("/payments/statement-windows1251.txt")) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void paidOnFridaySuspendedOnSaturdayIsHeldThenBlockedWhenMondaysStatementShowsThePayment(String name, Supplier<DatabaseSettings> db)
            throws Exception {
        try (GatewayFixture gw = gateway(db.get())) {
            long account = romashka(gw);
            at(gw, "2026-11-20T16:00");
            gw.services.payments.recordEvidence(account, "118", LocalDate.of(2026, 11, 20), Money.of("1500.00", "RUB"), null);

            at(gw, "2026-11-21T10:00");
            NoticeDesk.Answer held = gw.services.notices.submit(suspension(account));
            assertEquals(Verdict.HOLD, held.decision().verdict());
            assertEquals(List.of("PAYMENT_EVIDENCE", "NOT_BUSINESS_TIME"), held.decision().reasons().stream().map(Reason::code).toList());
            assertEquals(NoticeState.HELD, held.state());
            List<OutboundMail> copies = outbox(gw, MailKind.MANAGER_ALERT);
            assertEquals(1, copies.size(), "the manager gets a copy of a held suspension notice");
            assertEquals(List.of("olga@frontdesk.test"), copies.get(0).recipients());
            assertTrue(Mails.text(copies.get(0).raw()).contains("payment order No. 118"), Mails.text(copies.get(0).raw()));
            assertEquals(List.of(), outbox(gw, MailKind.DUNNING_NOTICE));

            at(gw, "2026-11-23T09:30");
            PaymentDesk.Result imported = gw.services.payments.record(ClientBankExchangeImport.parse(statement()));
            assertEquals(2, imported.stored());
            assertEquals(1, imported.allocated());
            assertEquals(1, imported.unmatched(), "a payer nobody knows is listed for a person");
            assertEquals(InvoiceStatus.PAID, gw.db.inTransaction(r -> r.billing().invoiceByNumber("INV-2026-0042").orElseThrow().status()));
            assertEquals(NoticeState.BLOCKED, state(gw, held.noticeId()));
            List<OutboundMail> billing = outbox(gw, MailKind.BILLING_UPDATE);
            assertEquals(1, billing.size());
            assertEquals(List.of("billing@frontdesk.test"), billing.get(0).recipients());
            assertTrue(Mails.text(billing.get(0).raw()).contains("INVOICE_PAID"), Mails.text(billing.get(0).raw()));
            assertEquals(List.of(), outbox(gw, MailKind.DUNNING_NOTICE), "the notice never goes out");

            List<NoticeDecision> decisions = gw.db.inTransaction(r -> r.billing().decisions(held.noticeId()));
            assertEquals(List.of("submit", "payment-arrived"), decisions.stream().map(NoticeDecision::cause).toList());
            assertTrue(decisions.get(0).dataSeen().contains("\"paymentEvidence\":[{"), decisions.get(0).dataSeen());
            assertTrue(decisions.get(1).dataSeen().contains("\"paid\":\"1500.00\""), decisions.get(1).dataSeen());

            PaymentDesk.Result again = gw.services.payments.record(ClientBankExchangeImport.parse(statement()));
            assertEquals(0, again.stored());
            assertEquals(2, again.duplicates(), "the same statement twice stores each payment once");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void aNoticeForAnAccountThatDoesNotExistIsRefusedAndNothingIsStored(String name, Supplier<DatabaseSettings> db) throws Exception {
        try (GatewayFixture gw = gateway(db.get())) {
            IllegalArgumentException submitted = assertThrows(IllegalArgumentException.class, () -> gw.services.notices.submit(suspension(987_654)));
            assertEquals("no account 987654", submitted.getMessage());
            IllegalArgumentException checked = assertThrows(IllegalArgumentException.class,
                    () -> gw.services.notices.check(suspension(987_654).request()));
            assertEquals("no account 987654", checked.getMessage());
            assertEquals(List.of(), gw.db.inTransaction(r -> r.billing().notices(987_654, List.of(NoticeState.values()))));
        }
    }

    @Test
    void aNoticeHeldForTheWeekendGoesOutOnMondayMorningAndBillingIsTold() throws Exception {
        try (GatewayFixture gw = gateway(TestDatabases.h2())) {
            long account = romashka(gw);
            at(gw, "2026-11-21T10:00");
            NoticeDesk.Answer held = gw.services.notices.submit(suspension(account));
            assertEquals(List.of("NOT_BUSINESS_TIME"), held.decision().reasons().stream().map(Reason::code).toList());
            at(gw, "2026-11-23T08:59");
            assertEquals(0, gw.services.notices.recheckDue());
            at(gw, "2026-11-23T09:00");
            assertEquals(1, gw.services.notices.recheckDue());
            assertEquals(NoticeState.QUEUED, state(gw, held.noticeId()));
            assertEquals(1, outbox(gw, MailKind.DUNNING_NOTICE).size());
            assertTrue(Mails.subject(outbox(gw, MailKind.BILLING_UPDATE).get(0).raw()).contains("released"));
            gw.services.dispatcher.dispatchDue();
            assertEquals(NoticeState.SENT, state(gw, held.noticeId()));
        }
    }

    @Test
    void aPaymentThatArrivesAfterQueueingStopsTheNoticeRightBeforeItIsSent() throws Exception {
        try (GatewayFixture gw = gateway(TestDatabases.h2())) {
            long account = romashka(gw);
            at(gw, "2026-11-23T10:00");
            NoticeDesk.Answer sent = gw.services.notices.submit(suspension(account));
            assertEquals(Verdict.SEND, sent.decision().verdict());
            assertEquals(NoticeState.QUEUED, sent.state());
            OutboundMail queued = outbox(gw, MailKind.DUNNING_NOTICE).get(0);

            gw.services.payments.record(List.of(new PaymentDraft("api:late-1", Money.of("1500.00", "RUB"), LocalDate.of(2026, 11, 23),
                    LocalDate.of(2026, 11, 23), "7707083893", null, "INV-2026-0042", app.frontdesk.domain.model.billing.PaymentSource.API)));
            gw.services.dispatcher.dispatchDue();

            OutboundMail after = gw.db.inTransaction(r -> findOutbox(r, queued.id()));
            assertEquals(OutboxState.CANCELLED, after.state(), "not sent");
            assertEquals(NoticeState.BLOCKED, state(gw, sent.noticeId()));
            // the dispatcher sent billing's update in the same round: it is in the file outbox
            List<String> subjects = new java.util.ArrayList<>();
            try (var files = java.nio.file.Files.list(gw.dataDir.resolve("outbox"))) {
                for (java.nio.file.Path f : files.toList()) {
                    subjects.add(Mails.subject(java.nio.file.Files.readAllBytes(f)));
                }
            }
            assertTrue(subjects.stream().anyMatch(x -> x.equals("Notice " + sent.noticeId() + " (B-77) blocked: ООО «Ромашка»")), subjects.toString());
            assertTrue(subjects.stream().noneMatch(x -> x.startsWith("Приостановка")), "the notice itself never left: " + subjects);
            assertEquals(List.of("submit", "before-send"), gw.db.inTransaction(r -> r.billing().decisions(sent.noticeId())).stream()
                    .map(NoticeDecision::cause).toList());
        }
    }

    private static OutboundMail findOutbox(app.frontdesk.application.Repositories r, long id) {
        return r.outbox().byId(id).orElseThrow();
    }
}
