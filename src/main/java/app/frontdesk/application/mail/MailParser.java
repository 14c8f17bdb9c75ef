package app.frontdesk.application.mail;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/** Turns stored bytes into a {@link ParsedMail}; implemented with Apache mime4j. */
public interface MailParser {

    /**
     * Parses {@code raw}. Repairs what can be repaired and lists it in {@link ParsedMail#problems()};
     * throws {@link UnparseableMailException} only when nothing usable can be read.
     */
    ParsedMail parse(byte[] raw) throws UnparseableMailException;

    /**
     * The parts of a message a person may open (see {@link MailPart}), read from the stored bytes as a stream; their
     * contents are decoded only to be counted, never kept.
     */
    List<MailPart> parts(InputStream raw) throws IOException;

    /**
     * The decoded content of part {@code index} as {@link #parts} numbers it, streamed to {@code sink} once the part
     * is found; nothing else of the message is kept.
     *
     * @return the part, or empty when the message has no such part
     */
    Optional<MailPart> openPart(InputStream raw, int index, PartSink sink) throws IOException;

    /** Where an opened part's decoded bytes go; it learns which part they are before the first byte. */
    @FunctionalInterface
    interface PartSink {
        void write(MailPart part, InputStream decoded) throws IOException;
    }
}
