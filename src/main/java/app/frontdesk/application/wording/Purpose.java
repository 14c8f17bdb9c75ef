package app.frontdesk.application.wording;

/** What a text is for: any customer text, or a recovery text after we got something wrong. */
public enum Purpose {
    GENERAL,
    /** We erred: an apology, a question about what would make it right and something beyond the fix are required. */
    RECOVERY
}
