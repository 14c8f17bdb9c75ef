package app.frontdesk.application.pipeline;

import app.frontdesk.application.cases.UnknownSenderDesk;

/** Alerts the personal manager (or triage) with everything needed to act, at most once an hour per sender (see {@link UnknownSenderDesk#alertManager}). */
public final class AlertManager implements Mailet {

    private final UnknownSenderDesk desk;

    public AlertManager(UnknownSenderDesk desk) {
        this.desk = desk;
    }

    @Override
    public void service(MailContext mail, String because) {
        desk.alertManager(mail.repositories(), mail.supportCase().orElseThrow(), mail.stranger(), mail.sent());
    }
}
