package app.frontdesk.application.mail;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the pipeline reads from a message: its header fields, decoded to text, and the first
 * readable text of its body. Parsing never changes the stored bytes.
 *
 * @param headers    every header field in order, names as written, values unfolded and decoded
 * @param from       the mailboxes of the From field as parsed (a group or a list gives several)
 * @param mimeType   the top-level media type, lower case ("text/plain" when absent)
 * @param partTypes  the media types of all parts below the top level, lower case
 * @param text       the first text/plain part (or text/html without tags), cut to a sane length
 * @param problems   what the parser had to repair or guess (kept for the record, not an error); a limit it
 *                   reached says "(limit)" (see {@link #limitsReached()})
 * @param documents  attached PDF documents (payment orders come as PDF), a few and capped in size
 */
public record ParsedMail(List<Header> headers, List<Mailbox> from, String mimeType, List<String> partTypes, String text, List<String> problems,
                         List<Document> documents) {

    public ParsedMail(List<Header> headers, List<Mailbox> from, String mimeType, List<String> partTypes, String text, List<String> problems) {
        this(headers, from, mimeType, partTypes, text, problems, List.of());
    }

    /** An attached document: its file name (may be empty) and bytes. */
    public record Document(String filename, byte[] bytes) {
    }

    /**
     * One header field.
     *
     * @param folded true when the field spans several lines as received: a line that starts with white
     *               space continues the field above it, whoever wrote that line
     */
    public record Header(String name, String value, boolean folded) {

        public Header(String name, String value) {
            this(name, value, false);
        }
    }

    /** One mailbox of an address field: the display name (may be empty) and the address as written. */
    public record Mailbox(String displayName, String address) {
    }

    public Optional<String> header(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst();
    }

    public List<String> headers(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).toList();
    }

    public boolean hasHeader(String name) {
        return header(name).isPresent();
    }

    public boolean hasHeaderStartingWith(String prefix) {
        String p = prefix.toLowerCase(Locale.ROOT);
        return headers.stream().anyMatch(h -> h.name().toLowerCase(Locale.ROOT).startsWith(p));
    }

    /** The parser's limits this message reached: it was read only up to them. */
    public List<String> limitsReached() {
        return problems.stream().filter(p -> p.contains("(limit)")).toList();
    }

    public String subject() {
        return header("Subject").orElse("");
    }
}
