package app.frontdesk.application.dunning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.frontdesk.application.texts.StaffReader;
import app.frontdesk.domain.model.billing.Verdict;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who approved a held notice and what they accepted, said in the reader's language from the facts the reason keeps. */
class ApprovalWordsTest {

    private static final ReasonWords WORDS = ReasonWords.load(Path.of("server-config/templates"));
    private static final StaffReader RU = new StaffReader(Locale.forLanguageTag("ru"), ZoneId.of("Europe/Moscow"));
    private static final StaffReader EN = new StaffReader(Locale.ENGLISH, ZoneId.of("Europe/Moscow"));

    private static Reason approved(Acceptance a) {
        GateDecision d = a.explain(new GateDecision(Verdict.HOLD, List.of(new Reason("OPEN_CASE", "The account has an open case (FD-51).")), null));
        return d.reasons().get(d.reasons().size() - 1);
    }

    @Test
    void anApprovalIsSaidInRussianFromItsFactsAlsoAfterBeingStored() {
        Reason r = approved(new Acceptance(Set.of("FD-51"), true, Set.of(), Map.of("RUB", new BigDecimal("1500.00")), List.of(),
                "olga@frontdesk.test", Instant.EPOCH, "позвонила клиенту"));
        assertEquals("APPROVED", r.code());
        String expected = "Отправка одобрена (olga@frontdesk.test), несмотря на: открытое обращение FD-51; красный флаг;"
                + " неразнесённые платежи до 1 500,00 ₽; причина: «позвонила клиенту».";
        assertEquals(expected, WORDS.sentence(r, RU).replaceAll("[\u00a0\u202f]", " "));
        Reason stored = ReasonWords.stored(r.code(), r.message(), ReasonWords.storedFacts(r));
        assertEquals(expected, WORDS.sentence(stored, RU).replaceAll("[\u00a0\u202f]", " "), "read back from the decision as stored");
        assertEquals("olga@frontdesk.test approved sending, accepting: the open case FD-51; the red flag; unallocated payments up to"
                + " 1,500.00 RUB; reason: “позвонила клиенту”.", WORDS.sentence(r, EN).replace("RUB 1,500.00", "1,500.00 RUB"));
    }

    @Test
    void anOverrideNamesTheBlocksByTheirHeadlinesAndAnOldApprovalByItsOwn() {
        Reason r = approved(new Acceptance(Set.of(), false, Set.of(), Map.of(), List.of(new Reason("AMOUNT_WRONG", "The notice claims ...")),
                "admin@frontdesk.test", Instant.EPOCH, "agreed with the customer"));
        assertEquals("Отправка одобрена (admin@frontdesk.test), несмотря на: остановку (сумма в уведомлении неверна);"
                + " причина: «agreed with the customer».", WORDS.sentence(r, RU));
        assertEquals("Отправку одобрил сотрудник.", WORDS.sentence(new Reason("APPROVED", "olga accepted open case FD-51: ok"), RU),
                "a decision stored before facts were: the headline, not the English message");
    }
}
