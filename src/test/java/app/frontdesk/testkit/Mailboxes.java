package app.frontdesk.testkit;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;

/** What GreenMail delivered to one envelope recipient (its mailbox), not what the To header says. */
public final class Mailboxes {

    private Mailboxes() {
    }

    public static int count(GreenMail smtp, String address) throws Exception {
        GreenMailUser user = smtp.getUserManager().getUserByEmail(address);
        if (user == null) {
            return 0;
        }
        return smtp.getManagers().getImapHostManager().getInbox(user).getMessageCount();
    }
}
