package app.frontdesk.application.pipeline;

import app.frontdesk.domain.model.inbound.InboundState;
import app.frontdesk.domain.model.inbound.Route;

/**
 * Holds what no earlier step routed: a person wrote, but not from an authorized contact's address.
 * Never dropped; the unknown-sender handling takes it from here.
 */
public final class HoldAsUnknownSender implements Mailet {

    public static final String REASON = "unknown sender";

    @Override
    public void service(MailContext mail, String because) {
        String detail = mail.senderProblem()
                .orElseGet(() -> mail.sender().map(s -> s + " is not an authorized contact of any account")
                        .orElse("no sender identified"));
        mail.decide(Route.UNKNOWN_SENDER, InboundState.HELD, null, REASON + ": " + detail);
    }
}
