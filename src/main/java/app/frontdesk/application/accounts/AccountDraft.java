package app.frontdesk.application.accounts;

import java.util.List;

/**
 * An account as an administrator describes it (JSON body or one import record). Checked by
 * {@link AccountService#problems(AccountDraft)} before anything is stored.
 */
public record AccountDraft(String name, List<String> domains, List<ContactDraft> contacts, ManagerDraft manager) {

    public AccountDraft {
        domains = domains == null ? List.of() : List.copyOf(domains);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }

    public record ContactDraft(String address, String name, String locale) {
    }

    public record ManagerDraft(String name, String address) {
    }
}
