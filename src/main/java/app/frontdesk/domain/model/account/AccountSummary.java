package app.frontdesk.domain.model.account;

/** An account as a list shows it, read without loading its contacts and domains. */
public record AccountSummary(long id, String name, String managerName, String managerAddress) {
}
