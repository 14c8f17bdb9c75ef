package app.frontdesk.application.contacts;

import app.frontdesk.application.MailAddresses;
import app.frontdesk.application.texts.PersonName;
import app.frontdesk.domain.model.account.Account;
import app.frontdesk.domain.model.account.Contact;
import app.frontdesk.domain.model.account.EmailAddress;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The contact model of every customer text, in one place: who the account's authorized contacts are, how each is
 * greeted and in which language, and whom the text names to turn to (the personal manager for a customer, the
 * support desk for a stranger, whose reply must not reveal which account matched). The recovery mail, the news
 * mails and the case mails used to build it each on their own and had begun to drift.
 */
public final class CustomerContacts {

    private final MailAddresses addresses;
    private final SupportContact support;

    public CustomerContacts(MailAddresses addresses, SupportContact support) {
        this.addresses = addresses;
        this.support = support;
    }

    /** The support desk as customers reach it. */
    public SupportContact support() {
        return support;
    }

    /** Where a customer's reply to our mail goes: their personal manager, else the support desk. */
    public String replyTo(Account account) {
        return account.manager().map(m -> m.address().value()).orElse(support.email());
    }

    /**
     * What every customer text's model starts with: the company's name that signs it (absent: "служба поддержки" /
     * "Customer support", never the product's) and the sections every text has.
     */
    public Map<String, Object> base() {
        Map<String, Object> m = new HashMap<>();
        if (addresses.company() != null) {
            m.put("company", addresses.company());
        }
        m.put("explanation", true);
        m.put("nextStep", true);
        return m;
    }

    /** {@link #base()} with the support desk to turn to: for a sender we do not know, nothing of the account. */
    public Map<String, Object> forStranger() {
        Map<String, Object> m = base();
        m.put("contact", desk());
        return m;
    }

    /** {@link #base()} with the account's name and its personal manager to turn to (the desk when it has none). */
    public Map<String, Object> forAccount(Account account) {
        Map<String, Object> m = base();
        m.put("accountName", account.name());
        m.put("contact", turnTo(account));
        return m;
    }

    /** The support desk, with its phone. */
    public Map<String, Object> desk() {
        return Map.of("name", support.name(), "phone", support.phone(), "email", support.email(), "manager", false);
    }

    /** The account's personal manager, else the support desk; the phone is always the desk's (a manager's own is not on file). */
    public Map<String, Object> turnTo(Account account) {
        Map<String, Object> contact = new HashMap<>();
        account.manager().ifPresentOrElse(pm -> {
            contact.put("name", pm.name());
            contact.put("email", pm.address().value());
            contact.put("manager", true);
        }, () -> {
            contact.put("name", support.name());
            contact.put("email", support.email());
            contact.put("manager", false);
        });
        contact.put("phone", support.phone());
        return contact;
    }

    /** How a contact is greeted: their name when it is a person's ({@link PersonName}), else nobody ("Бухгалтерия" is no one to greet). */
    public static String greetName(Contact contact) {
        return greetName(contact.name());
    }

    /** How the bearer of this display name is greeted: see {@link #greetName(Contact)}. */
    public static String greetName(String displayName) {
        return displayName == null ? "" : PersonName.of(displayName).orElse("");
    }

    /** The account's authorized contacts' addresses, in the order they were registered. */
    public static List<String> authorizedAddresses(Account account) {
        Set<String> to = new LinkedHashSet<>();
        account.contacts().forEach(c -> to.add(c.address().value()));
        return List.copyOf(to);
    }

    /**
     * The contacts to address about mail from {@code sender}: only the sender when the mail is in their own name
     * (they alone can say "it was me"), else every authorized contact.
     */
    public static List<Contact> toAsk(Account account, String sender, boolean inTheirOwnName) {
        return inTheirOwnName ? account.contacts().stream().filter(k -> k.address().value().equals(sender)).toList() : account.contacts();
    }

    /** The language to write to {@code address} in: the contact's own, else {@code fallback}. */
    public static Locale language(Account account, String address, Locale fallback) {
        return account.contact(EmailAddress.of(address)).map(Contact::locale).orElse(fallback);
    }
}
