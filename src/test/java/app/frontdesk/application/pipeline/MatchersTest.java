package app.frontdesk.application.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.application.cases.UnknownSenderDesk;
import app.frontdesk.domain.model.supportcase.CaseKind;
import app.frontdesk.domain.model.supportcase.SupportCase;
import app.frontdesk.testkit.TestMail;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every matcher of the pipeline, from the mail context alone (no database: matchers run no queries). */
class MatchersTest {

    private static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");
    private static final TestMail ANNA = TestMail.from("Anna <anna@romashka.example>");

    private static SupportCase strangerCase(Long account) {
        return stored(new SupportCase(CaseKind.UNKNOWN_SENDER, "anna@romashka.example", "Anna", account, 80, "evidence", Locale.ENGLISH,
                NOW, NOW.plusSeconds(3600), NOW.plusSeconds(86_400)));
    }

    /** As if the database had given it an id (its reference is made from the id). */
    private static SupportCase stored(SupportCase c) {
        try {
            var id = SupportCase.class.getDeclaredField("id");
            id.setAccessible(true);
            id.set(c, 42L);
            return c;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void alwaysShouldMatchAnyMail() throws Exception {
        assertTrue(Matcher.always().match(FakeMail.of(ANNA).noSender().build()).isPresent());
    }

    @Test
    void senderIdentifiedShouldMatchOnlyWhenTheSenderStepFoundOne() throws Exception {
        assertEquals(Optional.of("sender anna@romashka.example"), new SenderIdentified().match(FakeMail.of(ANNA).build()));
        assertEquals(Optional.empty(), new SenderIdentified().match(FakeMail.of(ANNA).noSender().build()));
    }

    @Test
    void senderIsVerifiedContactShouldNeedBothAContactAddressAndAVerifiedDomain() throws Exception {
        var why = new SenderIsVerifiedContact().match(FakeMail.of(ANNA).verified().contactOf(7L, 9L).build());
        assertTrue(why.orElseThrow().contains("authorized contact of account 7, 9"), why.toString());
        assertEquals(Optional.empty(), new SenderIsVerifiedContact().match(FakeMail.of(ANNA).unverified().contactOf(7L).build()));
        assertEquals(Optional.empty(), new SenderIsVerifiedContact().match(FakeMail.of(ANNA).verified().build()));
    }

    @Test
    void senderIsVerifiedManagerShouldNeedAManagerAndAVerifiedDomainAndNoContact() throws Exception {
        TestMail olga = TestMail.from("olga@frontdesk.test");
        var why = new SenderIsVerifiedManager().match(FakeMail.of(olga).verified().managerOf("Olga", 3L).build());
        assertTrue(why.orElseThrow().contains("personal manager Olga"), why.toString());
        assertEquals(Optional.empty(), new SenderIsVerifiedManager().match(FakeMail.of(olga).unverified().managerOf("Olga", 3L).build()));
        assertEquals(Optional.empty(), new SenderIsVerifiedManager().match(FakeMail.of(olga).verified().build()));
        assertEquals(Optional.empty(), new SenderIsVerifiedManager().match(FakeMail.of(olga).verified().managerOf("Olga", 3L)
                .contactOf(3L).build()));
    }

    @Test
    void senderMayBeAnsweredShouldMatchOnlyAVerifiedStrangerInACase() throws Exception {
        assertTrue(new SenderMayBeAnswered().match(FakeMail.of(ANNA).verified().inCase(strangerCase(1L), true).build()).isPresent());
        // an unverified From may be forged: a reply would go to an innocent third party
        assertEquals(Optional.empty(), new SenderMayBeAnswered().match(FakeMail.of(ANNA).unverified().inCase(strangerCase(1L), true).build()));
        assertEquals(Optional.empty(), new SenderMayBeAnswered().match(FakeMail.of(ANNA).verified().build()));
        SupportCase inTheirName = new SupportCase(CaseKind.UNVERIFIED_CONTACT, "anna@romashka.example", "Anna", 1L, 100, "", Locale.ENGLISH,
                NOW, NOW, NOW);
        assertEquals(Optional.empty(), new SenderMayBeAnswered().match(FakeMail.of(ANNA).verified().inCase(inTheirName, true).build()));
    }

    @Test
    void caseNeedsAuthorizedContactShouldMatchACaseWithAnAccountWhoseContactsWereNotAskedYet() throws Exception {
        assertTrue(new CaseNeedsAuthorizedContact().match(FakeMail.of(ANNA).inCase(strangerCase(4L), true).build()).isPresent());
        assertEquals(Optional.empty(), new CaseNeedsAuthorizedContact().match(FakeMail.of(ANNA).inCase(strangerCase(null), true).build()));
        SupportCase asked = strangerCase(4L);
        asked.record(NOW, "pipeline", UnknownSenderDesk.ASKED, "asked");
        assertEquals(Optional.empty(), new CaseNeedsAuthorizedContact().match(FakeMail.of(ANNA).inCase(asked, false).build()));
    }

    @Test
    void caseOpenShouldMatchAMessageInACase() throws Exception {
        assertTrue(new CaseOpen().match(FakeMail.of(ANNA).inCase(strangerCase(null), false).build()).isPresent());
        assertEquals(Optional.empty(), new CaseOpen().match(FakeMail.of(ANNA).build()));
    }

    @Test
    void senderCannotBeVerifiedShouldMatchOnlyWhileOurConfigurationCannotVerify() throws Exception {
        MailContext gap = FakeMail.of(ANNA).build();
        gap.verification(new app.frontdesk.application.verification.Verification(
                app.frontdesk.application.verification.Verification.Status.NOT_CONFIGURED, "cannot verify: configuration"));
        assertTrue(new SenderCannotBeVerified().match(gap).isPresent());
        assertEquals(Optional.empty(), new SenderCannotBeVerified().match(FakeMail.of(ANNA).unverified().build()), "a failed check is not a gap");
        assertEquals(Optional.empty(), new SenderCannotBeVerified().match(FakeMail.of(ANNA).verified().build()));
    }
}
