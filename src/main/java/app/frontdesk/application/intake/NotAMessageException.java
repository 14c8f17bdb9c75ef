package app.frontdesk.application.intake;

/** The body is recognisably something other than an Internet message (JSON, a web form, markup): nothing was stored. */
public class NotAMessageException extends Exception {

    public NotAMessageException(String message) {
        super(message);
    }
}
