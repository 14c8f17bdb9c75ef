package app.frontdesk.application.pipeline;

import app.frontdesk.domain.model.account.EmailAddress;
import java.util.Optional;

/**
 * The sender is the single mailbox of From, normalized. Never Reply-To (anyone can set it) and
 * never Sender; a From with no mailbox or several leaves the sender unidentified, with the reason.
 */
public final class IdentifySender implements Mailet {

    @Override
    public void service(MailContext mail, String because) {
        var from = mail.parsed().from();
        if (from.isEmpty()) {
            mail.senderProblem(mail.parsed().hasHeader("From") ? "the From field holds no readable mailbox" : "the message has no From field");
            return;
        }
        if (from.size() > 1) {
            mail.senderProblem("the From field names " + from.size() + " mailboxes, so no single sender can be trusted");
            return;
        }
        Optional<EmailAddress> address = EmailAddress.parse(from.get(0).address());
        if (address.isEmpty()) {
            mail.senderProblem("the From address \"" + from.get(0).address() + "\" is not a valid mail address");
            return;
        }
        mail.sender(address.get());
    }
}
