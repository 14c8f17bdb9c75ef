package app.frontdesk.application.staff;

/**
 * A change to staff that was not made, and why: the console says each reason in the reader's language, so the
 * reason is a code, not a sentence.
 */
public final class StaffChangeRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why nothing changed. */
    public enum Why {
        /** A password shorter than {@link StaffDirectory#MIN_PASSWORD}. */
        PASSWORD_TOO_SHORT,
        /** Everybody holds at least one role. */
        NO_ROLE,
        /** The change would leave nobody who can sign in as an administrator. */
        LAST_ADMINISTRATOR,
        /** An administrator does not disable themselves: they would lock themselves out in the middle of it. */
        NOT_YOURSELF,
        /** The current password given to change one's own did not match. */
        WRONG_PASSWORD,
        /** Too many wrong passwords lately (the login throttle): not even checked. */
        THROTTLED
    }

    private final Why why;

    public StaffChangeRefused(Why why) {
        super(why.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        this.why = why;
    }

    public Why why() {
        return why;
    }
}
