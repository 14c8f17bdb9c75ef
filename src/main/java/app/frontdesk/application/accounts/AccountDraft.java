package app.frontdesk.application.accounts;

import java.util.List;

/**
 * An account as an administrator describes it (JSON body or one import record). Checked by
 * {@link AccountService#problems(AccountDraft)} before anything is stored.
 */
public record AccountDraft(String name, List<String> domains, List<ContactDraft> contacts, ManagerDraft manager,
                           List<ReferenceDraft> references, String timeZone, String businessHours) {

    public AccountDraft {
        domains = domains == null ? List.of() : List.copyOf(domains);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        references = references == null ? List.of() : List.copyOf(references);
    }

    public AccountDraft(String name, List<String> domains, List<ContactDraft> contacts, ManagerDraft manager) {
        this(name, domains, contacts, manager, List.of());
    }

    public AccountDraft(String name, List<String> domains, List<ContactDraft> contacts, ManagerDraft manager, List<ReferenceDraft> references) {
        this(name, domains, contacts, manager, references, null, null);
    }

    /** A number that identifies the account in mail: kind INVOICE, CONTRACT, ACCOUNT_NUMBER, INN, KPP or PHONE. */
    public record ReferenceDraft(String kind, String value) {
    }

    /** An authorized contact; with a webhook URL they are asked through it instead of by mail. */
    public record ContactDraft(String address, String name, String locale, String webhookUrl) {

        public ContactDraft(String address, String name, String locale) {
            this(address, name, locale, null);
        }
    }

    public record ManagerDraft(String name, String address) {
    }
}
