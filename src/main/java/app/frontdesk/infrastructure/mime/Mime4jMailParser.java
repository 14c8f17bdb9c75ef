package app.frontdesk.infrastructure.mime;

import app.frontdesk.application.pipeline.MailParser;
import app.frontdesk.application.pipeline.ParsedMail;
import app.frontdesk.application.pipeline.UnparseableMailException;
import app.frontdesk.domain.model.inbound.RawMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.List;
import java.util.Locale;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.address.Address;
import org.apache.james.mime4j.dom.address.Group;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.LenientAddressParser;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.dom.field.ContentTypeField;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;

/**
 * Lenient parsing with Apache mime4j, chosen by measurement: on the 926 real messages of the shared
 * corpus mime4j read every one, where jakarta.mail threw on dozens (see README, "Parser choice").
 *
 * <p>Header values are decoded from their raw bytes here rather than by mime4j, because mime4j reads
 * 8-bit header bytes as Latin-1, which turns unencoded Russian headers into mojibake.
 */
public final class Mime4jMailParser implements MailParser {

    /** Enough text for evidence and previews; a 20 MB body is not read into a string. */
    static final int MAX_TEXT_CHARS = 64 * 1024;
    static final int MAX_DOCUMENTS = 5;
    static final int MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
    private static final int MAX_NESTING = 20;

    private final MimeConfig config = MimeConfig.custom()
            .setMaxLineLen(-1)
            .setMaxHeaderLen(-1)
            .setMaxHeaderCount(-1)
            .setMaxContentLen(-1)
            .setStrictParsing(false)
            .build();

