package app.frontdesk.application.pipeline;

import app.frontdesk.application.cases.UnknownSenderDesk;

/** Asks the account's authorized contacts, through their channel, with single-use links (see {@link UnknownSenderDesk#askAuthorizedContact}). */
public final class AskAuthorizedContact implements Mailet {

    private final UnknownSenderDesk desk;

    public AskAuthorizedContact(UnknownSenderDesk desk) {
        this.desk = desk;
    }

    @Override
    public void service(MailContext mail, String because) {
        desk.askAuthorizedContact(mail.repositories(), mail.supportCase().orElseThrow(), mail.stranger()).forEach(mail::sent);
    }
}
