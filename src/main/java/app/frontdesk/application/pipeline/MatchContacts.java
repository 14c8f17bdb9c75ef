package app.frontdesk.application.pipeline;

/**
 * Looks the sender up among the authorized contacts of all accounts and, when they are none and
 * their domain is verified, among our personal managers: the matchers after this step decide from what it found, without queries.
 */
public final class MatchContacts implements Mailet {

    @Override
    public void service(MailContext mail, String because) {
        mail.sender().ifPresent(sender -> {
            var accounts = mail.repositories().accounts();
            mail.contactAccounts(accounts.accountsWithContact(sender));
            // only a verified sender can be acted on as our manager: no look-up per stranger's message otherwise
            if (mail.contactAccounts().isEmpty() && mail.verification().passed()) {
                accounts.storedManagerWithAddress(sender).ifPresent(m -> mail.manager(m.name(), accounts.accountsManagedBy(sender)));
            }
        });
    }
}
