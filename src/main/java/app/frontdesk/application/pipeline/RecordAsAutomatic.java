package app.frontdesk.application.pipeline;

import app.frontdesk.domain.model.inbound.InboundState;
import app.frontdesk.domain.model.inbound.Route;

/** Records automatic mail as such: no reply, no forward, nothing that could start a mail loop. */
public final class RecordAsAutomatic implements Mailet {

    @Override
    public void service(MailContext mail, String because) {
        mail.decide(Route.AUTOMATIC, InboundState.ROUTED, null, "automatic mail: " + because);
    }
}
