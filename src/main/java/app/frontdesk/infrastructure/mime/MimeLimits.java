package app.frontdesk.infrastructure.mime;

/**
 * How much of a message the parser reads. Every number bounds what one hostile message can cost:
 * nesting bounds the stack (each level of MIME is one more stream read through), header count and
 * field size bound the header objects, line length bounds mime4j's line buffer. A message over a
 * limit is still parsed up to it: what was read routes it, and the limit is named in its problems.
 *
 * @param maxNesting       levels of parts inside parts (multipart or message/rfc822) that are parsed; deeper ones are skipped
 * @param maxHeaderFields  header fields per entity; the fields after that and the body are not read
 * @param maxFieldBytes    bytes of one header field, folded lines included
 * @param maxLineBytes     bytes of one line anywhere in the message
 * @param maxTextChars     characters of body text kept for evidence and previews
 * @param maxDocuments     PDF documents taken from one message
 * @param maxDocumentBytes bytes of one PDF document (decoded)
 */
public record MimeLimits(int maxNesting, int maxHeaderFields, int maxFieldBytes, int maxLineBytes, int maxTextChars,
                         int maxDocuments, int maxDocumentBytes) {

    /** The defaults: generous for real mail (the shared corpus never comes near them), small for a machine. */
    public static final MimeLimits DEFAULT = new MimeLimits(32, 2_000, 256 * 1024, 1024 * 1024, 64 * 1024, 5, 10 * 1024 * 1024);

    public MimeLimits {
        if (maxNesting < 1 || maxHeaderFields < 10 || maxFieldBytes < 1_000 || maxLineBytes < 1_000 || maxTextChars < 1
                || maxDocuments < 0 || maxDocumentBytes < 0) {
            throw new IllegalArgumentException("MIME limits too small to read mail: " + this);
        }
    }
}
