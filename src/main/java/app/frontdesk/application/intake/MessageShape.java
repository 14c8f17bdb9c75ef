package app.frontdesk.application.intake;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a body that is recognisably not mail (a JSON document, a web form, an HTML or XML page) from
 * mail, however broken: those are refused at the door with a clear answer instead of being stored and
 * held as "no From field". Anything else is kept, because a mail server may hand over odd bytes and
 * nothing it hands over may be lost.
 */
final class MessageShape {

    private static final Set<String> NOT_MAIL_TYPES = Set.of("application/json", "application/x-www-form-urlencoded",
            "multipart/form-data", "text/html", "application/xml", "text/xml");

    private MessageShape() {
    }

    /** Why {@code raw} is not a message, or empty when it may be one. */
    static Optional<String> refusal(String contentType, byte[] raw) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (NOT_MAIL_TYPES.contains(type) || type.endsWith("+json") || type.endsWith("+xml")) {
            return Optional.of("the body is declared " + type + "; send the message itself as message/rfc822");
        }
        int i = 0;
        while (i < raw.length && i < 4096 && (raw[i] == ' ' || raw[i] == '\t' || raw[i] == '\r' || raw[i] == '\n')) {
            i++;
        }
        if (i < raw.length && (raw[i] == '{' || raw[i] == '[')) {
            return Optional.of("the body is JSON, not an Internet message; send the message itself as message/rfc822");
        }
        if (i < raw.length && raw[i] == '<') {
            return Optional.of("the body is markup (HTML or XML), not an Internet message; send the message itself as message/rfc822");
        }
        return Optional.empty();
    }
}
