package app.frontdesk.infrastructure.mime;

import app.frontdesk.application.mail.MailParser;
import app.frontdesk.application.mail.ParsedMail;
import app.frontdesk.application.mail.UnparseableMailException;
import app.frontdesk.domain.model.inbound.RawMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.dom.address.Address;
import org.apache.james.mime4j.dom.address.Group;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.LenientAddressParser;
import org.apache.james.mime4j.io.MaxHeaderLengthLimitException;
import org.apache.james.mime4j.io.MaxHeaderLimitException;
import org.apache.james.mime4j.io.MaxLineLimitException;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;

/**
 * Lenient parsing with Apache mime4j, chosen by measurement: on the 926 real messages of the shared
 * corpus mime4j read every one, where jakarta.mail threw on dozens (see docs, "Parser choice").
 *
 * <p>The message is read as a stream of tokens ({@link MimeTokenStream}), not built into a tree:
 * nothing but the top-level header fields, the first text and a few PDF documents is kept, so a
 * message costs about its own size however it is built, and {@link MimeLimits} bound the rest. Each
 * level of nesting is one more stream that every read goes through; below {@code maxNesting} parts
 * are skipped unread, so tens of thousands of nested parts cannot overflow the stack.
 *
 * <p>Header values are decoded from their raw bytes here rather than by mime4j, because mime4j reads
 * 8-bit header bytes as Latin-1, which turns unencoded Russian headers into mojibake.
 */
public final class Mime4jMailParser implements MailParser {

    private final MimeLimits limits;
    private final MimeConfig config;
    private final MimeParts parts;

    public Mime4jMailParser() {
        this(MimeLimits.DEFAULT);
    }

    public Mime4jMailParser(MimeLimits limits) {
        this.limits = limits;
        this.config = MimeConfig.custom()
                .setMaxLineLen(limits.maxLineBytes())
                .setMaxHeaderLen(limits.maxFieldBytes())
                .setMaxHeaderCount(limits.maxHeaderFields())
                .setMaxContentLen(-1)
                .setStrictParsing(false)
                .build();
        this.parts = new MimeParts(config, limits);
    }

    @Override
    public List<app.frontdesk.application.mail.MailPart> parts(InputStream raw) throws IOException {
        return parts.list(raw);
    }

    @Override
    public java.util.Optional<app.frontdesk.application.mail.MailPart> openPart(InputStream raw, int index, PartSink sink) throws IOException {
        return parts.open(raw, index, sink);
    }

    public MimeLimits limits() {
        return limits;
    }

    @Override
    public ParsedMail parse(byte[] raw) throws UnparseableMailException {
        int start = RawMessage.messageStart(raw);
        byte[] bytes = withLineFeeds(raw);
        Reading reading = new Reading(limits);
        try {
            MimeTokenStream tokens = new MimeTokenStream(config, DecodeMonitor.SILENT, null);
            tokens.parse(new ByteArrayInputStream(bytes, start, bytes.length - start));
            for (EntityState state = tokens.getState(); state != EntityState.T_END_OF_STREAM; state = tokens.next()) {
                reading.token(tokens, state);
            }
        } catch (MaxHeaderLimitException e) {
            reading.problems.add("more than " + limits.maxHeaderFields() + " header fields in one part (limit): the rest not read");
        } catch (MaxHeaderLengthLimitException e) {
            reading.problems.add("a header field longer than " + limits.maxFieldBytes() + " bytes (limit): the rest not read");
        } catch (MaxLineLimitException e) {
            reading.problems.add("a line longer than " + limits.maxLineBytes() + " bytes (limit): the rest not read");
        } catch (MimeException e) {
            reading.problems.add(e.getCause() instanceof MaxLineLimitException
                    ? "a line longer than " + limits.maxLineBytes() + " bytes (limit): the rest not read"
                    : "MIME structure unreadable: " + e.getMessage() + "; the rest not read");
        } catch (IOException | RuntimeException e) {
            reading.problems.add("body unreadable: " + e + "; the rest not read");
        }
        return reading.result();
    }

    /** What one parse collects while the tokens go by. */
    private static final class Reading {
        private final MimeLimits limits;
        private final List<String> problems = new ArrayList<>();
        private final List<Field> topFields = new ArrayList<>();
        private final List<String> partTypes = new ArrayList<>();
        private final List<ParsedMail.Document> documents = new ArrayList<>();
        private Frame current; // the innermost open entity; its parents are linked
        private int depth;
        private Frame root;
        private String text;
        private boolean nestingReported;

