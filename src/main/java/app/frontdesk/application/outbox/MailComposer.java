package app.frontdesk.application.outbox;

import app.frontdesk.application.texts.Rendered;
import app.frontdesk.domain.model.outbox.AroundOriginal;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a rendered text as a MIME mail: plain text and HTML as alternatives (plain text alone for
 * internal mails, whose Rendered has no HTML), optionally the original
 * message attached as message/rfc822 (only for our own staff, never for a sender), our loop header,
 * and the Message-ID fixed by the outbox row.
 *
 * <p>The original is not copied into the mail: the mail is written around a placeholder, and the outbox
 * puts the stored bytes in its place when it sends ({@link AroundOriginal}). A message/rfc822 part is
 * written as it is (no transfer encoding), so the bytes before and after are exactly the mail's.
 *
 * <p>An address whose local part is not ASCII (RFC 6531) is written as it is, in UTF-8 (RFC 6532; Angus Mail
 * 2.0 does so by itself, SmtpUtf8Test keeps it so), while display names and the subject stay encoded words.
 * Such a mail can only go through a relay that offers SMTPUTF8, which the SMTP transport checks.
 */
public final class MailComposer {

    private static final Session SESSION = Session.getInstance(new java.util.Properties());

    private final String loopDomain;

    public MailComposer(String loopDomain) {
        this.loopDomain = loopDomain;
    }

    /** A mail under construction. */
    public final class Draft {
        private final String messageId;
        private final Rendered body;
        private InternetAddress from;
        private List<String> to = List.of();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Long original;
        private byte[] placeholder;

        private Draft(String messageId, Rendered body) {
            this.messageId = messageId;
            this.body = body;
        }

        public Draft from(String address, String displayName) {
            try {
                this.from = new InternetAddress(address, displayName, "UTF-8");
            } catch (java.io.UnsupportedEncodingException e) {
                throw new IllegalStateException(e);
            }
            return this;
        }

        public Draft to(List<String> recipients) {
            this.to = List.copyOf(recipients);
            return this;
        }

        public Draft header(String name, String value) {
            if (value != null && !value.isBlank()) {
                headers.put(name, value);
            }
            return this;
        }

        /** Attaches the received message {@code inboundId} as it is stored, when the mail is sent (see {@link #writeAround}). */
        public Draft attachOriginal(long inboundId) {
            this.original = inboundId;
            this.placeholder = ("X-Frontdesk-Original: " + messageId + " " + java.util.UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII);
            return this;
        }

        private MimeMultipart alternatives() throws MessagingException {
            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(body.text(), "UTF-8");
            alternative.addBodyPart(text);
            MimeBodyPart html = new MimeBodyPart();
            html.setText(body.html(), "UTF-8", "html");
            alternative.addBodyPart(html);
            return alternative;
        }

        /** The whole mail; for a mail without an attached original. */
        public byte[] write(Instant now) {
            if (original != null) {
                throw new IllegalStateException("a mail with an attached original is written around it: writeAround");
            }
            return compose(now);
        }

        /** The mail's bytes around the attached original, which the outbox puts between them when it sends. */
        public AroundOriginal writeAround(Instant now) {
            if (original == null) {
                throw new IllegalStateException("no original attached");
            }
            byte[] whole = compose(now);
            int at = indexOf(whole, placeholder, 0);
            if (at < 0 || indexOf(whole, placeholder, at + 1) >= 0) {
                throw new IllegalStateException("the placeholder of the original is not once in mail " + messageId);
            }
            return new AroundOriginal(java.util.Arrays.copyOf(whole, at), original,
                    java.util.Arrays.copyOfRange(whole, at + placeholder.length, whole.length));
        }

        private byte[] compose(Instant now) {
            try {
                MimeMessage mail = new MimeMessage(SESSION) {
                    @Override
                    protected void updateMessageID() throws MessagingException {
                        setHeader("Message-ID", messageId);
                    }
                };
                mail.setFrom(from);
                for (String r : to) {
                    mail.addRecipient(Message.RecipientType.TO, new InternetAddress(r, false));
                }
                mail.setSubject(body.subject(), "UTF-8");
                mail.setSentDate(Date.from(now));
                if (body.html() == null && original == null) {
                    mail.setText(body.text(), "UTF-8"); // an internal plain-text mail
                } else if (original == null) {
                    mail.setContent(alternatives());
                } else {
                    MimeMultipart mixed = new MimeMultipart("mixed");
                    MimeBodyPart main = new MimeBodyPart();
                    if (body.html() == null) {
                        main.setText(body.text(), "UTF-8");
                    } else {
                        main.setContent(alternatives());
                    }
                    mixed.addBodyPart(main);
                    MimeBodyPart attachment = new MimeBodyPart();
                    attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(placeholder, "message/rfc822")));
                    attachment.setFileName("original.eml");
                    attachment.setDisposition(MimeBodyPart.ATTACHMENT);
                    mixed.addBodyPart(attachment);
                    mail.setContent(mixed);
                }
                for (Map.Entry<String, String> h : headers.entrySet()) {
                    mail.setHeader(h.getKey(), h.getValue());
                }
                mail.setHeader(LoopHeader.NAME, loopDomain);
                mail.saveChanges();
                ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
                mail.writeTo(out);
                return out.toByteArray();
            } catch (MessagingException | IOException e) {
                throw new UncheckedIOException(new IOException("cannot compose mail " + messageId, e));
            }
        }
    }

    private static int indexOf(byte[] in, byte[] what, int from) {
        outer:
        for (int i = from; i + what.length <= in.length; i++) {
            for (int k = 0; k < what.length; k++) {
                if (in[i + k] != what[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    public Draft draft(String messageId, Rendered body) {
        return new Draft(messageId, body);
    }
}
