package app.frontdesk.application.pipeline;

import java.util.Optional;

/** Matches a message that belongs to an unknown-sender case. */
public final class CaseOpen implements Matcher {

    @Override
    public Optional<String> match(MailContext mail) {
        return mail.supportCase().map(c -> "message belongs to case " + c.reference());
    }
}
