package app.frontdesk.application;

/**
 * The database cannot be reached now (or was found unreachable moments ago and not yet back). Nothing
 * was written: intake answers 503 so the mail server keeps the message, workers wait and try again.
 * Said once per outage in the log by whoever noticed, never with a stack trace per message.
 */
public class DatabaseUnavailableException extends RuntimeException {

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause, false, false); // no stack trace: thousands may be thrown in an outage, all alike
    }
}
