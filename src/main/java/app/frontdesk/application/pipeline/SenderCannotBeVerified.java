package app.frontdesk.application.pipeline;

import app.frontdesk.application.verification.Verification;
import java.util.Optional;

/** Matches while our configuration cannot verify any sender (no authserv-id is trusted). */
public final class SenderCannotBeVerified implements Matcher {

    @Override
    public Optional<String> match(MailContext mail) {
        return mail.verification().status() == Verification.Status.NOT_CONFIGURED
                ? Optional.of(mail.verification().evidence()) : Optional.empty();
    }
}