        Reading(MimeLimits limits) {
            this.limits = limits;
        }

        void token(MimeTokenStream tokens, EntityState state) throws IOException {
            switch (state) {
                case T_START_MESSAGE, T_START_BODYPART -> {
                    current = new Frame(current, state == EntityState.T_START_BODYPART, state == EntityState.T_START_MESSAGE);
                    root = root == null ? current : root;
                    depth++;
                    recurseBelowLimit(tokens);
                }
                case T_RAW_ENTITY -> {
                    if (!nestingReported) {
                        nestingReported = true;
                        problems.add("MIME nesting deeper than " + limits.maxNesting() + " levels (limit): the inner parts not read");
                    }
                }
                case T_FIELD -> {
                    Field field = tokens.getField();
                    if (current == root) {
                        topFields.add(field);
                    }
                    if (field.getName().equalsIgnoreCase("Content-Disposition")) {
                        current.disposition(field.getBody());
                    } else if (field.getName().equalsIgnoreCase("Content-Type")) {
                        current.contentType(field.getBody());
                    }
                }
                case T_START_MULTIPART -> typed(tokens, current);
                case T_BODY -> body(tokens, typed(tokens, current));
                case T_END_MULTIPART -> {
                    if (text == null && current.html != null && !current.embedded) {
                        text = current.html;
                    }
                }
                case T_END_MESSAGE, T_END_BODYPART -> {
                    current = current.parent;
                    depth--;
                    recurseBelowLimit(tokens);
                }
                default -> {
                    // preamble, epilogue, multipart start: nothing to keep
                }
            }
        }

        /** Children of an entity at the deepest level are not parsed (mime4j's RawEntity), only skipped. */
        private void recurseBelowLimit(MimeTokenStream tokens) {
            tokens.setRecursionMode(depth >= limits.maxNesting() ? RecursionMode.M_RAW : RecursionMode.M_RECURSE);
        }

        /** The entity's media type, known once its header is read (the descriptor is valid from here on). */
        private Frame typed(MimeTokenStream tokens, Frame f) {
            f.type = lower(tokens.getBodyDescriptor().getMimeType());
            if (f != root && f.bodyPart && !f.embedded) {
                partTypes.add(f.type);
            }
            return f;
        }

        private void body(MimeTokenStream tokens, Frame f) throws IOException {
            if (f.embedded) {
                return; // a forwarded message's own text and attachments are not this message's
            }
            Frame parent = f.parent;
            String type = f.type;
            if (isPdf(type, f.filename) && f.bodyPart) {
                if (documents.size() < limits.maxDocuments()) {
                    byte[] doc = readCapped(tokens.getDecodedInputStream(), limits.maxDocumentBytes() + 1);
                    if (doc.length > limits.maxDocumentBytes()) {
                        problems.add("document \"" + f.filename + "\" larger than " + limits.maxDocumentBytes() + " bytes not read");
                    } else {
                        documents.add(new ParsedMail.Document(f.filename, doc));
                    }
                }
                return;
            }
            if (text != null || !type.startsWith("text/") || f.attachment) {
                return;
            }
            boolean html = type.equals("text/html");
            if (f.bodyPart && !html && !type.equals("text/plain")) {
                return; // in a multipart only text/plain, or text/html as its fallback, is the message's text
            }
            if (f.bodyPart && html && (parent == null || parent.html != null)) {
                return;
            }
            if (f.charset != null && Charsets.lookup(f.charset).isEmpty()) {
                problems.add("unknown charset \"" + f.charset + "\", guessed");
            }
            String decoded = Charsets.decode(readCapped(tokens.getDecodedInputStream(), limits.maxTextChars() * 4), f.charset);
            if (html) {
                decoded = decoded.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ").replaceAll("<[^>]+>", " ")
                        .replace("&nbsp;", " ").replaceAll("[ \t]+", " ");
            }
            decoded = decoded.substring(0, Math.min(decoded.length(), limits.maxTextChars()));
            if (f.bodyPart && html) {
                parent.html = decoded;
            } else {
                text = decoded;
            }
        }

