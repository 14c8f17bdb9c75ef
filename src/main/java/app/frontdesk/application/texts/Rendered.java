package app.frontdesk.application.texts;

/** A rendered text: subject (mails only), plain text (mails only) and HTML. */
public record Rendered(String subject, String text, String html) {
}
