package app.frontdesk.application.pipeline;

import app.frontdesk.application.cases.UnknownSenderDesk;

/** Tells the stranger what happens next, at most once a day (see {@link UnknownSenderDesk#replyToSender}). */
public final class ReplyToSender implements Mailet {

    private final UnknownSenderDesk desk;

    public ReplyToSender(UnknownSenderDesk desk) {
        this.desk = desk;
    }

    @Override
    public void service(MailContext mail, String because) {
        desk.replyToSender(mail.repositories(), mail.supportCase().orElseThrow(), mail.stranger()).ifPresent(mail::sent);
    }
}
