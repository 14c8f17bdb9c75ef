package app.frontdesk.application.pipeline;

import app.frontdesk.domain.model.inbound.InboundState;
import app.frontdesk.domain.model.inbound.Route;

/**
 * Holds what no earlier step routed: a person wrote, but not from a verified authorized contact's
 * address. Never dropped: the message waits in its case until someone authorizes the sender (then it
 * goes to the helpdesk) or the case is closed.
 */
public final class HoldAsUnknownSender implements Mailet {

    public static final String REASON = "unknown sender";

    @Override
    public void service(MailContext mail, String because) {
        String detail = mail.senderProblem()
                .orElseGet(() -> mail.sender().map(s -> mail.contactAccounts().isEmpty()
                                ? s + " is not an authorized contact of any account"
                                : s + " is an authorized contact, but the mail is not verified (" + mail.verification().evidence() + ")")
                        .orElse("no sender identified"));
        String inCase = mail.supportCase().map(c -> "; case " + c.reference()).orElse("");
        mail.decide(Route.UNKNOWN_SENDER, InboundState.HELD, mail.supportCase().flatMap(c -> c.accountId()).orElse(null),
                REASON + ": " + detail + inCase);
    }
}
