package app.frontdesk.application.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The RFC 8601 header parser on what real servers write, and on what attackers and broken servers write. */
class AuthenticationResultsTest {

    @Test
    void readsSeveralMethodsWithPropertiesAndReasons() {
        AuthenticationResults ar = AuthenticationResults.parse(
                " mx.frontdesk.test;\r\n\tspf=pass smtp.mailfrom=ceo@romashka.example;\r\n\tdkim=pass (2048-bit key) header.d=romashka.example header.i=@romashka.example header.s=sel1;"
                        + " dmarc=pass (p=reject dis=none) header.from=romashka.example");
        assertEquals("mx.frontdesk.test", ar.authservId());
        assertEquals(List.of("spf", "dkim", "dmarc"), ar.results().stream().map(AuthenticationResults.Result::method).toList());
        assertEquals(Optional.of("ceo@romashka.example"), ar.results().get(0).property("smtp.mailfrom"));
        assertEquals(Optional.of("@romashka.example"), ar.results().get(1).property("header.i"));
        assertEquals(Optional.of("romashka.example"), ar.results().get(2).property("header.from"));
    }

    @Test
    void commentsMayNestAndHoldEscapesAndSitAnywhere() {
        AuthenticationResults ar = AuthenticationResults.parse(
                "(outer (nested \\) paren) comment) mx.example.org (v1) 1 ; (a) dkim (b) = (c) fail (d) reason = \"bad sig; really\" header.d (e) = (f) example.com");
        assertEquals("mx.example.org", ar.authservId());
        AuthenticationResults.Result dkim = ar.results().get(0);
        assertEquals("dkim", dkim.method());
        assertEquals("fail", dkim.result());
        assertEquals(Optional.of("bad sig; really"), dkim.property("reason"));
        assertEquals(Optional.of("example.com"), dkim.property("header.d"));
    }

    @Test
    void quotedValuesAndMethodVersionsAreRead() {
        AuthenticationResults ar = AuthenticationResults.parse("\"mx.example.org\"; dkim/1=pass header.d=\"example.com\"; auth=pass smtp.auth=\"user name\"");
        assertEquals("mx.example.org", ar.authservId());
        assertEquals("dkim", ar.results().get(0).method());
        assertEquals(Optional.of("example.com"), ar.results().get(0).property("header.d"));
        assertEquals(Optional.of("user name"), ar.results().get(1).property("smtp.auth"));
    }

    @Test
    void noneMeansNoResultsAndCaseDoesNotMatter() {
        assertEquals(List.of(), AuthenticationResults.parse("MX.Example.ORG; none").results());
        assertEquals("mx.example.org", AuthenticationResults.parse("MX.Example.ORG; none").authservId());
        AuthenticationResults upper = AuthenticationResults.parse("mx; DMARC=PASS Header.From=Example.COM");
        assertEquals("dmarc", upper.results().get(0).method());
        assertEquals("pass", upper.results().get(0).result());
        assertEquals(Optional.of("Example.COM"), upper.results().get(0).property("header.from"));
    }

    @Test
    void aTrailingSemicolonIsTolerated() {
        assertEquals(1, AuthenticationResults.parse("mx; spf=pass smtp.mailfrom=a@b.example;").results().size());
    }

    @Test
    void aBareKeyAsMicrosoftWritesItIsKeptButIsNoIdentity() {
        var r = AuthenticationResults.parse("mx; dkim=pass header=example.com").results().get(0);
        assertEquals("example.com", r.property("header").orElseThrow());
        assertTrue(r.property("header.d").isEmpty());
    }

    @Test
    void garbageIsAnErrorNeverAPass() {
        for (String bad : List.of("", "mx; dkim", "mx; dkim=", "mx; (unclosed comment dkim=pass", "mx; dkim=pass header.d=\"unclosed",
                "mx; =pass", "mx; dkim=pass header.=example.com", "mx; dkim=pass header.d=")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AuthenticationResults.parse(bad), bad);
            assertTrue(e.getMessage().contains("not readable"), e.getMessage());
        }
    }
}