        ParsedMail result() throws UnparseableMailException {
            if (topFields.isEmpty()) {
                throw new UnparseableMailException(problems.isEmpty() ? "no header fields: this is not an Internet message"
                        : "no header field readable: " + String.join("; ", problems));
            }
            String declaredCharset = root.charset;
            List<ParsedMail.Header> headers = new ArrayList<>(topFields.size());
            List<ParsedMail.Mailbox> from = List.of();
            boolean fromSeen = false;
            for (Field field : topFields) {
                headers.add(new ParsedMail.Header(field.getName(), headerValue(field, declaredCharset, problems), isFolded(field)));
                if (!fromSeen && field.getName().equalsIgnoreCase("From")) {
                    fromSeen = true;
                    from = mailboxes(undecodedValue(field, declaredCharset));
                }
            }
            return new ParsedMail(List.copyOf(headers), from, root.type, List.copyOf(partTypes),
                    text == null ? "" : text, List.copyOf(problems), List.copyOf(documents));
        }

    }

    private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([^\";\\s]+)");
    private static final Pattern FILENAME = Pattern.compile("(?i)filename\\*?\\s*=\\s*\"?([^\";]*)");
    private static final Pattern NAME = Pattern.compile("(?i)(?:^|[;\\s])name\\*?\\s*=\\s*\"?([^\";]*)");

    private static String param(Pattern p, String value) {
        Matcher m = p.matcher(value);
        return m.find() ? m.group(1).strip() : null;
    }

    /** One entity while its tokens go by: its type, whether it is an attachment, and its text/html fallback. */
    private static final class Frame {
        final Frame parent;
        final boolean bodyPart;
        /** Inside a forwarded message (message/rfc822 below the top): its text and attachments are not this message's. */
        final boolean embedded;
        String type = "text/plain";
        boolean attachment;
        String filename = "";
        String charset;
        String html;

        Frame(Frame parent, boolean bodyPart, boolean message) {
            this.parent = parent;
            this.bodyPart = bodyPart;
            this.embedded = parent != null && (parent.embedded || message);
        }

        void disposition(String value) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            attachment = v.startsWith("attachment");
            String name = param(FILENAME, value);
            if (name != null) {
                filename = name;
            }
        }

        void contentType(String value) {
            charset = param(CHARSET, value);
            String name = param(NAME, value);
            if (name != null && filename.isEmpty()) {
                filename = name;
            }
        }
    }

    private static boolean isPdf(String type, String name) {
        return type.equals("application/pdf")
                || (type.equals("application/octet-stream") && name.toLowerCase(Locale.ROOT).endsWith(".pdf"));
    }

    private static String lower(String s) {
        return s == null ? "text/plain" : s.toLowerCase(Locale.ROOT);
    }

