package app.frontdesk.application.pipeline;

import app.frontdesk.application.outbox.AdminAlert;
import app.frontdesk.domain.model.inbound.InboundState;
import app.frontdesk.domain.model.inbound.Route;

/**
 * A gap in our configuration is not evidence against the sender: the message is held, nobody is
 * answered, alerted about it or flagged, and it is decided again once senders can be verified (at
 * start, see bootstrap.Services). The administrator is told once, with the first message held.
 */
public final class HoldUntilConfigured implements Mailet {

    public static final String REASON = "cannot verify: configuration";

    private final AdminAlert alert;

    public HoldUntilConfigured(AdminAlert alert) {
        this.alert = alert;
    }

    @Override
    public void service(MailContext mail, String because) {
        if (mail.repositories().inbound().countHeldOn(Route.AWAITING_CONFIGURATION) == 0) {
            mail.repositories().outbox().add(alert.configurationGap(mail.repositories(), mail.message(), mail.now()));
        }
        mail.decide(Route.AWAITING_CONFIGURATION, InboundState.HELD, null, REASON
                + " (no authserv-id is trusted); decided again when FRONTDESK_TRUSTED_AUTHSERV_IDS is set");
    }
}
