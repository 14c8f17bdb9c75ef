package app.frontdesk.application.pipeline;

/**
 * Looks the sender up among the authorized contacts of all accounts and, when they are none, among
 * our personal managers: the matchers after this step decide from what it found, without queries.
 */
public final class MatchContacts implements Mailet {

    @Override
    public void service(MailContext mail, String because) {
        mail.sender().ifPresent(sender -> {
            var accounts = mail.repositories().accounts();
            mail.contactAccounts(accounts.accountsWithContact(sender));
            if (mail.contactAccounts().isEmpty()) {
                accounts.managerWithAddress(sender).ifPresent(m -> mail.manager(m.name(), accounts.accountsManagedBy(sender)));
            }
        });
    }
}
