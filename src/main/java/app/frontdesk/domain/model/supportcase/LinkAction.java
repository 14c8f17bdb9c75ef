package app.frontdesk.domain.model.supportcase;

/** What a one-click link does when its button is pressed. */
public enum LinkAction {
    /** "Yes, authorize this address": it becomes an authorized contact and its held mail is released. */
    AUTHORIZE,
    /** "This was not us": the case is rejected as suspicious and the manager alerted. */
    REJECT,
    /** "Yes, I wrote it" (the authorized contact, about mail in their name that failed verification): release it. */
    CONFIRM
}
