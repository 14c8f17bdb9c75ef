package app.frontdesk.application.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import app.frontdesk.application.mail.ParsedMail;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What our mail server's checks found, said in words, never as the verifier's "spf=softfail, dkim=fail". */
class VerificationWordsTest {

    private static final Locale RU = Locale.forLanguageTag("ru");
    private static final SenderVerifier VERIFIER = new SenderVerifier(SenderPolicy.VERIFIED, Set.of("mx.ours.example"));

    private static Verification verify(String results) {
        return VERIFIER.verify(List.of(new ParsedMail.Header("Authentication-Results", "mx.ours.example; " + results, false)), "romashka.example");
    }

    @Test
    void aFailedSignatureAndAServerTheDomainDoesNotVouchFor() {
        Verification v = verify("spf=softfail smtp.mailfrom=romashka.example; dkim=fail header.d=romashka.example");
        assertEquals("цифровая подпись письма (DKIM) не сошлась: письмо изменили в пути или подписали не тем ключом;"
                + " домен не подтверждает сервер, с которого пришло письмо (SPF)", VerificationWords.of(v, RU));
        assertEquals("its digital signature (DKIM) did not match: it was changed on the way or signed with another key;"
                + " the domain does not vouch for the server it came from (SPF)", VerificationWords.of(v, Locale.ENGLISH));
        assertFalse(VerificationWords.of(v, RU).contains("="));
    }

    @Test
    void spfAloneAndASignatureOfAnotherDomain() {
        assertEquals("письмо не подписано цифровой подписью (DKIM); сервер, с которого пришло письмо, вправе отправлять почту домена из"
                + " конверта (SPF), но адрес в поле «От» это не подтверждает", VerificationWords.of(verify("spf=pass smtp.mailfrom=bulk.example"), RU));
        assertEquals("it is signed, but for another domain (mailer.example); the domain's policy (DMARC) did not confirm it",
                VerificationWords.of(verify("dkim=pass header.d=mailer.example; dmarc=fail header.from=romashka.example"), Locale.ENGLISH));
    }

    @Test
    void nothingToReadAndTheOtherVerdicts() {
        assertEquals("наш почтовый сервер не нашёл в письме ничего, что подтверждало бы отправителя",
                VerificationWords.of(VERIFIER.verify(List.of(), "romashka.example"), RU));
        assertEquals("домен отправителя подтверждён: письмо подписал почтовый сервер этого домена",
                VerificationWords.of(verify("dmarc=pass header.from=romashka.example"), RU));
        assertEquals("not checked: the settings take the From address at its word", VerificationWords.of(
                new SenderVerifier(SenderPolicy.TRUST_FROM, Set.of()).verify(List.of(), "romashka.example"), Locale.ENGLISH));
    }
}
