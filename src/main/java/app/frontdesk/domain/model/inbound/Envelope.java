package app.frontdesk.domain.model.inbound;

/**
 * The SMTP envelope the mail server gave us. {@code sender} is "" for the null reverse-path
 * ({@code MAIL FROM:<>}, used by bounces) and null when the mail server did not say.
 */
public record Envelope(String sender, String recipient) {

    public static final Envelope UNKNOWN = new Envelope(null, null);

    public boolean hasNullSender() {
        return sender != null && (sender.isEmpty() || sender.equals("<>"));
    }
}
