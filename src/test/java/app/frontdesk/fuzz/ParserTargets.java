package app.frontdesk.fuzz;

import app.frontdesk.application.payments.CamtImport;
import app.frontdesk.application.payments.ClientBankExchangeImport;
import app.frontdesk.application.ImportRefused;
import app.frontdesk.application.payments.PaymentCsvImport;
import app.frontdesk.application.mail.ParsedMail;
import app.frontdesk.application.mail.UnparseableMailException;
import app.frontdesk.application.verification.AuthenticationResults;
import app.frontdesk.application.verification.SenderPolicy;
import app.frontdesk.application.verification.SenderVerifier;
import app.frontdesk.infrastructure.mime.Mime4jMailParser;
import app.frontdesk.infrastructure.mime.MimeLimits;
import app.frontdesk.infrastructure.mime.PdfBoxText;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

/**
 * The fuzz targets for every parser that reads what strangers send, with their oracle: each parser
 * answers with a result or with its own "refused" ({@link UnparseableMailException},
 * {@link ImportRefused}, an unreadable Authentication-Results), and keeps its limits; anything else
 * thrown, a stack overflow included, is a finding. Run by {@link ParserFuzzTest} (briefly, in every
 * build) and {@link ParserFuzzLong} (ten minutes a target, by command; docs/operations.md).
 */
final class ParserTargets {

    private static final Mime4jMailParser MIME = new Mime4jMailParser();
    private static final SenderVerifier VERIFIER = new SenderVerifier(SenderPolicy.VERIFIED, Set.of("mx.frontdesk.test"));
    private static final PdfBoxText PDF = new PdfBoxText(5 * 1024 * 1024, 3, Duration.ofSeconds(30));

    private ParserTargets() {
    }

    static void mime(byte[] input) throws Exception {
        ParsedMail parsed;
        try {
            parsed = MIME.parse(input);
        } catch (UnparseableMailException refused) {
            return;
        }
        check(parsed.headers().size() <= MimeLimits.DEFAULT.maxHeaderFields(), "more header fields than the limit");
        check(parsed.text().length() <= MimeLimits.DEFAULT.maxTextChars(), "more text than the limit");
        check(parsed.documents().size() <= MimeLimits.DEFAULT.maxDocuments(), "more documents than the limit");
        String domain = parsed.from().isEmpty() ? "x.example" : parsed.from().get(0).address().replaceAll(".*@", "");
        VERIFIER.verify(parsed.headers(), domain); // never throws, whatever the fields say
    }

    static void authenticationResults(byte[] input) {
        String value = new String(input, StandardCharsets.UTF_8);
        AuthenticationResults.leadingId(value);
        try {
            AuthenticationResults ar = AuthenticationResults.parse(value);
            check(ar.authservId().equals(AuthenticationResults.leadingId(value)) || ar.authservId().isEmpty(),
                    "the id read alone differs from the id parsed");
        } catch (IllegalArgumentException unreadable) {
            // an answer: never a pass
        }
    }

    static void oneC(byte[] input) {
        try {
            ClientBankExchangeImport.parse(input);
        } catch (ImportRefused refused) {
            check(!refused.problems().isEmpty(), "refused without a problem named");
        }
    }

    static void csv(byte[] input) {
        try {
            PaymentCsvImport.parse(new String(input, StandardCharsets.UTF_8));
        } catch (ImportRefused refused) {
            check(!refused.problems().isEmpty(), "refused without a problem named");
        }
    }

    static void camt(byte[] input) {
        try {
            CamtImport.parse(input);
        } catch (ImportRefused refused) {
            check(!refused.problems().isEmpty(), "refused without a problem named");
        }
    }

    static void pdf(byte[] input) {
        check(PDF.text(input) != null, "no answer"); // "" for anything it cannot read; it must not throw
        // a reader that ran over its time is abandoned and cannot be stopped: whatever made it run so long is a finding
        check(PDF.busyReaders() == 0, "a PDF reader still runs after its time limit");
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }
}
