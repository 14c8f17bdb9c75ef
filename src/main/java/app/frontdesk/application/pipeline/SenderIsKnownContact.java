package app.frontdesk.application.pipeline;

import java.util.Optional;
import java.util.stream.Collectors;

/** Matches when the sender is an authorized contact of at least one account. */
public final class SenderIsKnownContact implements Matcher {

    @Override
    public Optional<String> match(MailContext mail) {
        if (mail.sender().isEmpty() || mail.contacts().isEmpty()) {
            return Optional.empty();
        }
        String accounts = mail.contacts().stream().map(c -> String.valueOf(c.account().id()))
                .distinct().collect(Collectors.joining(", "));
        return Optional.of(mail.sender().get() + " is an authorized contact of account " + accounts);
    }
}
