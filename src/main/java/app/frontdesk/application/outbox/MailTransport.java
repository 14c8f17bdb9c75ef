package app.frontdesk.application.outbox;

import app.frontdesk.domain.model.outbox.OutboundMail;
import java.io.IOException;
import java.io.OutputStream;

/** Sends outbox mails: SMTP when a server is configured, otherwise files under data/outbox. */
public interface MailTransport {

    /** Opens a connection for a batch of mails (one SMTP session for the batch). */
    Connection open() throws Exception;

    /** Whether the server takes connections now: opens one and closes it (the outbox asks while it knows the relay away). */
    default void probe() throws Exception {
        open().close();
    }

    interface Connection extends AutoCloseable {

        /**
         * Sends {@code mail} exactly as {@code bytes} writes it; throws when the server did not take it, and
         * {@link Refused} when the mail must not go this way at all.
         */
        void send(OutboundMail mail, Bytes bytes) throws Exception;

        @Override
        void close();
    }

    /** A mail's bytes, written as a stream: a carried original is read from where it is stored meanwhile. */
    @FunctionalInterface
    interface Bytes {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * The mail cannot be delivered as it is through this transport, and it must not be changed to make it
     * deliverable (an address with a non-ASCII local part, and a relay without SMTPUTF8): it is not tried again.
     */
    final class Refused extends Exception {
        public Refused(String why) {
            super(why);
        }
    }
}
