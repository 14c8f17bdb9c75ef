package app.frontdesk.application.contacts;

/**
 * The person a customer text names to call or write: the support desk, never the personal manager,
 * so that a reply to a stranger says nothing about which account (or manager) matched.
 */
public record SupportContact(String name, String phone, String email) {
}
