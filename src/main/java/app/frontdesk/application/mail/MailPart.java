package app.frontdesk.application.mail;

/**
 * A part of a message a person may open: an attachment, an inline image, a forwarded message; never the
 * message's own text.
 *
 * @param index    its number among the message's parts that may be opened, from 0, in the order they stand
 * @param filename the name the sender gave it, decoded (RFC 2047/2231); empty when it has none
 * @param type     its declared media type, lower case, as the sender claims it (not trusted for serving)
 * @param size     its size decoded, in bytes
 */
public record MailPart(int index, String filename, String type, long size) {
}
