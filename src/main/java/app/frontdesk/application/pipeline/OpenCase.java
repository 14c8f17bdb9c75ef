package app.frontdesk.application.pipeline;

import app.frontdesk.application.cases.UnknownSenderDesk;

/** The stranger's message opens a case or joins the sender's open one (see {@link UnknownSenderDesk#openOrJoin}). */
public final class OpenCase implements Mailet {

    private final UnknownSenderDesk desk;

    public OpenCase(UnknownSenderDesk desk) {
        this.desk = desk;
    }

    @Override
    public void service(MailContext mail, String because) {
        var joined = desk.openOrJoin(mail.repositories(), mail.stranger());
        mail.supportCase(joined.supportCase(), joined.opened(), joined.contactsAsked());
    }
}
