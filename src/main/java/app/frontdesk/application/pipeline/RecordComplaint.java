package app.frontdesk.application.pipeline;

import app.frontdesk.application.care.ComplaintDesk;

/** A verified contact's message that complains is recorded as a bad experience of the account (see {@link ComplaintDesk}). */
public final class RecordComplaint implements Mailet {

    private final ComplaintDesk complaints;

    public RecordComplaint(ComplaintDesk complaints) {
        this.complaints = complaints;
    }

    @Override
    public void service(MailContext mail, String because) {
        complaints.record(mail.repositories(), mail.contactAccounts().get(0), mail.message(), mail.parsed(), mail.now()).ifPresent(mail::sent);
    }
}
