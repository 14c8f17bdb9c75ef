package app.frontdesk.application.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static app.frontdesk.testkit.FixtureSeeds.OLGA;
import static app.frontdesk.testkit.FixtureSeeds.BORIS;
import static app.frontdesk.testkit.FixtureSeeds.LEAD;

import app.frontdesk.application.accounts.AccountDraft;
import app.frontdesk.application.cases.CaseQueries.CandidateAccount;
import app.frontdesk.application.verification.Verification;
import app.frontdesk.application.verification.VerificationWords;
import app.frontdesk.domain.model.inbound.Envelope;
import app.frontdesk.domain.model.staff.Viewer;
import app.frontdesk.domain.model.supportcase.SupportCase;
import app.frontdesk.infrastructure.persistence.DatabaseSettings;
import app.frontdesk.testkit.GatewayFixture;
import app.frontdesk.testkit.TestMail;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A stranger's mail through the pipeline: the case page's query gives every account the evidence ranked that the
 * viewer may act for (another manager's is neither offered nor named), with its confidence and facts, and what our
 * mail server verified about each message, checked again on its stored headers.
 */
class CaseCandidatesTest {

    private static final String BODY = "Добрый день!\nПо договору № D-17/2025 прошу пояснить.\nПерезвоните мне: +7 (495) 111-22-33";

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void theCandidatesAreTheViewersOwnWithConfidenceAndTheVerdictIsReadFromTheStoredHeaders(String name, Supplier<DatabaseSettings> db)
            throws Exception {
        try (GatewayFixture gw = new GatewayFixture(db.get())) {
            long romashka = account(gw, "ООО «Ромашка»", "romashka.example", OLGA.email(), new AccountDraft.ReferenceDraft("CONTRACT", "D-17/2025"));
            long lyutik = account(gw, "ООО «Лютик»", "lyutik.example", BORIS.email(), new AccountDraft.ReferenceDraft("PHONE", "+7 495 111-22-33"));
            long verified = stranger(gw, TestMail.from("ivan@romashka.example"));
            long unverified = stranger(gw, TestMail.from("petr@romashka.example").unverified());

            // Romashka: its domain and its contract (91%), Lyutik: its phone number (50%): Romashka is clear, the case is Olga's
            assertEquals(List.of(romashka + " 91 contract,domain", lyutik + " 50 phone"), candidates(gw, LEAD, verified));
            assertEquals(List.of(romashka + " 91 contract,domain"), candidates(gw, OLGA, verified), "Boris's account is not offered to Olga");
            assertTrue(gw.services.caseQueries.detailFor(BORIS, verified, (c, a, m, s, k) -> k).isEmpty(), "nor is Olga's case shown to Boris");
            assertEquals(List.of(romashka + " 82 contract,unverified-domain"), candidates(gw, OLGA, unverified),
                    "a domain our mail server did not confirm counts less");

            assertEquals(Verification.Status.VERIFIED, verdict(gw, verified).status());
            Verification not = verdict(gw, unverified);
            assertEquals(Verification.Status.UNVERIFIED, not.status());
            assertEquals("наш почтовый сервер не нашёл в письме ничего, что подтверждало бы отправителя",
                    VerificationWords.of(not, Locale.forLanguageTag("ru")));
        }
    }

    private static List<String> candidates(GatewayFixture gw, Viewer v, long caseId) {
        return gw.services.caseQueries.detailFor(v, caseId, (c, a, m, s, k) -> k).orElseThrow().stream()
                .map((CandidateAccount x) -> x.account().id() + " " + x.percent() + " "
                        + String.join(",", x.evidence().stream().map(e -> e.kind()).sorted().toList())).toList();
    }

    private static Verification verdict(GatewayFixture gw, long caseId) {
        return gw.services.caseQueries.detailFor(LEAD, caseId, (c, a, m, s, k) -> m.get(0).verification().orElseThrow()).orElseThrow();
    }

    private static long stranger(GatewayFixture gw, TestMail mail) throws Exception {
        byte[] raw = mail.subject("Вопрос по договору").body(BODY).bytes();
        String from = new String(raw, java.nio.charset.StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("From: ")).findFirst()
                .orElseThrow().substring(6).strip();
        gw.intake.accept(raw, new Envelope(from, "support@frontdesk.test"));
        gw.processAll();
        return gw.db.inTransaction(r -> r.cases().openCaseOf(from).map(SupportCase::id).orElseThrow());
    }

    private static long account(GatewayFixture gw, String name, String domain, String manager, AccountDraft.ReferenceDraft reference)
            throws Exception {
        return gw.accounts.create(new AccountDraft(name, List.of(domain), List.of(new AccountDraft.ContactDraft("anna@" + domain, "Анна", "ru")),
                new AccountDraft.ManagerDraft("Manager of " + name, manager), List.of(reference)), "test");
    }
}
