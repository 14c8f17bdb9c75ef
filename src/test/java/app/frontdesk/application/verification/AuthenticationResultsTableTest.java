package app.frontdesk.application.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.application.mail.ParsedMail;
import app.frontdesk.infrastructure.mime.Mime4jMailParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The parser against the formats real servers write (src/test/resources/auth-results/real-world.txt),
 * and the verifier against the forgery shapes an attacker tries: none may verify the boss's domain.
 */
public class AuthenticationResultsTableTest {

    private static final String OURS = "mx.frontdesk.test";
    private static final String BOSS = "romashka.example";
    private static final SenderVerifier VERIFIER = new SenderVerifier(SenderPolicy.VERIFIED, Set.of(OURS));

    /** (results expected, value) a line; also the fuzzer's seeds for the parser (app.frontdesk.fuzz.ParserSeeds). */
    public static Stream<Arguments> realWorld() throws IOException {
        List<Arguments> rows = new ArrayList<>();
        try (InputStream in = AuthenticationResultsTableTest.class.getResourceAsStream("/auth-results/real-world.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                rows.add(Arguments.of(line.substring(0, tab), line.substring(tab + 1).replace("\\n", "\r\n").replace("\\t", "\t")));
            }
        }
        return rows.stream();
    }

    @Test
    void theTableHoldsAtLeastSixtyRealWorldValues() throws IOException {
        assertTrue(realWorld().count() >= 60, "real-world values: " + realWorld().count());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("realWorld")
    void everyRealWorldValueIsReadWithItsResults(String expected, String value) {
        AuthenticationResults ar = AuthenticationResults.parse(value);
        String got = ar.results().isEmpty() ? "none"
                : ar.results().stream().map(r -> r.method() + "=" + r.result()).collect(Collectors.joining(","));
        assertEquals(expected, got, value);
    }

    private static String message(String trace, String senderHeader) {
        return trace + senderHeader + "Subject: Suspension notice?\r\nMessage-ID: <f@x>\r\n\r\nPlease stop the suspension.\r\n";
    }

    private static final String RECEIVED = "Received: from attacker.example (attacker.example [203.0.113.66]) by mx.frontdesk.test (Postfix)"
            + " with ESMTPS id 4XyZ; Sat, 21 Nov 2026 10:00:00 +0300\r\n";
    private static final String FROM = "From: Ivan Petrov <boss@romashka.example>\r\n";
    private static final String OUR_FAIL = "Authentication-Results: mx.frontdesk.test; spf=pass smtp.mailfrom=attacker.example;"
            + " dkim=none; dmarc=fail header.from=romashka.example\r\n";

    static Stream<Arguments> forgeries() {
        String pass = "Authentication-Results: mx.frontdesk.test; dmarc=pass header.from=romashka.example\r\n";
        String dkimPass = "Authentication-Results: mx.frontdesk.test; dkim=pass header.d=romashka.example\r\n";
        return Stream.of(
                Arguments.of("no results at all", message(RECEIVED, FROM)),
                Arguments.of("a foreign authserv-id says pass", message(RECEIVED + pass.replace(OURS, "mx.attacker.example"), FROM)),
                Arguments.of("a lookalike id (suffix)", message(RECEIVED + pass.replace(OURS, "mx.frontdesk.test.attacker.example"), FROM)),
                Arguments.of("a lookalike id (prefix)", message(RECEIVED + pass.replace(OURS, "xmx.frontdesk.test"), FROM)),
                Arguments.of("a lookalike id (homoglyph)", message(RECEIVED + pass.replace(OURS, "mx.frontdеsk.test"), FROM)),
                Arguments.of("our id quoted with a space", message(RECEIVED + pass.replace(OURS, "\"mx.frontdesk.test \""), FROM)),
                Arguments.of("a pass below our fail", message(RECEIVED + OUR_FAIL + pass, FROM)),
                Arguments.of("a pass below our fail and the sender's Received", message(RECEIVED + OUR_FAIL + RECEIVED + pass, FROM)),
                Arguments.of("a pass in the sender's own header", message(RECEIVED + OUR_FAIL, FROM + pass)),
                Arguments.of("a pass after the sender's From only", message(RECEIVED, FROM + pass)),
                Arguments.of("our field unreadable, a pass below (SRS-like)", message(RECEIVED
                        + "Authentication-Results: mx.frontdesk.test; spf=pass smtp.mailfrom=a\"b@attacker.example; dmarc=fail header.from=romashka.example\r\n"
                        + pass, FROM)),
                Arguments.of("our field with an unclosed comment, a pass below", message(RECEIVED
                        + "Authentication-Results: mx.frontdesk.test; dmarc=fail (unclosed header.from=romashka.example\r\n" + pass, FROM)),
                Arguments.of("our field with an unclosed quote, a pass below", message(RECEIVED
                        + "Authentication-Results: mx.frontdesk.test; spf=pass smtp.mailfrom=\"x;y@attacker.example\r\n" + pass, FROM)),
                Arguments.of("a continuation line the sender wrote", message(RECEIVED + OUR_FAIL.replace("\r\n", ""),
                        "\r\n\t; dmarc=pass header.from=romashka.example\r\n" + FROM)),
                Arguments.of("a continuation with a forged field of ours below it", message(RECEIVED + OUR_FAIL.replace("\r\n", ""),
                        "\r\n ; dkim=pass header.d=romashka.example\r\n" + pass + FROM)),
                Arguments.of("a continuation with a forged Received below it", message(RECEIVED + OUR_FAIL.replace("\r\n", ""),
                        "\r\n ; dmarc=pass header.from=romashka.example\r\n" + RECEIVED + FROM)),
                Arguments.of("a quoted local part that holds a whole result", message(RECEIVED
                        + "Authentication-Results: mx.frontdesk.test; spf=pass smtp.mailfrom=\"x; dmarc=pass header.from=romashka.example\"@attacker.example\r\n",
                        FROM)),
                Arguments.of("a comment that holds a whole result", message(RECEIVED
                        + "Authentication-Results: mx.frontdesk.test; spf=pass (; dmarc=pass header.from=romashka.example) smtp.mailfrom=attacker.example\r\n",
                        FROM)),
                Arguments.of("a reason that holds a whole result", message(RECEIVED
                        + "Authentication-Results: mx.frontdesk.test; dmarc=fail reason=\"; dmarc=pass header.from=romashka.example\" header.from=romashka.example\r\n",
                        FROM)),
                Arguments.of("dkim=pass for a lookalike domain", message(RECEIVED + dkimPass.replace(BOSS, "romashka.example.attacker.example"), FROM)),
                Arguments.of("dkim=pass for a public suffix", message(RECEIVED + dkimPass.replace("header.d=romashka.example", "header.d=example"), FROM)),
                Arguments.of("dkim=pass for a sibling under a public suffix", message(RECEIVED
                        + dkimPass.replace("header.d=romashka.example", "header.d=attacker.co.uk"),
                        FROM.replace(BOSS, "romashka.co.uk"))),
                Arguments.of("spf=pass for the boss's domain alone", message(RECEIVED
                        + "Authentication-Results: mx.frontdesk.test; spf=pass smtp.mailfrom=romashka.example\r\n", FROM)),
                Arguments.of("dmarc=pass for another From domain", message(RECEIVED + pass.replace(BOSS, "attacker.example"), FROM)),
                Arguments.of("a bare header key instead of header.from", message(RECEIVED
                        + "Authentication-Results: mx.frontdesk.test; dmarc=pass header=romashka.example\r\n", FROM)),
                Arguments.of("a method named like a property", message(RECEIVED
                        + "Authentication-Results: mx.frontdesk.test; header.from=romashka.example\r\n", FROM)),
                Arguments.of("dmarc=passed instead of pass", message(RECEIVED + pass.replace("dmarc=pass", "dmarc=passed"), FROM)),
                Arguments.of("our id only inside a comment of a foreign field", message(RECEIVED
                        + "Authentication-Results: mx.attacker.example (mx.frontdesk.test); dmarc=pass header.from=romashka.example\r\n", FROM)),
                Arguments.of("a pass inside an attached message", message(RECEIVED + OUR_FAIL,
                        FROM + "Content-Type: message/rfc822\r\n\r\n" + pass + FROM)),
                Arguments.of("two From mailboxes, one of them the boss", message(RECEIVED + pass.replace(BOSS, "attacker.example"),
                        "From: boss@romashka.example, x@attacker.example\r\n")),
                Arguments.of("a field of ours after the first non-trace field", message(RECEIVED + "X-Mailer: evil\r\n" + pass, FROM)),
                Arguments.of("our pass folded, as the sender could extend it", message(RECEIVED
                        + "Authentication-Results: mx.frontdesk.test;\r\n\tdmarc=pass header.from=romashka.example\r\n", FROM)));
    }

    @Test
    void theTableHoldsAtLeastThirtyForgeryShapes() {
        assertTrue(forgeries().count() >= 30, "forgeries: " + forgeries().count());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgeries")
    void noForgeryVerifiesTheBossesDomain(String shape, String raw) throws Exception {
        ParsedMail parsed = new Mime4jMailParser().parse(raw.getBytes(StandardCharsets.UTF_8));
        String fromDomain = parsed.from().isEmpty() ? BOSS : parsed.from().get(0).address().substring(parsed.from().get(0).address().indexOf('@') + 1);
        Verification v = VERIFIER.verify(parsed.headers(), fromDomain);
        assertEquals(Verification.Status.UNVERIFIED, v.status(), shape + ": " + v.evidence());
    }

    @Test
    void theGenuineShapesStillVerifySoTheTableCanFail() throws Exception {
        for (String trace : List.of(RECEIVED + "Authentication-Results: mx.frontdesk.test; dmarc=pass header.from=romashka.example\r\n",
                RECEIVED + "Authentication-Results: mx.frontdesk.test; dkim=pass header.d=romashka.example header.b=Ab+/9z==\r\n",
                RECEIVED + "Authentication-Results: mx.frontdesk.test; spf=pass smtp.mailfrom=prvs=1234=boss@romashka.example;"
                        + " dmarc=pass header.from=romashka.example\r\n"
                        + "Authentication-Results: mx.frontdesk.test;\r\n\tdkim=fail header.d=romashka.example\r\n")) {
            ParsedMail parsed = new Mime4jMailParser().parse(message(trace, FROM).getBytes(StandardCharsets.UTF_8));
            Verification v = VERIFIER.verify(parsed.headers(), BOSS);
            assertEquals(Verification.Status.VERIFIED, v.status(), trace + " -> " + v.evidence());
        }
        ParsedMail folded = new Mime4jMailParser().parse(message(RECEIVED
                + "Authentication-Results: mx.frontdesk.test;\r\n\tdmarc=pass header.from=romashka.example\r\n", FROM).getBytes(StandardCharsets.UTF_8));
        assertEquals(Verification.Status.VERIFIED, new SenderVerifier(SenderPolicy.VERIFIED, Set.of(OURS), true)
                .verify(folded.headers(), BOSS).status(), "folded fields count where the operator says the MX writes a field below them");
    }
}
