package app.frontdesk.domain.model.supportcase;

/** Why a case was opened. */
public enum CaseKind {
    /** Someone wrote from an address that is not an authorized contact. */
    UNKNOWN_SENDER,
    /** Mail came in an authorized contact's name, but its domain failed verification. */
    UNVERIFIED_CONTACT
}
