package app.frontdesk.application.outbox;

import app.frontdesk.application.texts.Rendered;
import app.frontdesk.domain.model.inbound.RawMessage;
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
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a rendered text as a MIME mail: plain text and HTML as alternatives (plain text alone for
 * internal mails, whose Rendered has no HTML), optionally the original
 * message attached as message/rfc822 (only for our own staff, never for a sender), our loop header,
 * and the Message-ID fixed by the outbox row.
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
        private byte[] attached;

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

        public Draft attach(byte[] originalMessage) {
            this.attached = originalMessage;
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

        public byte[] write(Instant now) {
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
                if (body.html() == null && attached == null) {
                    mail.setText(body.text(), "UTF-8"); // an internal plain-text mail
                } else if (attached == null) {
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
                    MimeBodyPart original = new MimeBodyPart();
                    int start = RawMessage.messageStart(attached);
                    // no copy of a 25 MB original unless an mbox "From " line has to go
                    original.setDataHandler(new DataHandler(new ByteArrayDataSource(
                            start == 0 ? attached : Arrays.copyOfRange(attached, start, attached.length), "message/rfc822")));
                    original.setFileName("original.eml");
                    original.setDisposition(MimeBodyPart.ATTACHMENT);
                    mixed.addBodyPart(original);
                    mail.setContent(mixed);
                }
                for (Map.Entry<String, String> h : headers.entrySet()) {
                    mail.setHeader(h.getKey(), h.getValue());
                }
                mail.setHeader(LoopHeader.NAME, loopDomain);
                mail.saveChanges();
                // sized for the attachment (base64 adds a third) and the text, so the buffer is not regrown and copied
                ByteArrayOutputStream out = new ByteArrayOutputStream(attached == null ? 16 * 1024 : attached.length / 3 * 4 + 64 * 1024);
                mail.writeTo(out);
                return out.toByteArray();
            } catch (MessagingException | IOException e) {
                throw new UncheckedIOException(new IOException("cannot compose mail " + messageId, e));
            }
        }
    }

    public Draft draft(String messageId, Rendered body) {
        return new Draft(messageId, body);
    }
}
