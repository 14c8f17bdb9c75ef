package app.frontdesk.domain.model.care;

/** Kinds of bad experience a customer had with us. */
public enum ExperienceKind {
    /** Someone of theirs had to write from an address we did not know (an unknown-sender case). */
    UNKNOWN_SENDER_CASE,
    /** A notice reached them and was wrong: they had paid before it was sent. One the gate held or blocked never reached them and is none. */
    WRONG_NOTICE,
    /** They wrote again about the same thing without a resolution. */
    REPEAT_CONTACT,
    /** Their message complains (word lists in server-config/care). */
    COMPLAINT,
    /** A case of theirs was reopened. */
    CASE_REOPENED,
    /** We missed a deadline we gave them. */
    DEADLINE_MISSED
}
