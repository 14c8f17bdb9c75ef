package app.frontdesk.application.payments;

import app.frontdesk.application.ImportRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.application.ImportProblem;
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

    @Test
    void anAmountThatIsNotANumberIsSaidInWordsForThePersonWhoFixesTheFile() {
        ImportRefused e = assertThrows(ImportRefused.class, () -> PaymentCsvImport.parse(
                "external_id,amount,currency,booking_date,value_date,payer_inn,payer_account,purpose\nb-2,много,RUB,2026-11-27,,,,x\n"));
        assertEquals("amount must be a number with a dot, like 1500.00 (was \"много\")", e.problems().get(0).problem());
    }

    @Test
    void aCamt053StatementGivesBookedCreditsOnePerTransaction() throws Exception {
        List<PaymentDraft> payments = CamtImport.parse(file("camt053-v02.xml"));
        assertEquals(3, payments.size(), "two credits, one of them a batch of two; the debit and the reversal are skipped: " + payments);
        PaymentDraft p = payments.get(0);
        assertEquals("1500.00 RUB", p.amount().toString());
        assertEquals("7707083893", p.payerInn(), "the TXID of the debtor's organisation");
        assertEquals("40702810400000000118", p.payerAccount());
        assertEquals(LocalDate.of(2026, 11, 23), p.bookingDate());
        assertEquals("Оплата по счёту INV-2026-0042, НДС 20%", p.purpose());
        assertEquals(PaymentSource.CAMT_053, p.source());
        assertEquals("camt053:BOOK:BANK-0001", p.externalId());
        assertEquals("400.50 RUB", payments.get(1).amount().toString(), "each transaction of a batch entry with its own amount");
        assertEquals("INV-2026-0050", payments.get(1).purpose(), "a structured creditor reference is the purpose");
        assertEquals(LocalDate.of(2026, 11, 24), payments.get(1).valueDate());
        assertEquals("500.00 RUB", payments.get(2).amount().toString());
        assertEquals("camt053:BOOK:BANK-0002:2", payments.get(2).externalId());
    }

    @Test
    void aCamt054NotificationKeepsPendingApartFromBooked() throws Exception {
        List<PaymentDraft> payments = CamtImport.parse(file("camt054-v08.xml"));
        assertEquals(2, payments.size());
        PaymentDraft pending = payments.get(0);
        assertNull(pending.bookingDate(), "PDNG: announced, not booked, so it is no money yet");
        assertEquals(LocalDate.of(2026, 11, 23), pending.valueDate());
        assertEquals("7707083893", pending.payerInn(), "Dbtr/Pty since 001.08");
        assertEquals("camt054:PDNG:PP-512", pending.externalId(), "the booked entry later is a different record");
        assertEquals(PaymentSource.CAMT_054, pending.source());
        PaymentDraft booked = payments.get(1);
        assertEquals("50.00 EUR", booked.amount().toString());
        assertEquals(LocalDate.of(2026, 11, 20), booked.bookingDate(), "a booking date-time is read as its date");
        assertEquals("Invoice INV-2026-0077", booked.purpose(), "the entry's additional information when there is no remittance");
        assertNull(booked.payerInn());
    }

    @Test
    void aCamtFileInUtf16IsRecognisedAndReadLikeItsUtf8Original() throws Exception {
        byte[] utf8 = file("camt054-v08.xml");
        String xml = new String(utf8, StandardCharsets.UTF_8).replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"");
        for (java.nio.charset.Charset utf16 : List.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE)) {
            byte[] raw = xml.getBytes(utf16); // UTF_16 writes a byte order mark, UTF_16LE none
            assertTrue(CamtImport.looksLikeCamt(raw), utf16.name());
            assertEquals(CamtImport.parse(utf8), CamtImport.parse(raw), utf16.name());
        }
    }

    @Test
    void aBrokenCamtFileIsRefusedWithTheLineOrTheEntry() throws Exception {
        ImportRefused broken = assertThrows(ImportRefused.class, () -> CamtImport.parse(file("camt054-broken.xml")));
        assertEquals(12, broken.problems().get(0).line(), broken.problems().toString());
        assertTrue(broken.problems().get(0).problem().startsWith("not well-formed XML"), broken.problems().toString());

        ImportRefused entries = assertThrows(ImportRefused.class, () -> CamtImport.parse(file("camt054-bad-entries.xml")));
        assertEquals(List.of(1, 2), entries.problems().stream().map(ImportProblem::line).toList(), entries.problems().toString());
        assertEquals("Ntfctn 1, Ntry 1: Amt: unknown currency ZZZ", entries.problems().get(0).problem());
        assertTrue(entries.problems().get(1).problem().contains("more decimals than EUR"), entries.problems().toString());

        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">&x;</Document>";
        ImportRefused entity = assertThrows(ImportRefused.class, () -> CamtImport.parse(xxe.getBytes(StandardCharsets.UTF_8)));
        assertTrue(entity.problems().get(0).problem().contains("DOCTYPE"), "no external entities: " + entity.problems());

        String pain = "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.03\"/>";
        assertThrows(ImportRefused.class, () -> CamtImport.parse(pain.getBytes(StandardCharsets.UTF_8)));
    }
}
