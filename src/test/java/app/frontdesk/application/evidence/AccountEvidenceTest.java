package app.frontdesk.application.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.application.accounts.AccountDraft;
import app.frontdesk.application.mail.ParsedMail;
import app.frontdesk.domain.model.account.EmailAddress;
import app.frontdesk.domain.model.account.Inn;
import app.frontdesk.domain.model.account.ReferenceKind;
import app.frontdesk.domain.model.outbox.MailKind;
import app.frontdesk.domain.model.outbox.OutboundMail;
import app.frontdesk.infrastructure.mime.Mime4jMailParser;
import app.frontdesk.testkit.GatewayFixture;
import app.frontdesk.testkit.TestDatabases;
import app.frontdesk.testkit.TestMail;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each kind of evidence on its own, the ranking, and the public-mail-domain rule, on H2 with the shipped patterns. */
class AccountEvidenceTest {

    private static GatewayFixture gw;
    private static long romashka;
    private static long northwind;
    private static long vostok;
    private static final ClueExtractor CLUES = new ClueExtractor(EvidencePatterns.load(Path.of("server-config")),
            PublicMailDomains.load(Path.of("server-config")));
    private static final String OUR_NOTICE = "<notice-1.frontdesk@frontdesk.test>";

    @BeforeAll
    static void accounts() throws Exception {
        gw = new GatewayFixture(TestDatabases.h2());
        romashka = gw.accounts.create(new AccountDraft("ООО «Ромашка»", List.of("romashka.example"),
                List.of(new AccountDraft.ContactDraft("anna@romashka.example", "Anna", "ru")), null,
                List.of(new AccountDraft.ReferenceDraft("INN", "7707083893"), new AccountDraft.ReferenceDraft("INVOICE", "INV-2026-0042"),
                        new AccountDraft.ReferenceDraft("CONTRACT", "D-17/2025"), new AccountDraft.ReferenceDraft("PHONE", "8 (495) 111-22-33"))), "test");
        northwind = gw.accounts.create(new AccountDraft("Northwind Traders LLC", List.of("northwind.example"), List.of(), null,
                List.of(new AccountDraft.ReferenceDraft("ACCOUNT_NUMBER", "CUST-5521"))), "test");
        // Two accounts share a contract number format and a phone (a holding): ambiguous on its own
        vostok = gw.accounts.create(new AccountDraft("АО \"Восток\"", List.of(), List.of(), null,
                List.of(new AccountDraft.ReferenceDraft("PHONE", "+7 495 111-22-33"))), "test");
        gw.db.inTransaction(r -> {
            r.outbox().add(new OutboundMail(MailKind.HELPDESK_FORWARD, OUR_NOTICE, null, List.of("anna@romashka.example"),
                    new byte[] {1}, null, gw.clock.instant()).about(romashka, null));
            return null;
        });
    }

    @AfterAll
    static void close() {
        gw.close();
    }

