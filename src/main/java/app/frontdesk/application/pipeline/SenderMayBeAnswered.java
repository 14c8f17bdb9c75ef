package app.frontdesk.application.pipeline;

import app.frontdesk.domain.model.supportcase.CaseKind;
import java.util.Optional;

/**
 * Matches a stranger whose From domain our mail server verified. An unverified From may be forged,
 * and a reply would then go to an innocent third party (backscatter); automatic mail never gets
 * this far (see the record-automatic step).
 */
public final class SenderMayBeAnswered implements Matcher {

    @Override
    public Optional<String> match(MailContext mail) {
        if (mail.supportCase().isEmpty() || mail.supportCase().get().kind() != CaseKind.UNKNOWN_SENDER || !mail.verification().passed()) {
            return Optional.empty();
        }
        return Optional.of("the sender's domain is verified (" + mail.verification().evidence() + ")");
    }
}
