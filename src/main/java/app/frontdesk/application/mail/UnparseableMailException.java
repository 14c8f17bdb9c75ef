package app.frontdesk.application.mail;

/** The bytes are not an Internet message we can read; the message goes to quarantine with this reason. */
public class UnparseableMailException extends Exception {

    public UnparseableMailException(String reason, Throwable cause) {
        super(reason, cause);
    }

    public UnparseableMailException(String reason) {
        super(reason);
    }
}