    private static ParsedMail parse(TestMail mail) {
        try {
            return new Mime4jMailParser().parse(mail.bytes());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Candidates rank(TestMail mail) {
        ParsedMail parsed = parse(mail);
        EmailAddress sender = EmailAddress.parse(parsed.from().get(0).address()).orElseThrow();
        return gw.db.inTransaction(r -> new AccountFinder().find(CLUES.extract(parsed, sender), true, r));
    }

    private static List<String> kinds(Candidates c) {
        return c.ranked().get(0).evidence().stream().map(Evidence::kind).toList();
    }

    @Test
    void theRegisteredDomainIsClearOnItsOwn() {
        Candidates c = rank(TestMail.from("ceo@romashka.example"));
        assertEquals(Optional.of(romashka), c.clear().map(Candidate::accountId));
        assertEquals(List.of("domain"), kinds(c));
    }

    @Test
    void aSubdomainCountsAsTheRegisteredDomain() {
        assertEquals(Optional.of(romashka), rank(TestMail.from("ceo@mail.romashka.example")).clear().map(Candidate::accountId));
    }

    @Test
    void publicMailDomainsNeverCount() {
        // even when someone registered gmail.com as an account domain by mistake
        gw.db.inTransaction(r -> {
            r.accounts().find(vostok).orElseThrow().addDomain("gmail.com");
            return null;
        });
        Candidates c = rank(TestMail.from("ivan.petrov@gmail.com").body("Hello, a question about our services."));
        assertTrue(c.ranked().isEmpty(), c.describe());
        Candidates yandex = rank(TestMail.from("ivan@yandex.ru").body("Вопрос по счёту INV-2026-0042"));
        assertEquals(List.of("invoice"), kinds(yandex), yandex.describe());
    }

    @Test
    void anInvoiceNumberInTheSubjectIsClear() {
        Candidates c = rank(TestMail.from("ivan@gmail.com").subject("Оплата по счёту № INV-2026-0042")
                .rawHeaderCharset(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(Optional.of(romashka), c.clear().map(Candidate::accountId), c.describe());
        assertEquals(List.of("invoice"), kinds(c));
    }

    @Test
    void aContractNumberInTheTextIsClear() {
        Candidates c = rank(TestMail.from("ivan@gmail.com").body("Добрый день!\nПо договору № D-17/2025 прошу пояснить."));
        assertEquals(Optional.of(romashka), c.clear().map(Candidate::accountId), c.describe());
        assertEquals(List.of("contract"), kinds(c));
    }

    @Test
    void anAccountNumberIsClear() {
        Candidates c = rank(TestMail.from("john@gmail.com").body("Hi, my customer number: CUST-5521. Please help."));
        assertEquals(Optional.of(northwind), c.clear().map(Candidate::accountId), c.describe());
    }

    @Test
    void aValidInnCountsAndAnInvalidOneDoesNot() {
        Candidates valid = rank(TestMail.from("buh@gmail.com").body("ИНН 7707083893, КПП 770701001"));
        assertEquals(Optional.of(romashka), valid.clear().map(Candidate::accountId), valid.describe());
        assertTrue(kinds(valid).contains("inn"));
        assertTrue(rank(TestMail.from("buh@gmail.com").body("ИНН 7707083894")).ranked().isEmpty(), "check digit wrong");
        assertTrue(Inn.isValid("7707083893"));
        assertTrue(Inn.isValid("500100732259"));
        assertFalse(Inn.isValid("500100732250"));
    }

    @Test
    void aReplyToOurMailIsNearlyProof() {
        Candidates c = rank(TestMail.from("ceo@gmail.com").header("In-Reply-To", OUR_NOTICE).header("References", "<other@x> " + OUR_NOTICE));
        assertEquals(Optional.of(romashka), c.clear().map(Candidate::accountId), c.describe());
        assertEquals(List.of("reply-to-our-mail"), kinds(c));
        assertEquals(90, c.ranked().get(0).percent());
    }

    @Test
    void aPhoneSharedByTwoAccountsIsAmbiguous() {
        Candidates c = rank(TestMail.from("someone@gmail.com").body("Перезвоните мне: +7 (495) 111-22-33"));
        assertEquals(2, c.ranked().size(), c.describe());
        assertEquals(Optional.empty(), c.clear(), "two accounts with the same evidence go to triage");
    }

    @Test
    void theCompanyNameIsAHintThatAddsUp() {
        Candidates name = rank(TestMail.from("someone@gmail.com").body("С уважением,\nИван Петров\nООО «Ромашка»"));
        assertEquals(List.of("name"), kinds(name), name.describe());
        assertEquals(Optional.empty(), name.clear(), "a name alone is not enough");
        Candidates both = rank(TestMail.from("someone@gmail.com").body("ООО «Ромашка», тел. 8 495 111 22 33"));
        assertEquals(romashka, both.ranked().get(0).accountId(), both.describe());
        assertTrue(both.ranked().get(0).confidence() > both.ranked().get(1).confidence(), "name and phone lead the phone alone: " + both.describe());
        assertEquals(Optional.empty(), both.clear(), "but not by enough to skip a person: " + both.describe());
        Candidates english = rank(TestMail.from("john@gmail.com").body("Regards,\nJohn\nNorthwind Traders LLC"));
        assertEquals(northwind, english.ranked().get(0).accountId(), english.describe());
    }

    @Test
    void nothingToGoOnMeansNoCandidates() {
        Candidates c = rank(TestMail.from("someone@unknown.example").body("Hello, I have a question."));
        assertTrue(c.ranked().isEmpty());
        assertEquals("no account matched", c.describe());
    }

    @Test
    void cluesAreNormalizedAndBounded() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            many.append("invoice INV-").append(1000 + i).append('\n');
        }
        ParsedMail parsed = parse(TestMail.from("a@b.example").body(many.toString()));
        Clues clues = CLUES.extract(parsed, EmailAddress.of("a@b.example"));
        assertEquals(ClueExtractor.MAX_PER_KIND, clues.references().get(ReferenceKind.INVOICE).size());
        assertEquals(Set.of("79991234567"), CLUES.extract(parse(TestMail.from("a@b.example")
                .body("тел. 8-999-123-45-67")), EmailAddress.of("a@b.example")).references().get(ReferenceKind.PHONE));
    }
}
