package app.frontdesk.application.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.frontdesk.application.evidence.Candidate;
import app.frontdesk.application.evidence.Candidates;
import app.frontdesk.application.evidence.Evidence;
import app.frontdesk.application.verification.Verification;
import app.frontdesk.domain.model.account.Account;
import app.frontdesk.domain.model.account.EmailAddress;
import app.frontdesk.domain.model.supportcase.CaseKind;
import app.frontdesk.domain.model.supportcase.SupportCase;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The rule that decides whether a stranger is answered as a person of one customer's company (issue
 * 14, item 1; docs/unknown-senders.md): one test for each side of each condition.
 */
class InsidersTest {

    private static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");
    private static final Verification VERIFIED = new Verification(Verification.Status.VERIFIED, "dmarc=pass header.from=romashka.example");

    private static Candidate byDomain(long account) {
        return new Candidate(account, 0.7, List.of(new Evidence("domain", "romashka.example", 0.7)));
    }

    private static Candidate byInvoice(long account) {
        return new Candidate(account, 0.7, List.of(new Evidence("invoice", "INV-2026-0042", 0.7)));
    }

    private static StrangerMail mail(Verification v, List<Long> contactOf, Candidate... candidates) {
        return new StrangerMail(null, null, null, EmailAddress.of("ceo@romashka.example"), v, contactOf, new Candidates(List.of(candidates)), NOW);
    }

    private static SupportCase caseOf(Long account) {
        return new SupportCase(CaseKind.UNKNOWN_SENDER, "ceo@romashka.example", "Алексей Волков", account, 70, "", Locale.forLanguageTag("ru"),
                NOW, NOW, NOW);
    }

    @Test
    void aVerifiedDomainRegisteredForTheCasesOneAccountIsAnInsider() {
        assertEquals(Optional.of(51L), Insiders.accountOf(mail(VERIFIED, List.of(), byDomain(51)), caseOf(51L)));
    }

    @Test
    void withoutOurMailServersVerificationNobodyIs() {
        for (Verification.Status s : List.of(Verification.Status.UNVERIFIED, Verification.Status.TRUSTED_BY_POLICY, Verification.Status.NOT_CONFIGURED)) {
            assertEquals(Optional.empty(), Insiders.accountOf(mail(new Verification(s, "x"), List.of(), byDomain(51)), caseOf(51L)), s.name());
        }
    }

    @Test
    void aDomainNoAccountRegisteredOrAPublicOneIsNoProofEvenWhenOtherEvidenceFindsTheAccount() {
        // public mail services never give "domain" evidence (ClueExtractor); an unregistered domain gives none either
        assertEquals(Optional.empty(), Insiders.accountOf(mail(VERIFIED, List.of(), byInvoice(51)), caseOf(51L)));
        assertEquals(Optional.empty(), Insiders.accountOf(mail(VERIFIED, List.of()), caseOf(null)));
    }

    @Test
    void aDomainOfSeveralAccountsIsNoProofOfAnyOne() {
        assertEquals(Optional.empty(), Insiders.accountOf(mail(VERIFIED, List.of(), byDomain(51), byDomain(52)), caseOf(51L)));
    }

    @Test
    void whenTheCaseBelongsToAnotherAccountOrToNoneThePersonDecides() {
        assertEquals(Optional.empty(), Insiders.accountOf(mail(VERIFIED, List.of(), byDomain(51), byInvoice(52)), caseOf(52L)));
        assertEquals(Optional.empty(), Insiders.accountOf(mail(VERIFIED, List.of(), byDomain(51), byInvoice(52)), caseOf(null)));
    }

    @Test
    void aContactsOwnAddressIsNeverAStrangersCase() {
        assertEquals(Optional.empty(), Insiders.accountOf(mail(VERIFIED, List.of(51L), byDomain(51)), caseOf(51L)));
    }

    @Test
    void theCompanysOwnNameGreetsNobody() {
        Account romashka = new Account("ООО «Ромашка»", NOW);
        assertEquals(Optional.empty(), Insiders.greetName("Ромашка", romashka));
        assertEquals(Optional.empty(), Insiders.greetName("Ромашка Сервис", romashka));
        assertEquals(Optional.of("Алексей Волков"), Insiders.greetName("Алексей Волков", romashka));
    }
}
