package app.frontdesk.application.pipeline;

import java.util.Optional;

/** Matches when the sender step found exactly one valid sender address. */
public final class SenderIdentified implements Matcher {

    @Override
    public Optional<String> match(MailContext mail) {
        return mail.sender().map(s -> "sender " + s);
    }
}