    @Override
    public ParsedMail parse(byte[] raw) throws UnparseableMailException {
        int start = RawMessage.messageStart(raw);
        byte[] bytes = withLineFeeds(raw);
        Message message;
        try {
            DefaultMessageBuilder builder = new DefaultMessageBuilder();
            builder.setMimeEntityConfig(config);
            builder.setDecodeMonitor(DecodeMonitor.SILENT);
            message = builder.parseMessage(new ByteArrayInputStream(bytes, start, bytes.length - start));
        } catch (IOException | RuntimeException e) {
            throw new UnparseableMailException("unparseable MIME: " + e, e);
        }
        if (message.getHeader() == null || message.getHeader().getFields().isEmpty()) {
            throw new UnparseableMailException("no header fields: this is not an Internet message");
        }
        List<String> problems = new ArrayList<>();
        String declaredCharset = charsetOf(message);
        List<ParsedMail.Header> headers = new ArrayList<>();
        List<ParsedMail.Mailbox> from = List.of();
        boolean fromSeen = false;
        for (Field field : message.getHeader().getFields()) {
            headers.add(new ParsedMail.Header(field.getName(), headerValue(field, declaredCharset, problems)));
            if (!fromSeen && field.getName().equalsIgnoreCase("From")) {
                fromSeen = true;
                from = mailboxes(undecodedValue(field, declaredCharset));
            }
        }
        List<String> partTypes = new ArrayList<>();
        List<ParsedMail.Document> documents = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        try {
            collectPartTypes(message, partTypes, 0);
            collectDocuments(message, documents, problems, 0);
            appendText(message, text, problems, 0);
        } catch (IOException | RuntimeException e) {
            problems.add("body text unreadable: " + e.getMessage());
        } finally {
            message.dispose();
        }
        String mimeType = message.getMimeType() == null ? "text/plain" : message.getMimeType().toLowerCase(Locale.ROOT);
        return new ParsedMail(List.copyOf(headers), from, mimeType, List.copyOf(partTypes), text.toString(), List.copyOf(problems),
                List.copyOf(documents));
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

    private static void collectPartTypes(Entity entity, List<String> types, int depth) {
        if (depth > MAX_NESTING || !(entity.getBody() instanceof Multipart multipart)) {
            return;
        }
        for (Entity part : multipart.getBodyParts()) {
            if (part.getMimeType() != null) {
                types.add(part.getMimeType().toLowerCase(Locale.ROOT));
            }
            collectPartTypes(part, types, depth + 1);
        }
    }

    /** PDF parts (by type, or by a .pdf name on a generic type), at most MAX_DOCUMENTS of MAX_DOCUMENT_BYTES each. */
    private static void collectDocuments(Entity entity, List<ParsedMail.Document> out, List<String> problems, int depth) throws IOException {
        if (depth > MAX_NESTING || !(entity.getBody() instanceof Multipart multipart)) {
            return;
        }
        for (Entity part : multipart.getBodyParts()) {
            String type = part.getMimeType() == null ? "" : part.getMimeType().toLowerCase(Locale.ROOT);
            String name = part.getFilename() == null ? "" : part.getFilename();
            boolean pdf = type.equals("application/pdf")
                    || (type.equals("application/octet-stream") && name.toLowerCase(Locale.ROOT).endsWith(".pdf"));
            if (pdf && part.getBody() instanceof SingleBody single && out.size() < MAX_DOCUMENTS) {
                byte[] bytes = readCapped(single.getInputStream(), MAX_DOCUMENT_BYTES + 1);
                if (bytes.length > MAX_DOCUMENT_BYTES) {
                    problems.add("document \"" + name + "\" larger than " + MAX_DOCUMENT_BYTES + " bytes not read");
                } else {
                    out.add(new ParsedMail.Document(name, bytes));
                }
            }
            collectDocuments(part, out, problems, depth + 1);
        }
    }

    private static String charsetOf(Entity entity) {
        return entity.getHeader() != null && entity.getHeader().getField("Content-Type") instanceof ContentTypeField ct
                ? ct.getCharset() : null;
    }

    /** The mailboxes of an address field; groups are flattened. Encoded words in names are decoded by mime4j. */
    static List<ParsedMail.Mailbox> mailboxes(String value) {
        List<ParsedMail.Mailbox> result = new ArrayList<>();
        try {
            for (Address address : LenientAddressParser.DEFAULT.parseAddressList(encodeNonAscii(value))) {
                if (address instanceof Mailbox m) {
                    result.add(new ParsedMail.Mailbox(m.getName() == null ? "" : m.getName(), m.getAddress()));
                } else if (address instanceof Group g) {
                    g.getMailboxes().forEach(m -> result.add(new ParsedMail.Mailbox(m.getName() == null ? "" : m.getName(), m.getAddress())));
                }
            }
        } catch (RuntimeException e) {
            return List.of();
        }
        result.removeIf(m -> m.address() == null || !m.address().contains("@"));
        return List.copyOf(result);
    }

    private static final Pattern NON_ASCII = Pattern.compile("[^\\x00-\\x7F]+(?:[ \\t]+[^\\x00-\\x7F]+)*");

    /**
     * mime4j's address parser splits an unquoted non-ASCII display name ("Иван Петров &lt;ivan@x&gt;")
     * into garbage; as encoded words (RFC 2047) the same names parse and are decoded back.
     */
    static String encodeNonAscii(String value) {
        return NON_ASCII.matcher(value).replaceAll(m -> Matcher.quoteReplacement("=?UTF-8?B?"
                + Base64.getEncoder().encodeToString(m.group().getBytes(StandardCharsets.UTF_8)) + "?="));
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

    static String unfold(String s) {
        return s.replaceAll("\r?\n[ \t]", " ").replace("\r", "").replace("\n", "");
    }

    private static void appendText(Entity entity, StringBuilder out, List<String> problems, int depth) throws IOException {
        if (depth > MAX_NESTING || out.length() >= MAX_TEXT_CHARS) {
            return;
        }
        Body body = entity.getBody();
        if (body instanceof Multipart multipart) {
            Entity html = null;
            for (Entity part : multipart.getBodyParts()) {
                if (out.length() > 0) {
                    return;
                }
                String type = part.getMimeType() == null ? "" : part.getMimeType().toLowerCase(Locale.ROOT);
                if (type.equals("text/html") && html == null && !"attachment".equalsIgnoreCase(part.getDispositionType())) {
                    html = part;
                } else if (type.startsWith("multipart/") || (type.equals("text/plain")
                        && !"attachment".equalsIgnoreCase(part.getDispositionType()))) {
                    appendText(part, out, problems, depth + 1);
                }
            }
            if (out.length() == 0 && html != null) {
                appendText(html, out, problems, depth + 1);
            }
        } else if (body instanceof SingleBody single) {
            String type = entity.getMimeType() == null ? "text/plain" : entity.getMimeType().toLowerCase(Locale.ROOT);
            if (!type.startsWith("text/")) {
                return;
            }
            String charset = charsetOf(entity);
            if (charset != null && Charsets.lookup(charset).isEmpty()) {
                problems.add("unknown charset \"" + charset + "\", guessed");
            }
            String text = Charsets.decode(readCapped(single.getInputStream(), MAX_TEXT_CHARS * 4), charset);
            if (type.equals("text/html")) {
                text = text.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ").replaceAll("<[^>]+>", " ")
                        .replace("&nbsp;", " ").replaceAll("[ \t]+", " ");
            }
            out.append(text, 0, Math.min(text.length(), MAX_TEXT_CHARS - out.length()));
        }
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
