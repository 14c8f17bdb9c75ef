package app.frontdesk.application.pipeline;

import static app.frontdesk.application.pipeline.Step.step;

import app.frontdesk.application.MailAddresses;
import app.frontdesk.application.outbox.AdminAlert;
import app.frontdesk.application.outbox.HelpdeskForward;
import app.frontdesk.application.outbox.MessageIds;
import java.util.List;

/**
 * The inbound pipeline of the gateway, in order. This listing is the whole routing policy:
 * read it top to bottom to know what happens to a message.
 */
public final class GatewayPipeline {

    private GatewayPipeline() {
    }

    public static Pipeline create(MailParser parser, MailAddresses addresses, MessageIds messageIds) {
        AdminAlert alert = new AdminAlert(addresses, messageIds);
        return new Pipeline(List.of(
                step("parse", Matcher.always(), new ParseMessage(parser, alert)),
                step("record-automatic", new IsAutomatic(addresses.frontdesk(), messageIds), new RecordAsAutomatic()),
                step("identify-sender", Matcher.always(), new IdentifySender()),
                step("match-contacts", new SenderIdentified(), new MatchContacts()),
                step("forward-known-contact", new SenderIsKnownContact(),
                        new ForwardToHelpdesk(new HelpdeskForward(addresses, messageIds))),
                step("hold-unknown-sender", Matcher.always(), new HoldAsUnknownSender())));
    }
}
