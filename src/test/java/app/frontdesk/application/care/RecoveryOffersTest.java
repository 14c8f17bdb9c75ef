package app.frontdesk.application.care;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.application.MailAddresses;
import app.frontdesk.application.cases.CaseTexts;
import app.frontdesk.application.contacts.CustomerContacts;
import app.frontdesk.application.contacts.SupportContact;
import app.frontdesk.application.outbox.MessageIds;
import app.frontdesk.application.texts.InvalidTemplateException;
import app.frontdesk.application.texts.TemplateLibrary;
import app.frontdesk.application.wording.WordingCheck;
import app.frontdesk.application.wording.WordingRules;
import app.frontdesk.domain.model.account.Account;
import app.frontdesk.domain.model.account.EmailAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offers a manager can choose from: both languages for each, and each must give something beyond the fix. */
class RecoveryOffersTest {

    private static final Path CONFIG = Path.of("server-config");

    private static RecoveryMail mail() {
        MailAddresses addresses = new MailAddresses(EmailAddress.of("fd@x.example"), EmailAddress.of("hd@x.example"),
                EmailAddress.of("ad@x.example"), "Альфа");
        return new RecoveryMail(TemplateLibrary.load(CONFIG.resolve("templates"), CaseTexts::sample), addresses, new MessageIds("x.example"),
                new CustomerContacts(addresses, new SupportContact("Support", "+7 495 000-00-00", "support@x.example")));
    }

    @Test
    void theShippedOffersLoadAndEachMakesARecoveryMailThatReadsRight() {
        RecoveryOffers offers = RecoveryOffers.load(CONFIG);
        assertEquals(List.of("discount", "free-month", "priority-support"), offers.all().stream().map(RecoveryOffers.Offer::kind).toList());
        assertTrue(offers.find("free-month").orElseThrow().text(Locale.forLanguageTag("ru")).startsWith("следующий месяц"));
        RecoveryDesk.check(offers, mail(), new WordingCheck(WordingRules.load(CONFIG)), new Account("Sample LLC", Instant.EPOCH));
    }

    @Test
    void aKindWithoutBothLanguagesIsRefusedByName(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("care"));
        Files.writeString(dir.resolve("care/recovery-offers.properties"), "gift.ru = подарок\nvisit = a visit\n");
        InvalidTemplateException e = assertThrows(InvalidTemplateException.class, () -> RecoveryOffers.load(dir));
        assertTrue(e.getMessage().contains("offer \"gift\" needs both gift.ru and gift.en"), e.getMessage());
        assertTrue(e.getMessage().contains("\"visit\" is not <kind>.ru or <kind>.en"), e.getMessage());
    }

    @Test
    void anOfferThatGivesNothingBeyondTheFixStopsTheStart(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("care"));
        Files.writeString(dir.resolve("care/recovery-offers.properties"),
                "apology-only.ru = мы будем внимательнее.\napology-only.en = we will be more careful.\n");
        InvalidTemplateException e = assertThrows(InvalidTemplateException.class, () -> RecoveryDesk.check(RecoveryOffers.load(dir), mail(),
                new WordingCheck(WordingRules.load(CONFIG)), new Account("Sample LLC", Instant.EPOCH)));
        assertTrue(e.getMessage().contains("offer \"apology-only\" (ru): compensation") && e.getMessage().contains("(en): compensation"),
                e.getMessage());
    }
}
