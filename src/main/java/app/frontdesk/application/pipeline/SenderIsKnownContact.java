package app.frontdesk.application.pipeline;

import java.util.Optional;
import java.util.stream.Collectors;

/** Matches when the sender is an authorized contact of at least one account. */
public final class SenderIsKnownContact implements Matcher {

    @Override
    public Optional<String> match(MailContext mail) {
        if (mail.sender().isEmpty() || mail.contactAccounts().isEmpty()) {
            return Optional.empty();
        }
        String accounts = mail.contactAccounts().stream().map(String::valueOf).collect(Collectors.joining(", "));
        return Optional.of(mail.sender().get() + " is an authorized contact of account " + accounts);
    }
}
