package app.frontdesk.application.texts;

/** A template is missing, does not compile or render, or lacks a part its text requires. */
public final class InvalidTemplateException extends RuntimeException {

    public InvalidTemplateException(String message) {
        super(message);
    }
}
