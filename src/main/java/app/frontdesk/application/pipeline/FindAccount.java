package app.frontdesk.application.pipeline;

import app.frontdesk.application.cases.UnknownSenderDesk;

/** Ranks the accounts a stranger's message may belong to, from the evidence in it (see {@link UnknownSenderDesk#findAccount}). */
public final class FindAccount implements Mailet {

    private final UnknownSenderDesk desk;

    public FindAccount(UnknownSenderDesk desk) {
        this.desk = desk;
    }

    @Override
    public void service(MailContext mail, String because) {
        mail.candidates(desk.findAccount(mail.repositories(), mail.stranger()));
    }
}
