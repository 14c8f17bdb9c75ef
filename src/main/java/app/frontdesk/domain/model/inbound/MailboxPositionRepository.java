package app.frontdesk.domain.model.inbound;

import java.util.Optional;

/** Where Frontdesk stands in each IMAP mailbox it reads. */
public interface MailboxPositionRepository {

    /** The position of {@code mailbox}, locked for this transaction; empty when it was never read. */
    Optional<MailboxPosition> lock(String mailbox);

    /** Stores a new position (a changed one is written at commit). */
    void add(MailboxPosition position);
}