    /**
     * Mail saved on old Macs ends its lines with a bare CR, which MIME parsers do not take for a line
     * break. When the bytes hold no LF at all, a copy with LF line ends is parsed (the stored bytes stay
     * as they are).
     */
    static byte[] withLineFeeds(byte[] raw) {
        boolean cr = false;
        for (byte b : raw) {
            if (b == '\n') {
                return raw;
            }
            cr |= b == '\r';
        }
        if (!cr) {
            return raw;
        }
        byte[] copy = raw.clone();
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] == '\r') {
                copy[i] = '\n';
            }
        }
        return copy;
    }

    /** The mailboxes of an address field; groups are flattened. Encoded words in names are decoded by mime4j. */
    static List<ParsedMail.Mailbox> mailboxes(String value) {
        List<String> kept = new ArrayList<>();
        List<ParsedMail.Mailbox> result = new ArrayList<>();
        try {
            for (Address address : LenientAddressParser.DEFAULT.parseAddressList(encodeNonAscii(value, kept))) {
                if (address instanceof Mailbox m) {
                    result.add(mailbox(m, kept));
                } else if (address instanceof Group g) {
                    g.getMailboxes().forEach(m -> result.add(mailbox(m, kept)));
                }
            }
        } catch (RuntimeException e) {
            return List.of();
        }
        result.removeIf(m -> m.address() == null || !m.address().contains("@"));
        return List.copyOf(result);
    }

    private static ParsedMail.Mailbox mailbox(Mailbox m, List<String> kept) {
        return new ParsedMail.Mailbox(m.getName() == null ? "" : m.getName(), m.getAddress() == null ? null : restore(m.getAddress(), kept));
    }

    /** A stand-in for a non-ASCII run of an address: letters, digits and hyphens, so any address parser keeps it whole. */
    private static String token(int i) {
        return "x-fdutf8-" + i + "-x";
    }

    private static String restore(String address, List<String> kept) {
        for (int i = kept.size() - 1; i >= 0; i--) {
            address = address.replace(token(i), kept.get(i));
        }
        return address;
    }

    private static final Pattern NON_ASCII = Pattern.compile("[^\\x00-\\x7F]+(?:[ \\t]+[^\\x00-\\x7F]+)*");

    /**
     * mime4j's address parser splits an unquoted non-ASCII display name ("Иван Петров &lt;ivan@x&gt;")
     * into garbage; as encoded words (RFC 2047) the same names parse and are decoded back. Only names:
     * an address (inside angle brackets, or a word with an @) stays as written, because an encoded word
     * in an address is no address (RFC 2047 section 5) and a reply went to "=?UTF-8?B?...?=@..." before.
     * The address runs are collected in {@code kept} and stand in the result as tokens.
     */
    static String encodeNonAscii(String value, List<String> kept) {
        Matcher m = NON_ASCII.matcher(value);
        StringBuilder out = new StringBuilder(value.length() + 32);
        int done = 0;
        while (m.find()) {
            out.append(value, done, m.start());
            String run = m.group();
            if (partOfAddress(value, m.start(), m.end())) {
                // mime4j's address parser reads characters as single bytes and garbles UTF-8 in an address: a stand-in
                // goes through it and the run comes back afterwards, exactly as written
                out.append(token(kept.size()));
                kept.add(run);
            } else {
                out.append("=?UTF-8?B?").append(Base64.getEncoder().encodeToString(run.getBytes(StandardCharsets.UTF_8))).append("?=");
            }
            done = m.end();
        }
        return out.append(value, done, value.length()).toString();
    }

    /** True when {@code [start, end)} lies inside angle brackets or in a word that holds an @. */
    private static boolean partOfAddress(String value, int start, int end) {
        int open = value.lastIndexOf('<', start);
        if (open >= 0 && value.lastIndexOf('>', start) < open) {
            return true;
        }
        int from = start;
        while (from > 0 && !isWordEnd(value.charAt(from - 1))) {
            from--;
        }
        int to = end;
        while (to < value.length() && !isWordEnd(value.charAt(to))) {
            to++;
        }
        return value.substring(from, to).indexOf('@') >= 0;
    }

    private static boolean isWordEnd(char c) {
        return Character.isWhitespace(c) || c == ',' || c == '<' || c == '>' || c == '"' || c == '(' || c == ')';
    }

    /** The field body decoded from its bytes and unfolded, with encoded words still encoded. */
    static String undecodedValue(Field field, String declaredCharset) {
        return undecodedValue(field, field.getRaw() == null ? null : field.getRaw().toByteArray(), declaredCharset);
    }

    private static String undecodedValue(Field field, byte[] raw, String declaredCharset) {
        if (raw == null) {
            return unfold(field.getBody());
        }
        String line = Charsets.decode(raw, declaredCharset);
        int colon = line.indexOf(':');
        return unfold(colon >= 0 ? line.substring(colon + 1) : line);
    }

    static String headerValue(Field field, String declaredCharset, List<String> problems) {
        byte[] raw = field.getRaw() == null ? null : field.getRaw().toByteArray();
        String unfolded = undecodedValue(field, raw, declaredCharset);
        if (raw != null && !Charsets.isAscii(raw)) {
            problems.add("8-bit bytes in header " + field.getName());
        }
        try {
            return DecoderUtil.decodeEncodedWords(unfolded, DecodeMonitor.SILENT).strip();
        } catch (RuntimeException e) {
            problems.add("undecodable encoded word in " + field.getName());
            return unfolded.strip();
        }
    }

    /** True when the field's raw bytes hold a line break, that is, a continuation line. */
    static boolean isFolded(Field field) {
        if (field.getRaw() == null) {
            return field.getBody().indexOf('\n') >= 0;
        }
        var raw = field.getRaw();
        for (int i = 0; i < raw.length(); i++) {
            if (raw.byteAt(i) == '\n' || raw.byteAt(i) == '\r') {
                return true;
            }
        }
        return false;
    }

    static String unfold(String s) {
        return s.replaceAll("\r?\n[ \t]", " ").replace("\r", "").replace("\n", "");
    }

    private static byte[] readCapped(InputStream in, int max) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while (out.size() < max && (n = in.read(buf, 0, Math.min(buf.length, max - out.size()))) > 0) {
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }
}
