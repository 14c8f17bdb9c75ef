package app.frontdesk.application.cases;

import app.frontdesk.domain.model.account.ContactChannel;
import app.frontdesk.domain.model.outbox.OutboundMail;

/** The authorization request as a mail from the authorize-request template, in the contact's language. */
public final class EmailAuthorizationChannel implements AuthorizationChannel {

    private final CaseTexts texts;

    public EmailAuthorizationChannel(CaseTexts texts) {
        this.texts = texts;
    }

    @Override
    public ContactChannel kind() {
        return ContactChannel.EMAIL;
    }

    @Override
    public OutboundMail compose(AuthorizationRequest r) {
        return texts.authorizationRequest(r.supportCase(), r.account(), r.contact(), r.message(), r.subject(), r.text(),
                r.evidence(), r.authorizeUrl(), r.rejectUrl(), r.redFlag(), r.now());
    }
}
