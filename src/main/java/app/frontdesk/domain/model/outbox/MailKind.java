package app.frontdesk.domain.model.outbox;

/** Why Frontdesk sends a mail; also tells the reader of the outbox what to expect in it. */
public enum MailKind {
    /** A known contact's message passed on to the helpdesk, intact. */
    HELPDESK_FORWARD,
    /** An alert to the administrator (a message was quarantined). */
    ADMIN_ALERT,
    /** The explanation to a sender who is not an authorized contact (null envelope sender, RFC 3834). */
    SENDER_REPLY,
    /** To a sender whose case a person rejected, with that person's reply (null envelope sender, like SENDER_REPLY). */
    REJECTION_REPLY,
    /** To a contact who mailed a payment order: it is here, and no reminders come until a business day. */
    PAYMENT_ORDER_RECEIVED,
    /** To a sender whose address was just authorized: the message reached support, the address works now. */
    SENDER_AUTHORIZED,
    /** To the contact who authorized a sender: thank you, and what it did. */
    AUTHORIZER_THANKED,
    /** To a person of the company who wrote about a notice: it was stopped because they paid. */
    NOTICE_NEWS,
    /** To an account's authorized contact: someone wants to act for you; authorize or reject. */
    AUTHORIZATION_REQUEST,
    /** To an authorized contact: mail in your name failed verification. */
    UNVERIFIED_CONTACT_WARNING,
    /** To the personal manager or triage: an unknown-sender case. */
    MANAGER_ALERT,
    /** To the personal manager: alerts the hourly limit held back. */
    MANAGER_DIGEST,
    /** To the support lead: promised tasks overdue; to a manager: a recovery task. */
    TASK_ALERT,
    /** To a customer after we got something wrong: the recovery mail with the offer the manager chose. */
    RECOVERY,
    /** An overdue or suspension notice that billing sent through Frontdesk (the dunning gate); replies to it are evidence. */
    DUNNING_NOTICE,
    /** To billing: a held notice was released or blocked. */
    BILLING_UPDATE,
    /** A signed JSON POST to a contact's webhook instead of a mail; recipients holds the URL. */
    WEBHOOK
}
