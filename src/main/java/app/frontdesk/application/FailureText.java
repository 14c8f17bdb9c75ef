package app.frontdesk.application;

/**
 * A failure in words for a record that people read (a message's reason, an alert): what kind of
 * failure and where, never the SQL statement, the driver's text or a value from the database, which
 * go to the server log only. The review of 2026-11-28 found a quarantined message whose reason, shown
 * to the mail server's token, held the INSERT statement and the PostgreSQL error.
 */
public final class FailureText {

    private FailureText() {
    }

    public static String of(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            String type = t.getClass().getName();
            if (t instanceof java.sql.SQLException || type.startsWith("jakarta.persistence.") || type.startsWith("org.eclipse.persistence.")
                    || type.startsWith("org.postgresql.") || type.startsWith("org.h2.")) {
                return "the database refused the work (" + t.getClass().getSimpleName() + "; details in the server log)";
            }
        }
        if (error instanceof StackOverflowError) {
            return "StackOverflowError (the message is nested too deeply for a reader)";
        }
        if (error instanceof VirtualMachineError) {
            return error.getClass().getSimpleName();
        }
        String message = error.getMessage() == null ? "" : error.getMessage().replaceAll("\\p{Cntrl}", " ").strip();
        String text = error.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
