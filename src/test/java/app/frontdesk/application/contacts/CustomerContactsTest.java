package app.frontdesk.application.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.application.MailAddresses;
import app.frontdesk.domain.model.account.Account;
import app.frontdesk.domain.model.account.EmailAddress;
import app.frontdesk.domain.model.account.PersonalManager;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one contact model the recovery mail, the news mails and the case mails share. */
class CustomerContactsTest {

    private static final Locale RU = Locale.forLanguageTag("ru");
    private static final Locale EN = Locale.ENGLISH;
    private static final SupportContact DESK = new SupportContact("Служба поддержки", "+7 495 000-00-00", "support@x.example");

    private static CustomerContacts contacts(String company) {
        return new CustomerContacts(new MailAddresses(EmailAddress.of("fd@x.example"), EmailAddress.of("hd@x.example"),
                EmailAddress.of("ad@x.example"), company), DESK);
    }

    private static Account romashka() {
        Account a = new Account("ООО Ромашка", Instant.EPOCH);
        a.authorize(EmailAddress.of("anna@romashka.example"), "Анна Петрова", RU, Instant.EPOCH);
        a.authorize(EmailAddress.of("buh@romashka.example"), "Бухгалтерия", EN, Instant.EPOCH);
        return a;
    }

    @Test
    void aCustomerIsPointedToTheirManagerWithTheDesksPhoneAndAStrangerOnlyToTheDesk() {
        Account account = romashka();
        assertEquals(Map.of("name", "Служба поддержки", "email", "support@x.example", "phone", "+7 495 000-00-00", "manager", false),
                contacts("Альфа").turnTo(account), "no manager: the desk");
        account.assignManager(new PersonalManager("Ольга Смирнова", EmailAddress.of("olga@x.example")));
        Map<String, Object> forAccount = contacts("Альфа").forAccount(account);
        assertEquals(Map.of("name", "Ольга Смирнова", "email", "olga@x.example", "phone", "+7 495 000-00-00", "manager", true),
                forAccount.get("contact"));
        assertEquals("ООО Ромашка", forAccount.get("accountName"));
        assertEquals("olga@x.example", contacts("Альфа").replyTo(account));

        Map<String, Object> stranger = contacts("Альфа").forStranger();
        assertFalse(stranger.containsKey("accountName"), "a stranger's text says nothing of the account");
        assertEquals(false, ((Map<?, ?>) stranger.get("contact")).get("manager"));
    }

    @Test
    void theTextIsSignedWithTheCompanysNameOnlyWhenOneIsConfigured() {
        assertEquals("Альфа", contacts("Альфа").base().get("company"));
        assertFalse(contacts(null).base().containsKey("company"), "unnamed: the template signs as the support desk");
        assertEquals(true, contacts(null).base().get("explanation"));
    }

    @Test
    void peopleAreGreetedByNameDepartmentsByNobodyEachInTheirOwnLanguage() {
        Account account = romashka();
        assertEquals("Анна Петрова", CustomerContacts.greetName(account.contacts().get(0)));
        assertEquals("", CustomerContacts.greetName(account.contacts().get(1)));
        assertEquals("", CustomerContacts.greetName((String) null));
        assertEquals(EN, CustomerContacts.language(account, "BUH@romashka.example", RU));
        assertEquals(RU, CustomerContacts.language(account, "ceo@romashka.example", RU), "not a contact: the fallback");
    }

    @Test
    void mailInAContactsOwnNameIsAskedAboutOnlyToThemOtherMailToEveryContact() {
        Account account = romashka();
        assertEquals(List.of("anna@romashka.example", "buh@romashka.example"), CustomerContacts.authorizedAddresses(account));
        assertEquals(2, CustomerContacts.toAsk(account, "ceo@romashka.example", false).size());
        assertEquals(List.of("anna@romashka.example"),
                CustomerContacts.toAsk(account, "anna@romashka.example", true).stream().map(c -> c.address().value()).toList());
        assertTrue(CustomerContacts.toAsk(account, "ceo@romashka.example", true).isEmpty());
    }
}
