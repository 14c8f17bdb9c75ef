package app.frontdesk.application.dunning;

import app.frontdesk.application.ImportRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.application.accounts.AccountDraft;
import app.frontdesk.application.ImportProblem;
import app.frontdesk.domain.model.billing.Invoice;
import app.frontdesk.domain.model.billing.Money;
import app.frontdesk.domain.model.billing.NoticeBatch;
import app.frontdesk.domain.model.billing.NoticeDecision;
import app.frontdesk.domain.model.billing.Verdict;
import app.frontdesk.testkit.GatewayFixture;
import app.frontdesk.testkit.TestDatabases;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A file of planned notices: checked on upload line by line, decided in chunks with progress, read back as a verdict table. */
class NoticeBatchTest {

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void aFileIsDecidedInChunksWithProgressAndReadBackInRowOrder(String name,
            java.util.function.Supplier<app.frontdesk.infrastructure.persistence.DatabaseSettings> db) throws Exception {
        try (GatewayFixture gw = new GatewayFixture(db.get())) {
            long account = gw.accounts.create(new AccountDraft("Romashka", List.of("romashka.example"), List.of(), null), "test");
            gw.db.inTransaction(r -> {
                for (int i = 0; i < 1500; i++) {
                    r.billing().add(new Invoice("INV-" + i, account, Money.of("100.00", "RUB"), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 15)));
                }
                return null;
            });
            StringBuilder csv = new StringBuilder("account_id,kind,invoices,amount,currency,planned_at\n");
            for (int i = 0; i < 2500; i++) {
                csv.append(account).append(",REMINDER,INV-").append(i).append(",100.00,RUB,2026-11-20T12:00:00+03:00\n");
            }
            long batch = gw.services.batches.submit(NoticeBatches.parse(csv.toString()));
            assertEquals(1000, gw.services.batches.runDue());
            NoticeBatch half = gw.db.inTransaction(r -> r.billing().batch(batch).orElseThrow());
            assertEquals(NoticeBatch.State.QUEUED, half.state());
            assertEquals(1000, half.done());
            assertEquals(1000, gw.services.batches.runDue());
            assertEquals(500, gw.services.batches.runDue());
            assertEquals(0, gw.services.batches.runDue());
            assertEquals(NoticeBatch.State.DONE, gw.db.inTransaction(r -> r.billing().batch(batch).orElseThrow()).state());
            List<NoticeDecision> table = gw.db.inTransaction(r -> r.billing().batchDecisions(batch));
            assertEquals(2500, table.size());
            assertEquals(1, table.get(0).batchRow());
            assertEquals(Verdict.SEND, table.get(0).verdict());
            assertEquals(Verdict.BLOCK, table.get(1600).verdict(), "INV-1600 does not exist");
            assertTrue(table.get(1600).reasons().contains("UNKNOWN_INVOICE"));
            assertEquals(2500, table.stream().map(NoticeDecision::id).distinct().count(), "every decision has its own id");
            // an entity decision after the batch's written ones takes ids from the same sequence without a clash
            var single = gw.services.notices.check(new NoticeRequest(account, app.frontdesk.domain.model.billing.NoticeKind.REMINDER,
                    List.of("INV-1"), Money.of("100.00", "RUB"), null));
            assertEquals(Verdict.SEND, single.decision().verdict());
        }
    }

    /** Batches queued before V5 kept their rows as JSON lines; they are still decided after the upgrade. */
    @Test
    void aBatchQueuedInTheEarlierJsonLineFormatIsStillDecided() throws Exception {
        try (GatewayFixture gw = new GatewayFixture(TestDatabases.h2())) {
            long account = gw.accounts.create(new AccountDraft("Romashka", List.of("romashka.example"), List.of(), null), "test");
            gw.db.inTransaction(r -> {
                r.billing().add(new Invoice("INV-1", account, Money.of("100.00", "RUB"), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 15)));
                return null;
            });
            String line = "{\"a\":" + account + ",\"k\":\"REMINDER\",\"i\":[\"INV-1\"],\"m\":\"100.00\",\"c\":\"RUB\",\"p\":\"\"}\n";
            long batch = gw.db.inTransaction(r -> {
                NoticeBatch b = new NoticeBatch(1, gw.clock.instant());
                r.billing().add(b);
                r.billing().add(new app.frontdesk.domain.model.billing.NoticeBatchInput(b.id(), line.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                return b.id();
            });
            assertEquals(1, gw.services.batches.runDue());
            List<NoticeDecision> table = gw.db.inTransaction(r -> r.billing().batchDecisions(batch));
            assertEquals(List.of(Verdict.SEND), table.stream().map(NoticeDecision::verdict).toList());
        }
    }

    @Test
    void badLinesAreReportedAndNothingIsQueued() {
        ImportRefused e = assertThrows(ImportRefused.class, () -> NoticeBatches.parse("account_id,kind,invoices,amount,currency,planned_at\n"
                + "51,REMINDER,INV-1,100.00,RUB,\n"
                + "51,WARNING,INV-1,100.00,RUB,\n"
                + "x,REMINDER,INV-1,100.00,RUB,\n"
                + "51,REMINDER,INV-1,100.001,RUB,\n"
                + "51,REMINDER,INV-1,100.00,RUB,Saturday\n"));
        assertEquals(List.of(3, 4, 5, 6), e.problems().stream().map(ImportProblem::line).toList(), e.problems().toString());
        ImportRefused json = assertThrows(ImportRefused.class, () -> NoticeBatches.parse("[{\"accountId\": 51}]"));
        assertEquals(1, json.problems().get(0).line());
        List<NoticeRequest> ok = assertDoesNotThrowParse("[{\"accountId\": 51, \"kind\": \"final\", \"invoices\": [\"A-1\", \"A-2\"],"
                + " \"amount\": 10.5, \"currency\": \"EUR\"}]");
        assertEquals(List.of("A-1", "A-2"), ok.get(0).invoiceNumbers());
        assertEquals(Money.of("10.50", "EUR"), ok.get(0).claimed());
    }

    private static List<NoticeRequest> assertDoesNotThrowParse(String body) {
        try {
            return NoticeBatches.parse(body);
        } catch (ImportRefused e) {
            throw new AssertionError(e.problems().toString());
        }
    }
}
