package app.frontdesk.application.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.application.mail.ParsedMail;
import app.frontdesk.application.mail.ParsedMail.Header;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which Authentication-Results count, and what verifies a From domain. */
class SenderVerifierTest {

    private final SenderVerifier verifier = new SenderVerifier(SenderPolicy.VERIFIED, Set.of("mx.frontdesk.test", "Filter.Frontdesk.Test"));

    private static List<Header> headers(String... nameValue) {
        List<Header> list = new ArrayList<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            list.add(new ParsedMail.Header(nameValue[i], nameValue[i + 1]));
        }
        list.add(new Header("From", "Ivan <ceo@romashka.example>"));
        list.add(new Header("Subject", "hello"));
        return list;
    }

    private Verification.Status verify(String domain, String... nameValue) {
        return verifier.verify(headers(nameValue), domain).status();
    }

    @Test
    void dmarcPassForTheFromDomainVerifies() {
        Verification v = verifier.verify(headers("Received", "from mx", "Authentication-Results",
                "mx.frontdesk.test; spf=pass smtp.mailfrom=romashka.example; dmarc=pass header.from=romashka.example"), "romashka.example");
        assertEquals(Verification.Status.VERIFIED, v.status());
        assertTrue(v.evidence().contains("dmarc=pass"), v.evidence());
    }

    @Test
    void dmarcPassForAnotherDomainDoesNot() {
        assertEquals(Verification.Status.UNVERIFIED, verify("romashka.example",
                "Authentication-Results", "mx.frontdesk.test; dmarc=pass header.from=attacker.example"));
    }

    @Test
    void dkimPassCountsWhenAlignedByTheOrganizationalDomain() {
        assertEquals(Verification.Status.VERIFIED, verify("mail.romashka.co.uk",
                "Authentication-Results", "mx.frontdesk.test; dkim=pass header.d=romashka.co.uk"));
        // co.uk is a public suffix: another company under it is not aligned
        assertEquals(Verification.Status.UNVERIFIED, verify("romashka.co.uk",
                "Authentication-Results", "mx.frontdesk.test; dkim=pass header.d=other.co.uk"));
        assertEquals(Verification.Status.VERIFIED, verify("romashka.example",
                "Authentication-Results", "mx.frontdesk.test; dkim=pass header.i=@news.romashka.example"));
    }

    @Test
    void spfPassAloneIsNotEnoughAndSaysSo() {
        Verification v = verifier.verify(headers("Authentication-Results",
                "mx.frontdesk.test; spf=pass smtp.mailfrom=ceo@romashka.example; dkim=none; dmarc=none"), "romashka.example");
        assertEquals(Verification.Status.UNVERIFIED, v.status());
        assertTrue(v.evidence().contains("spf=pass alone"), v.evidence());
    }

    @Test
    void failuresDoNotVerify() {
        assertEquals(Verification.Status.UNVERIFIED, verify("romashka.example",
                "Authentication-Results", "mx.frontdesk.test; dkim=fail header.d=romashka.example; dmarc=fail header.from=romashka.example"));
    }

    @Test
    void resultsOfForeignServersAreIgnored() {
        assertEquals(Verification.Status.UNVERIFIED, verify("romashka.example",
                "Authentication-Results", "mx.attacker.example; dmarc=pass header.from=romashka.example"));
    }

    @Test
    void aForgedHeaderWithOurIdBelowOursIsIgnored() {
        // Ours says fail; the sender's own copy, below it, says pass.
        assertEquals(Verification.Status.UNVERIFIED, verify("romashka.example",
                "Authentication-Results", "mx.frontdesk.test; dmarc=fail header.from=romashka.example",
                "Received", "from attacker",
                "Authentication-Results", "mx.frontdesk.test; dmarc=pass header.from=romashka.example"));
    }

    @Test
    void aTrustedIdBelowTheSendersOwnHeadersIsIgnored() {
        List<Header> h = new ArrayList<>();
        h.add(new Header("Received", "from mx"));
        h.add(new Header("From", "ceo@romashka.example"));
        h.add(new Header("Authentication-Results", "filter.frontdesk.test; dmarc=pass header.from=romashka.example"));
        assertEquals(Verification.Status.UNVERIFIED, verifier.verify(h, "romashka.example").status());
    }

    @Test
    void aSecondTrustedServerInOurTraceBlockCounts() {
        assertEquals(Verification.Status.VERIFIED, verify("romashka.example",
                "Authentication-Results", "mx.frontdesk.test; spf=pass smtp.mailfrom=romashka.example",
                "Received", "from filter",
                "Authentication-Results", "filter.frontdesk.test; dkim=pass header.d=romashka.example"));
    }

    @Test
    void noHeadersAtAllMeansUnverified() {
        Verification v = verifier.verify(headers(), "romashka.example");
        assertEquals(Verification.Status.UNVERIFIED, v.status());
        assertTrue(v.evidence().startsWith("no Authentication-Results from"), v.evidence());
    }

    @Test
    void anUnreadableTrustedHeaderIsNoPass() {
        assertEquals(Verification.Status.UNVERIFIED, verify("romashka.example",
                "Authentication-Results", "mx.frontdesk.test; dmarc=pass (unclosed header.from=romashka.example"));
    }

    @Test
    void trustFromPolicySkipsTheCheckAndSaysSo() {
        Verification v = new SenderVerifier(SenderPolicy.TRUST_FROM, Set.of()).verify(headers(), "romashka.example");
        assertEquals(Verification.Status.TRUSTED_BY_POLICY, v.status());
        assertTrue(v.passed());
    }

    @Test
    void withNothingTrustedNothingVerifiesAndTheGapIsOursNotTheSenders() {
        SenderVerifier verifier = new SenderVerifier(SenderPolicy.VERIFIED, Set.of());
        Verification v = verifier.verify(headers("Authentication-Results",
                "mx.frontdesk.test; dmarc=pass header.from=romashka.example"), "romashka.example");
        assertEquals(Verification.Status.NOT_CONFIGURED, v.status());
        assertFalse(v.passed());
        assertFalse(verifier.configured());
        assertTrue(new SenderVerifier(SenderPolicy.TRUST_FROM, Set.of()).configured());
    }

    @Test
    void resultsInsideAnAttachedMessageAreNeverRead() throws Exception {
        String forwarded = "Authentication-Results: mx.frontdesk.test; dmarc=pass header.from=romashka.example\r\n"
                + "From: ceo@romashka.example\r\nSubject: inner\r\n\r\nsigned elsewhere\r\n";
        byte[] raw = ("From: ceo@romashka.example\r\nSubject: Fwd\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n"
                + "--b\r\nContent-Type: message/rfc822\r\n\r\n" + forwarded + "--b--\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        ParsedMail parsed = new app.frontdesk.infrastructure.mime.Mime4jMailParser().parse(raw);
        assertEquals(Verification.Status.UNVERIFIED, verifier.verify(parsed.headers(), "romashka.example").status());
    }
}
