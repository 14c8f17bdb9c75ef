package app.frontdesk.application.mail;


/** Turns stored bytes into a {@link ParsedMail}; implemented with Apache mime4j. */
public interface MailParser {

    /**
     * Parses {@code raw}. Repairs what can be repaired and lists it in {@link ParsedMail#problems()};
     * throws {@link UnparseableMailException} only when nothing usable can be read.
     */
    ParsedMail parse(byte[] raw) throws UnparseableMailException;
}
