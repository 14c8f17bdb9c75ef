package app.frontdesk.application.outbox;

import app.frontdesk.domain.model.outbox.OutboundMail;

/** Sends outbox mails: SMTP when a server is configured, otherwise files under data/outbox. */
public interface MailTransport {

    /** Opens a connection for a batch of mails (one SMTP session for the batch). */
    Connection open() throws Exception;

    interface Connection extends AutoCloseable {

        /** Sends {@code mail} exactly as stored; throws when the server did not take it. */
        void send(OutboundMail mail) throws Exception;

        @Override
        void close();
    }
}
