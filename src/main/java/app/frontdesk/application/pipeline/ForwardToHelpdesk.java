package app.frontdesk.application.pipeline;

import app.frontdesk.application.outbox.HelpdeskForward;
import app.frontdesk.domain.model.inbound.InboundState;
import app.frontdesk.domain.model.inbound.Route;
import java.util.List;

/** Passes a known contact's message on to the helpdesk, through the outbox, in the decision's transaction. */
public final class ForwardToHelpdesk implements Mailet {

    private final HelpdeskForward forward;

    public ForwardToHelpdesk(HelpdeskForward forward) {
        this.forward = forward;
    }

    @Override
    public void service(MailContext mail, String because) {
        List<Long> accounts = mail.contactAccounts();
        mail.repositories().outbox().add(forward.compose(mail.message(), accounts, mail.now()));
        mail.decide(Route.HELPDESK, InboundState.ROUTED, accounts.get(0), "forwarded to the helpdesk: " + because);
    }
}
