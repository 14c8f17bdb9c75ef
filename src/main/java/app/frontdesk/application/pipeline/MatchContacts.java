package app.frontdesk.application.pipeline;

/** Looks the sender up among the authorized contacts of all accounts. */
public final class MatchContacts implements Mailet {

    @Override
    public void service(MailContext mail, String because) {
        mail.sender().ifPresent(sender -> mail.contactAccounts(mail.repositories().accounts().accountsWithContact(sender)));
    }
}
