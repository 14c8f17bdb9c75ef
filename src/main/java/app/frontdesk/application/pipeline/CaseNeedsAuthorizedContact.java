package app.frontdesk.application.pipeline;

import app.frontdesk.domain.model.supportcase.SupportCase;
import java.util.Optional;

/** Matches a case tied to an account whose authorized contacts have not been asked yet. */
public final class CaseNeedsAuthorizedContact implements Matcher {

    @Override
    public Optional<String> match(MailContext mail) {
        Optional<SupportCase> c = mail.supportCase();
        if (c.isEmpty() || c.get().accountId().isEmpty() || mail.contactsAsked()) {
            return Optional.empty();
        }
        return Optional.of("case " + c.get().reference() + " belongs to account " + c.get().accountId().get());
    }
}
