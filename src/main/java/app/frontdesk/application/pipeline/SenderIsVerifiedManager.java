package app.frontdesk.application.pipeline;

import java.util.Optional;

/**
 * Matches a message from one of our personal managers whose From domain our mail server verified.
 * Managers are not customers' contacts; what they send in is what a customer gave them.
 */
public final class SenderIsVerifiedManager implements Matcher {

    @Override
    public Optional<String> match(MailContext mail) {
        if (mail.sender().isEmpty() || !mail.verification().passed() || !mail.contactAccounts().isEmpty()) {
            return Optional.empty();
        }
        return mail.managerName().map(name -> mail.sender().get() + " is personal manager " + name + " (" + mail.verification().evidence() + ")");
    }
}
