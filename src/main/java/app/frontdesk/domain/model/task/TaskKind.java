package app.frontdesk.domain.model.task;

/** What was promised. */
public enum TaskKind {
    /** An answer to a person who wrote to us (an unknown-sender case's promised deadline). */
    ANSWER,
    /** A call from the personal manager (the red-flag paragraph, the playbook, a recovery mail). */
    CALL,
    /** We got something wrong for the customer: choose what to offer and send the recovery mail. */
    RECOVERY
}
