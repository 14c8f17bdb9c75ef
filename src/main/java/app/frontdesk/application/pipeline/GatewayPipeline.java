package app.frontdesk.application.pipeline;

import static app.frontdesk.application.pipeline.Step.step;

import app.frontdesk.application.MailAddresses;
import app.frontdesk.application.care.Complaints;
import app.frontdesk.application.cases.UnknownSenders;
import app.frontdesk.application.dunning.PaymentOrders;
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

    public static Pipeline create(MailParser parser, MailAddresses addresses, MessageIds messageIds, UnknownSenders unknown,
                                  PaymentOrders paymentOrders, Complaints complaints) {
        AdminAlert alert = new AdminAlert(addresses, messageIds);
        return new Pipeline(List.of(
                step("parse", Matcher.always(), new ParseMessage(parser, alert)),
                step("record-automatic", new IsAutomatic(addresses.frontdesk(), messageIds), new RecordAsAutomatic()),
                step("identify-sender", Matcher.always(), new IdentifySender()),
                step("verify-sender", new SenderIdentified(), new VerifySender(unknown.verifier())),
                step("match-contacts", new SenderIdentified(), new MatchContacts()),
                step("record-payment-order", new SenderIsVerifiedContact(), new RecordPaymentOrder(paymentOrders)),
                step("record-forwarded-payment-order", new SenderIsVerifiedManager(), new RecordForwardedPaymentOrder(
                        paymentOrders, unknown.clues(), unknown.finder())),
                step("record-complaint", new SenderIsVerifiedContact(), new RecordComplaint(complaints.words(), complaints.care(),
                        complaints.window())),
                step("forward-verified-contact", new SenderIsVerifiedContact(),
                        new ForwardToHelpdesk(new HelpdeskForward(addresses, messageIds))),
                // from here on: a person wrote, but not from a verified authorized contact's address
                step("find-account", new SenderIdentified(), new FindAccount(unknown.clues(), unknown.finder())),
                step("open-case", new SenderIdentified(), new OpenCase(unknown.texts().settings(), unknown.care())),
                step("reply-to-sender", new SenderMayBeAnswered(), new ReplyToSender(unknown.texts())),
                step("ask-authorized-contact", new CaseNeedsAuthorizedContact(),
                        new AskAuthorizedContact(unknown.texts(), unknown.links(), unknown.channels())),
                step("alert-manager", new CaseOpen(), new AlertManager(unknown.texts(), unknown.links())),
                step("hold-unknown-sender", Matcher.always(), new HoldAsUnknownSender())));
    }
}
