package app.frontdesk.application.dunning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.application.accounts.ImportProblem;
import app.frontdesk.domain.model.billing.PaymentSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Payment files in each format and encoding, and bad lines reported with their numbers. */
class PaymentImportTest {

    private static byte[] file(String name) throws IOException {
        try (InputStream in = PaymentImportTest.class.getResourceAsStream("/payments/" + name)) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"statement-windows1251.txt", "statement-dos866.txt"})
    void aOneCStatementGivesTheIncomingPaymentsInEitherEncoding(String name) throws Exception {
        List<PaymentDraft> payments = ClientBankExchangeImport.parse(file(name));
        assertEquals(2, payments.size(), "the outgoing payment (ДатаСписано) is not ours to record");
        PaymentDraft p = payments.get(0);
        assertEquals("1500.00 RUB", p.amount().toString());
        assertEquals("7707083893", p.payerInn());
        assertEquals("40702810400000000118", p.payerAccount());
        assertEquals(LocalDate.of(2026, 11, 23), p.bookingDate(), "ДатаПоступило");
        assertTrue(p.purpose().startsWith("Оплата по счёту INV-2026-0042"), p.purpose());
        assertEquals(PaymentSource.CLIENT_BANK_1C, p.source());
        assertEquals("700.00 RUB", payments.get(1).amount().toString(), "a decimal comma is read");
        assertEquals(ClientBankExchangeImport.parse(file("statement-windows1251.txt")).get(0).externalId(), p.externalId(),
                "the same payment has the same id whatever the encoding, so importing both stores it once");
    }

    @Test
    void aOneCStatementWithBadLinesIsRefusedWithTheirNumbers() throws Exception {
        ImportRefused e = assertThrows(ImportRefused.class, () -> ClientBankExchangeImport.parse(file("statement-bad-lines.txt")));
        List<Integer> lines = e.problems().stream().map(ImportProblem::line).toList();
        assertEquals(List.of(16, 37), lines, e.problems().toString());
        assertTrue(e.problems().get(0).problem().contains("Сумма is not an amount"), e.problems().toString());
        assertTrue(e.problems().get(1).problem().contains("DD.MM.YYYY"), e.problems().toString());
        assertThrows(ImportRefused.class, () -> ClientBankExchangeImport.parse("not a statement".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aCsvFileIsReadWithPendingEntries() throws Exception {
        List<PaymentDraft> payments = PaymentCsvImport.parse(new String(file("payments.csv"), StandardCharsets.UTF_8));
        assertEquals(3, payments.size());
        assertEquals("csv:B-1", payments.get(0).externalId());
        assertEquals("Оплата по счёту INV-2026-0042, НДС 20%", payments.get(0).purpose());
        assertEquals(LocalDate.of(2026, 11, 23), payments.get(1).valueDate(), "value date defaults to the booking date");
        assertNull(payments.get(2).bookingDate(), "no booking date: pending");
        assertEquals("50.00 EUR", payments.get(2).amount().toString());
    }

    @Test
    void aCsvFileWithBadLinesReportsEachAndImportsNothing() throws Exception {
        ImportRefused e = assertThrows(ImportRefused.class, () -> PaymentCsvImport.parse(new String(file("payments-bad.csv"), StandardCharsets.UTF_8)));
        assertEquals(List.of(3, 4, 5, 6, 7), e.problems().stream().map(ImportProblem::line).toList(), e.problems().toString());
        assertTrue(e.problems().get(0).problem().contains("more decimals than RUB"), e.problems().get(0).problem());
        assertTrue(e.problems().get(1).problem().contains("YYYY-MM-DD"));
        assertTrue(e.problems().get(3).problem().contains("payer_inn"));
        assertTrue(e.problems().get(4).problem().contains("expected 8 fields"));
    }
}
