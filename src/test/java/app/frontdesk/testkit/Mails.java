package app.frontdesk.testkit;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads mails that Frontdesk wrote: headers, the text and HTML alternatives, attachments, links. */
public final class Mails {

    private static final Session SESSION = Session.getInstance(new Properties());
    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]+/api/links/([A-Za-z0-9_.-]+)");

    private Mails() {
    }

    /** The Message-ID field of a raw mail. */
    public static String messageId(byte[] raw) {
        try {
            return parse(raw).getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static MimeMessage parse(byte[] raw) {
        try {
            return new MimeMessage(SESSION, new ByteArrayInputStream(raw));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String header(byte[] raw, String name) {
        try {
            return parse(raw).getHeader(name, ",");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(byte[] raw) {
        try {
            return parse(raw).getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text/plain alternative (or the whole body of a single-part mail). */
    public static String text(byte[] raw) {
        return part(raw, "text/plain");
    }

    public static String html(byte[] raw) {
        return part(raw, "text/html");
    }

    /** The media types of every part, depth first. */
    public static List<String> partTypes(byte[] raw) {
        List<String> types = new ArrayList<>();
        try {
            collect(parse(raw).getContent(), types);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return types;
    }

    /** The tokens of the one-click links in a mail, in order of appearance. */
    public static List<String> linkTokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            tokens.add(m.group(1));
        }
        return tokens;
    }

    private static void collect(Object content, List<String> types) throws Exception {
        if (content instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart p = mp.getBodyPart(i);
                types.add(p.getContentType().split(";")[0].strip().toLowerCase());
                collect(p.getContent(), types);
            }
        }
    }

    private static String part(byte[] raw, String type) {
        try {
            MimeMessage m = parse(raw);
            if (m.isMimeType(type)) {
                return (String) m.getContent();
            }
            String found = find(m.getContent(), type);
            if (found == null) {
                throw new AssertionError("no " + type + " part in the mail");
            }
            return found;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String find(Object content, String type) throws Exception {
        if (content instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart p = mp.getBodyPart(i);
                if (p.isMimeType(type)) {
                    return (String) p.getContent();
                }
                String inner = find(p.getContent(), type);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }
}
