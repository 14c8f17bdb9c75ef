package app.frontdesk.application.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A case stores its candidates as {@link Candidates#describe} wrote them; the console reads them back. */
class CandidatesTextTest {

    @Test
    void theDescriptionReadsBackAsTheSameAccountsConfidencesAndFacts() {
        Candidates c = new Candidates(List.of(
                new Candidate(7, 0.82, List.of(new Evidence("unverified-domain", "romashka.example", 0.4),
                        new Evidence("name", "Ромашка, ООО", 0.4), new Evidence("invoice", "INV-2026-0042", 0.7))),
                new Candidate(12, 0.4, List.of(new Evidence("account-number", "40702810000000000001", 0.7)))));
        Candidates back = Candidates.parse(c.describe()).orElseThrow();
        assertEquals(List.of(7L, 12L), back.ranked().stream().map(Candidate::accountId).toList());
        assertEquals(List.of(82, 40), back.ranked().stream().map(Candidate::percent).toList());
        assertEquals(List.of("unverified-domain romashka.example", "name Ромашка, ООО", "invoice INV-2026-0042"),
                back.ranked().get(0).evidence().stream().map(Evidence::describe).toList(), "a comma inside a value stays in it");
        assertEquals("account-number", back.ranked().get(1).evidence().get(0).kind());
    }

    @Test
    void nothingMatchedIsNoCandidateAndAnyOtherTextIsNotReadAsCandidates() {
        assertTrue(Candidates.parse(new Candidates(List.of()).describe()).orElseThrow().ranked().isEmpty());
        assertEquals(Optional.empty(), Candidates.parse("the manager knows them"));
        assertEquals(Optional.empty(), Candidates.parse(null));
        assertEquals(Optional.empty(), Candidates.parse("account 7 (80%: telepathy yes)"), "an unknown kind is not guessed at");
    }
}
