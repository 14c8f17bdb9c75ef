package app.frontdesk.infrastructure.mime;

import app.frontdesk.application.mail.MailParser;
import app.frontdesk.application.mail.MailPart;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.dom.field.ContentDispositionField;
import org.apache.james.mime4j.dom.field.ContentTypeField;
import org.apache.james.mime4j.field.LenientFieldParser;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;

/**
 * The parts of a message a person may open, numbered in the order they stand, read from the stored bytes as
 * a token stream (nothing is built into a tree). A forwarded message (message/rfc822) is one part, not
 * entered. What counts: every leaf part, and a single-part message, that is an attachment by its
 * disposition, or has a file name, or is not text; a text/plain or text/html part without a name is the
 * message's own text (or its alternative) and is shown on the page, not offered. Nesting deeper than the
 * parser's limit is skipped unread, as the parser does.
 */
final class MimeParts {

    private final MimeConfig config;
    private final MimeLimits limits;

    MimeParts(MimeConfig config, MimeLimits limits) {
        this.config = config;
        this.limits = limits;
    }

    List<MailPart> list(InputStream raw) throws IOException {
        List<MailPart> parts = new ArrayList<>();
        walk(raw, (entity, tokens) -> {
            long size;
            try (InputStream in = tokens.getDecodedInputStream()) {
                size = in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            parts.add(new MailPart(parts.size(), entity.filename, entity.type, size));
            return false;
        });
        return List.copyOf(parts);
    }

    Optional<MailPart> open(InputStream raw, int index, MailParser.PartSink sink) throws IOException {
        MailPart[] found = new MailPart[1];
        int[] seen = {0};
        walk(raw, (entity, tokens) -> {
            if (seen[0]++ != index) {
                return false;
            }
            // the size is known only after decoding; the sink learns it from what it reads
            found[0] = new MailPart(index, entity.filename, entity.type, -1);
            try (InputStream in = tokens.getDecodedInputStream()) {
                sink.write(found[0], in);
            }
            return true;
        });
        return Optional.ofNullable(found[0]);
    }

    /** What a walk does with a part that may be opened; true stops the walk. */
    private interface Visit {
        boolean part(Entity entity, MimeTokenStream tokens) throws IOException;
    }

    private void walk(InputStream raw, Visit visit) throws IOException {
        MimeTokenStream tokens = new MimeTokenStream(config, DecodeMonitor.SILENT, null);
        tokens.setRecursionMode(RecursionMode.M_NO_RECURSE); // a forwarded message is one part
        tokens.parse(raw);
        Entity current = null;
        int depth = 0;
        try {
            for (EntityState state = tokens.getState(); state != EntityState.T_END_OF_STREAM; state = tokens.next()) {
                switch (state) {
                    case T_START_MESSAGE, T_START_BODYPART -> {
                        current = new Entity(current);
                        depth++;
                        tokens.setRecursionMode(depth >= limits.maxNesting() ? RecursionMode.M_RAW : RecursionMode.M_NO_RECURSE);
                    }
                    case T_FIELD -> current.field(tokens.getField());
                    case T_BODY -> {
                        current.type = lower(tokens.getBodyDescriptor().getMimeType());
                        if (current.mayBeOpened() && visit.part(current, tokens)) {
                            return;
                        }
                    }
                    case T_END_MESSAGE, T_END_BODYPART -> {
                        current = current.parent;
                        depth--;
                        tokens.setRecursionMode(depth >= limits.maxNesting() ? RecursionMode.M_RAW : RecursionMode.M_NO_RECURSE);
                    }
                    default -> {
                        // multipart boundaries, preamble, epilogue, raw entities below the nesting limit: nothing to offer
                    }
                }
            }
        } catch (MimeException e) {
            // what was read up to here stands, as in the parser; the rest of a broken message is not offered
        }
    }

    /** One entity while its tokens go by. */
    private static final class Entity {
        final Entity parent;
        String type = "text/plain";
        boolean attachment;
        String filename = "";

        Entity(Entity parent) {
            this.parent = parent;
        }

        void field(Field field) {
            if (field.getName().equalsIgnoreCase("Content-Disposition")) {
                if (LenientFieldParser.getParser().parse(field, DecodeMonitor.SILENT) instanceof ContentDispositionField d) {
                    attachment = d.isAttachment();
                    name(d.getFilename());
                }
            } else if (field.getName().equalsIgnoreCase("Content-Type") && filename.isEmpty()) {
                if (LenientFieldParser.getParser().parse(field, DecodeMonitor.SILENT) instanceof ContentTypeField t) {
                    name(t.getParameter("name"));
                }
            }
        }

        private void name(String raw) {
            if (raw == null || raw.isBlank()) {
                return;
            }
            String decoded;
            try {
                decoded = DecoderUtil.decodeEncodedWords(raw, DecodeMonitor.SILENT);
            } catch (RuntimeException e) {
                decoded = raw;
            }
            filename = decoded.strip();
        }

        boolean mayBeOpened() {
            boolean text = type.equals("text/plain") || type.equals("text/html");
            return attachment || !filename.isEmpty() || !text;
        }
    }

    private static String lower(String s) {
        return s == null ? "text/plain" : s.toLowerCase(Locale.ROOT);
    }
}
