package app.frontdesk.application.pipeline;

import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Matches when the sender is an authorized contact of at least one account and our mail server
 * verified the From domain. An authorized address alone is not enough: anyone can write it into From.
 */
public final class SenderIsVerifiedContact implements Matcher {

    @Override
    public Optional<String> match(MailContext mail) {
        if (mail.sender().isEmpty() || !mail.isVerifiedContact()) {
            return Optional.empty();
        }
        String accounts = mail.contactAccounts().stream().map(String::valueOf).collect(Collectors.joining(", "));
        return Optional.of(mail.sender().get() + " is an authorized contact of account " + accounts
                + " (" + mail.verification().evidence() + ")");
    }
}
