package app.frontdesk.application.intake;

/** The message is over the size cap: it can never be accepted, so the mail server should bounce it. */
public class MessageTooLargeException extends Exception {

    private final long limit;

    public MessageTooLargeException(long limit) {
        super("message too large: Frontdesk accepts messages up to " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
