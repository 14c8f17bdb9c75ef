package app.frontdesk.application.pipeline;

import app.frontdesk.application.cases.CaseTexts;
import app.frontdesk.application.cases.Throttles;
import app.frontdesk.domain.model.supportcase.SenderThrottle;
import app.frontdesk.domain.model.supportcase.SupportCase;

/**
 * Tells the sender, in their language, that we got the message, why we cannot act on it from this
 * address, what we did, what they can do and by when they hear from us. At most one such reply per
 * sender per window (24 hours); later messages are still handled and alerted.
 */
public final class ReplyToSender implements Mailet {

    private final CaseTexts texts;

    public ReplyToSender(CaseTexts texts) {
        this.texts = texts;
    }

    @Override
    public void service(MailContext mail, String because) {
        SupportCase c = mail.supportCase().orElseThrow();
        if (!mail.sender().orElseThrow().asciiLocalPart()) {
            // Outgoing mail does not speak SMTPUTF8 yet: such an address can only be kept as it is, never rewritten.
            c.record(mail.now(), "pipeline", "reply-not-sent", c.sender() + " has a non-ASCII local part, which our outgoing mail"
                    + " cannot address yet (SMTPUTF8); the manager answers");
            return;
        }
        if (!Throttles.pass(mail.repositories(), c.sender(), SenderThrottle.Kind.REPLY, texts.settings().replyWindow(), c.id(), mail.now())) {
            c.record(mail.now(), "pipeline", "reply-suppressed", "a reply went to " + c.sender() + " within the last "
                    + texts.settings().replyWindow().toHours() + " hours");
            return;
        }
        var reply = texts.senderReply(c, mail.message(), mail.parsed().header("Message-ID").orElse(null), c.locale(), mail.now());
        mail.repositories().outbox().add(reply);
        c.record(mail.now(), "pipeline", "reply-sent", "explanation in " + c.locale().getLanguage() + " to " + c.sender()
                + " (" + reply.messageId() + ")");
        mail.sent("explanation to " + c.sender());
    }
}
