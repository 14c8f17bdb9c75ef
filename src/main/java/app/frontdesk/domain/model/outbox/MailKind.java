package app.frontdesk.domain.model.outbox;

/** Why Frontdesk sends a mail; also tells the reader of the outbox what to expect in it. */
public enum MailKind {
    /** A known contact's message passed on to the helpdesk, intact. */
    HELPDESK_FORWARD,
    /** An alert to the administrator (a message was quarantined). */
    ADMIN_ALERT
}
