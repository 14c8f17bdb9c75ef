package app.frontdesk.application.cases;

import app.frontdesk.application.Transactions;
import app.frontdesk.application.mail.MailParser;
import app.frontdesk.application.mail.MailPart;
import app.frontdesk.domain.model.audit.AuditEvent;
import app.frontdesk.domain.model.inbound.RawMessage;
import app.frontdesk.domain.model.staff.Viewer;
import java.io.IOException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * A case's attachments opened on request, one at a time: only for a case the viewer may see and a message
 * of that case; the stored bytes are read as a stream and only the asked-for part is decoded and kept.
 * Each opening is audited (who, which case, message and part), because what a customer sent may be
 * personal data and opening it is a choice a person made.
 */
public final class CaseAttachments {

    /** An opened part: what it is and its decoded bytes. */
    public record Opened(MailPart part, byte[] bytes) {
    }

    /** A part larger than this is not opened in the console: the stored message keeps it. */
    private final int maxBytes;
    private final Transactions transactions;
    private final MailParser parser;
    private final Clock clock;

    public CaseAttachments(Transactions transactions, MailParser parser, Clock clock, long maxMessageBytes) {
        this.transactions = transactions;
        this.parser = parser;
        this.clock = clock;
        // decoded, a part is never larger than the message it came in; past 64 MiB the console would hold too much at once
        this.maxBytes = (int) Math.min(maxMessageBytes, 64L * 1024 * 1024);
    }

    /**
     * Part {@code index} of message {@code messageId} of case {@code caseId}, audited.
     *
     * @return empty when the viewer may not see the case, the message is not the case's, or there is no such part
     *         (the same answer for all three)
     * @throws IllegalStateException when the part is larger than the console opens
     */
    public Optional<Opened> open(Viewer viewer, long caseId, long messageId, int index) {
        if (index < 0) {
            return Optional.empty();
        }
        return transactions.inTransaction(r -> r.cases().findFor(viewer, caseId)
                .flatMap(c -> r.inbound().find(messageId))
                .filter(m -> Objects.equals(m.caseId(), caseId))
                .flatMap(m -> {
                    byte[][] bytes = new byte[1][];
                    Optional<MailPart> part = r.inbound().readRaw(messageId, raw -> parser.openPart(RawMessage.fromMessageStart(raw), index,
                            (p, decoded) -> bytes[0] = decoded.readNBytes(maxBytes + 1)));
                    return part.map(p -> {
                        if (bytes[0].length > maxBytes) {
                            throw new IllegalStateException("the part is larger than " + maxBytes + " bytes: it stays in the stored message");
                        }
                        MailPart opened = new MailPart(p.index(), p.filename(), p.type(), bytes[0].length);
                        r.audit().record(new AuditEvent(clock.instant(), viewer.email(), "attachment-opened", "case", caseId,
                                "message " + messageId + ", part " + index + ": \"" + opened.filename() + "\" (" + opened.type() + ", "
                                        + opened.size() + " bytes)"));
                        return new Opened(opened, bytes[0]);
                    });
                }));
    }

    /** The parts of a stored message, for listing; {@link IOException}s read as none. */
    static java.util.List<MailPart> partsOf(MailParser parser, byte[] raw) {
        try {
            return parser.parts(RawMessage.fromMessageStart(new java.io.ByteArrayInputStream(raw)));
        } catch (IOException | RuntimeException e) {
            return java.util.List.of();
        }
    }
}
