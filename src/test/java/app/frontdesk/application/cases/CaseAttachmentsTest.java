package app.frontdesk.application.cases;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static app.frontdesk.testkit.FixtureSeeds.OLGA;
import static app.frontdesk.testkit.FixtureSeeds.BORIS;

import app.frontdesk.application.accounts.AccountDraft;
import app.frontdesk.domain.model.inbound.Envelope;
import app.frontdesk.domain.model.supportcase.CaseKind;
import app.frontdesk.domain.model.supportcase.SupportCase;
import app.frontdesk.infrastructure.persistence.DatabaseSettings;
import app.frontdesk.testkit.GatewayFixture;
import app.frontdesk.testkit.MailWithParts;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A case's attachments are listed with the case and opened one at a time, decoded from the stored message,
 * only for whoever may see the case and only from a message of that case; each opening is audited.
 */
class CaseAttachmentsTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void attachmentsAreListedAndOpenedOnlyForWhoMaySeeTheCaseAndAudited(String name, Supplier<DatabaseSettings> db) throws Exception {
        try (GatewayFixture gw = new GatewayFixture(db.get())) {
            long romashka = gw.accounts.create(new AccountDraft("ООО «Ромашка»", List.of("romashka.example"),
                    List.of(new AccountDraft.ContactDraft("anna@romashka.example", "Анна", "ru")),
                    new AccountDraft.ManagerDraft("Ольга", OLGA.email()), List.of()), "test");
            long caseId = gw.db.inTransaction(r -> {
                SupportCase c = new SupportCase(CaseKind.UNKNOWN_SENDER, "ivan@petrov-family.example", null, romashka, 70, "test",
                        Locale.ENGLISH, gw.clock.instant(), gw.clock.instant().plus(Duration.ofHours(4)), gw.clock.instant().plus(Duration.ofDays(7)));
                r.cases().add(c);
                return c.id();
            });
            long message = store(gw, "<with-parts@x>", caseId);
            long elsewhere = store(gw, "<other-case@x>", null);

            var listed = gw.services.caseQueries.detailFor(OLGA, caseId, (c, a, messages, sent, k) -> messages.get(0).attachments()).orElseThrow();
            assertEquals(List.of(MailWithParts.PDF_NAME, "", "page.html", "../../рисунок.svg", ""), listed.stream().map(p -> p.filename()).toList());

            CaseAttachments attachments = gw.services.caseAttachments;
            var pdf = attachments.open(OLGA, caseId, message, 0).orElseThrow();
            assertArrayEquals(MailWithParts.PDF, pdf.bytes(), "decoded from the stored message");
            assertEquals("application/pdf", pdf.part().type());
            assertEquals(MailWithParts.PDF.length, pdf.part().size());

            assertTrue(attachments.open(BORIS, caseId, message, 0).isEmpty(), "another manager's case: nothing");
            assertTrue(attachments.open(OLGA, caseId, elsewhere, 0).isEmpty(), "a message of another case: nothing");
            assertTrue(attachments.open(OLGA, caseId, message, 9).isEmpty(), "no such part: nothing");
            assertTrue(attachments.open(OLGA, caseId, message, -1).isEmpty());

            var audit = gw.db.inTransaction(r -> r.audit().about("case", caseId)).stream()
                    .filter(e -> e.action().equals("attachment-opened")).toList();
            assertEquals(1, audit.size(), "one opening, one entry; refusals open nothing");
            assertEquals(OLGA.email(), audit.get(0).actor());
            assertTrue(audit.get(0).detail().contains("part 0: \"" + MailWithParts.PDF_NAME + "\" (application/pdf, " + MailWithParts.PDF.length
                    + " bytes)"), audit.get(0).detail());
        }
    }

    private static long store(GatewayFixture gw, String messageId, Long caseId) throws Exception {
        long id = gw.intake.accept(MailWithParts.mail("ivan@petrov-family.example", "support@frontdesk.test", messageId, "Счёт"),
                new Envelope("ivan@petrov-family.example", "support@frontdesk.test")).id();
        if (caseId != null) {
            gw.db.run(r -> r.inbound().find(id).orElseThrow().joinCase(caseId));
        }
        return id;
    }
}
