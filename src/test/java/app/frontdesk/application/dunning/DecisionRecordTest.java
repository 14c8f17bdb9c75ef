package app.frontdesk.application.dunning;

import app.frontdesk.domain.model.billing.InvoiceState;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.frontdesk.domain.model.billing.InvoiceStatus;
import app.frontdesk.domain.model.billing.Money;
import app.frontdesk.domain.model.billing.NoticeDecision;
import app.frontdesk.domain.model.billing.NoticeKind;
import app.frontdesk.domain.model.billing.Verdict;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a decision stores (reasons, the data it saw) and how a batch keeps its rows: read back exactly. */
class DecisionRecordTest {

    private static final String AWKWARD = "INV \"7\"\\x\t;\nСчёт\u0001";

    @Test
    void theDataADecisionSawIsValidJsonWithEveryStringIntact() {
        NoticeRequest r = new NoticeRequest(42, NoticeKind.SUSPENSION, List.of(AWKWARD, "INV-2"), Money.of("1500.00", "RUB"),
                Instant.parse("2026-11-21T07:00:00Z"));
        GateFacts f = new GateFacts(Map.of(AWKWARD, new InvoiceState(AWKWARD, 42, Money.of("1500.00", "RUB"), InvoiceStatus.OPEN,
                LocalDate.of(2026, 11, 15), Money.of("500.00", "RUB"))), List.of(Money.of("10.00", "RUB")), List.of(),
                List.of("FD-7"), true, Map.of(AWKWARD, List.of(Instant.EPOCH, Instant.EPOCH)), ZoneId.of("Europe/Moscow"), null);
        GateDecision d = new GateDecision(Verdict.HOLD, List.of(new Reason("OPEN_CASE", "a \"case\" is open\n")), Instant.parse("2026-11-23T06:00:00Z"));

        NoticeDecision stored = NoticeDesk.record(null, r, d, f, "check", Instant.EPOCH);

        JsonArray reasons = Json.createReader(new StringReader(stored.reasons())).readArray();
        assertEquals("OPEN_CASE", reasons.getJsonObject(0).getString("code"));
        assertEquals("a \"case\" is open\n", reasons.getJsonObject(0).getString("message"));
        JsonObject seen = Json.createReader(new StringReader(stored.dataSeen())).readObject();
        JsonObject request = seen.getJsonObject("request");
        assertEquals(42, request.getInt("account"));
        assertEquals(List.of(AWKWARD, "INV-2"), request.getJsonArray("invoices").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals("1500.00 RUB", request.getString("claimed"));
        assertEquals("Europe/Moscow", seen.getString("zone"));
        JsonObject invoice = seen.getJsonArray("invoices").getJsonObject(0);
        assertEquals(AWKWARD, invoice.getString("number"));
        assertEquals("500.00", invoice.getString("paid"));
        assertEquals("OPEN", invoice.getString("status"));
        assertEquals("10.00 RUB", seen.getJsonArray("unallocatedPayments").getString(0));
        assertEquals(0, seen.getJsonArray("paymentEvidence").size());
        assertEquals("FD-7", seen.getJsonArray("openCases").getString(0));
        assertEquals(true, seen.getBoolean("redFlagged"));
        assertEquals(2, seen.getJsonObject("recentSameKind").getInt(AWKWARD));
    }

    @Test
    void aBatchRowIsReadBackAsItWasChecked() {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        NoticeRequest planned = new NoticeRequest(7, NoticeKind.FINAL, List.of(AWKWARD, "\\t", ""), Money.of("0.50", "EUR"),
                Instant.parse("2026-11-24T09:00:00Z"));
        NoticeRequest unplanned = new NoticeRequest(8, NoticeKind.REMINDER, List.of("INV-1"), Money.of("100", "JPY"), null);
        StringBuilder lines = new StringBuilder();
        BatchLine.write(planned, lines);
        BatchLine.write(unplanned, lines);
        String[] split = lines.toString().split("\n");
        assertEquals(2, split.length, "an invoice number's line feed does not break the row");
        assertEquals(planned, BatchLine.read(split[0], now));
        assertEquals(new NoticeRequest(8, NoticeKind.REMINDER, List.of("INV-1"), Money.of("100", "JPY"), now), BatchLine.read(split[1], now),
                "a row without a planned time is planned for the time of its check");
    }
}
