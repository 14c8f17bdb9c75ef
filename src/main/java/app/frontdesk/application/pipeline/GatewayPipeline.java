package app.frontdesk.application.pipeline;

import static app.frontdesk.application.pipeline.Step.step;

import app.frontdesk.application.MailAddresses;
import app.frontdesk.application.care.ComplaintDesk;
import app.frontdesk.application.cases.UnknownSenderDesk;
import app.frontdesk.application.payments.PassedOnPaymentOrders;
import app.frontdesk.application.payments.PaymentOrders;
import app.frontdesk.application.verification.SenderVerifier;
import app.frontdesk.application.mail.MailParser;
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

    /** The services the steps delegate to, wired once (see bootstrap.Services). */
    public record Desks(MailParser parser, SenderVerifier verifier, UnknownSenderDesk unknownSenders, PaymentOrders paymentOrders,
                        PassedOnPaymentOrders passedOn, ComplaintDesk complaints, AdminAlert alert) {
    }

    public static Pipeline create(MailAddresses addresses, MessageIds messageIds, Desks desks) {
        AdminAlert alert = desks.alert();
        UnknownSenderDesk unknown = desks.unknownSenders();
        return new Pipeline(List.of(
                step("parse", Matcher.always(), new ParseMessage(desks.parser(), alert)),
                step("record-automatic", new IsAutomatic(addresses.frontdesk(), messageIds), new RecordAsAutomatic()),
                step("identify-sender", Matcher.always(), new IdentifySender()),
                step("verify-sender", new SenderIdentified(), new VerifySender(desks.verifier())),
                step("hold-until-configured", new SenderCannotBeVerified(), new HoldUntilConfigured(alert)),
                step("match-contacts", new SenderIdentified(), new MatchContacts()),
                step("record-payment-order", new SenderIsVerifiedContact(), new RecordPaymentOrder(desks.paymentOrders())),
                step("record-forwarded-payment-order", new SenderIsVerifiedManager(), new RecordForwardedPaymentOrder(desks.passedOn())),
                step("record-complaint", new SenderIsVerifiedContact(), new RecordComplaint(desks.complaints())),
                step("forward-verified-contact", new SenderIsVerifiedContact(),
                        new ForwardToHelpdesk(new HelpdeskForward(addresses, messageIds))),
                // from here on: a person wrote, but not from a verified authorized contact's address
                step("find-account", new SenderIdentified(), new FindAccount(unknown)),
                step("open-case", new SenderIdentified(), new OpenCase(unknown)),
                step("reply-to-sender", new SenderMayBeAnswered(), new ReplyToSender(unknown)),
                step("ask-authorized-contact", new CaseNeedsAuthorizedContact(), new AskAuthorizedContact(unknown)),
                step("alert-manager", new CaseOpen(), new AlertManager(unknown)),
                step("hold-unknown-sender", Matcher.always(), new HoldAsUnknownSender())));
    }
}
