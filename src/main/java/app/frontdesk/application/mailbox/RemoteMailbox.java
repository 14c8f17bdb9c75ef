package app.frontdesk.application.mailbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A mailbox on a mail server, open for reading (an IMAP folder, implemented in infrastructure). Every
 * method may fail with {@link MailboxException}; the caller then reconnects, and nothing that was not
 * stored has been moved.
 */
public interface RemoteMailbox {

    /** The mailbox's UIDVALIDITY: its UIDs mean something only together with it. */
    long uidValidity() throws MailboxException;

    /** The UID the next message will get (every message there has a smaller one). */
    long uidNext() throws MailboxException;

    /** The messages with a UID of at least {@code fromUid}, in UID order, with their arrival time and size. */
    List<Listed> listFrom(long fromUid) throws MailboxException;

    /** The raw bytes of the messages with these UIDs, exactly as the server keeps them; a UID gone meanwhile is left out. */
    Map<Long, byte[]> fetch(List<Long> uids) throws MailboxException;

    /** Moves these messages out of the mailbox into the folder for processed mail. */
    void moveToDone(List<Long> uids) throws MailboxException;

    /** One message as the listing shows it: the server's arrival time (INTERNALDATE) and size in bytes. */
    record Listed(long uid, Instant arrived, long size) {
    }

    /** The mailbox could not be read or changed: the connection, the server, or a refusal. */
    class MailboxException extends Exception {

        public MailboxException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
