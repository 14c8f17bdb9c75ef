package app.frontdesk.domain.model.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @Test
    void anEncodedWordIsNoAddressAndAnInternationalizedLocalPartIsKeptAsWritten() {
        assertTrue(EmailAddress.parse("=?UTF-8?B?0LjQstCw0L0=?=@example.ru").isEmpty());
        EmailAddress ivan = EmailAddress.of("Иван@Пример.рф");
        assertEquals("иван@xn--e1afmkfd.xn--p1ai", ivan.value());
        assertEquals("иван", ivan.localPart(), "the local part stays in its own letters (only SMTPUTF8 delivers it)");
        assertEquals("ivan@xn--e1afmkfd.xn--p1ai", EmailAddress.of("ivan@пример.рф").value(), "an IDN domain needs no SMTPUTF8");
    }

    @Test
    void shouldLowerCaseTrimAndDropAngleBrackets() {
        assertEquals("ivan.petrov@romashka.example", EmailAddress.of("  <Ivan.Petrov@Romashka.EXAMPLE> ").value());
    }

    @Test
    void shouldConvertAnInternationalDomainToPunycode() {
        EmailAddress a = EmailAddress.of("info@ромашка.рф");
        assertEquals("xn--80aa3agjl3d.xn--p1ai", a.domain());
        assertEquals(a, EmailAddress.of("INFO@xn--80aa3agjl3d.xn--p1ai"));
    }

    @Test
    void shouldKeepPlusTagsAndDotsBecauseTheyNameDifferentMailboxes() {
        assertNotEquals(EmailAddress.of("anna+billing@x.example"), EmailAddress.of("anna@x.example"));
        assertNotEquals(EmailAddress.of("a.nna@x.example"), EmailAddress.of("anna@x.example"));
    }

    @Test
    void shouldDropATrailingDotOfTheDomain() {
        assertEquals("a@x.example", EmailAddress.of("a@x.example.").value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "anna", "@x.example", "anna@", "an na@x.example", "a@b@c.example", "a@x..example",
            "a@x.example, b@y.example", "<a@x.example"})
    void shouldRefuseWhatIsNotOneMailbox(String raw) {
        assertTrue(EmailAddress.parse(raw).isEmpty(), raw);
        assertThrows(IllegalArgumentException.class, () -> EmailAddress.of(raw));
    }

    @Test
    void shouldSplitLocalPartAndDomain() {
        EmailAddress a = EmailAddress.of("anna@x.example");
        assertEquals("anna", a.localPart());
        assertEquals("x.example", a.domain());
    }
}
