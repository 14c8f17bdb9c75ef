package app.frontdesk.infrastructure.mail;

import app.frontdesk.application.outbox.MailTransport;
import app.frontdesk.domain.model.outbox.OutboundMail;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * Sends outbox mails over SMTP with jakarta.mail, byte for byte as stored: the message is not parsed,
 * re-encoded or rewritten (sendMessage, not Transport.send, which would call saveChanges and replace the
 * Message-ID), and its bytes stream from the database into the SMTP connection.
 *
 * <p>An address with a non-ASCII local part (RFC 6531) goes only to a relay that offers SMTPUTF8, and then
 * with it (Angus Mail's {@code mail.mime.allowutf8}: the address in UTF-8 and {@code SMTPUTF8} on MAIL FROM).
 * A relay that does not offer it never gets the mail: without SMTPUTF8, Angus wrote each character of
 * such an address as one byte, its low eight bits, to another mailbox. The mail is refused instead, with why.
 */
public final class SmtpMailTransport implements MailTransport {

    /** The envelopes a mail can need: our address or the null reverse-path, with or without SMTPUTF8. */
    private enum Kind {
        OURS, NULL_SENDER, OURS_UTF8, NULL_SENDER_UTF8;

        static Kind of(OutboundMail mail) {
            boolean nullSender = mail.envelopeFrom() == null;
            return mail.needsSmtpUtf8() ? (nullSender ? NULL_SENDER_UTF8 : OURS_UTF8) : (nullSender ? NULL_SENDER : OURS);
        }

        boolean utf8() {
            return this == OURS_UTF8 || this == NULL_SENDER_UTF8;
        }
    }

    private final Map<Kind, Session> sessions = new EnumMap<>(Kind.class);
    private final String host;
    private final int port;
    private final String user;
    private final String password;

    public SmtpMailTransport(String host, int port, String user, String password, String envelopeFrom) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        Properties p = new Properties();
        p.put("mail.smtp.host", host);
        p.put("mail.smtp.port", String.valueOf(port));
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "60000");
        p.put("mail.smtp.writetimeout", "60000");
        p.put("mail.smtp.from", envelopeFrom);
        if (user != null) {
            p.put("mail.smtp.auth", "true");
            p.put("mail.smtp.starttls.enable", "true");
        }
        for (Kind kind : Kind.values()) {
            Properties k = new Properties();
            k.putAll(p);
            if (kind == Kind.NULL_SENDER || kind == Kind.NULL_SENDER_UTF8) {
                k.put("mail.smtp.from", "<>"); // automatic replies (RFC 3834 section 3.3): Angus reads mail.smtp.from per session
            }
            if (kind.utf8()) {
                k.put("mail.mime.allowutf8", "true");
            }
            sessions.put(kind, Session.getInstance(k));
        }
    }

    /**
     * One SMTP connection per batch (and per kind of envelope), reconnected when it breaks: after the server
     * dropped a connection mid-batch, every later mail of the batch failed "Not connected" (review of 2026-11-28).
     */
    @Override
    public Connection open() throws MessagingException {
        Transport first = sessions.get(Kind.OURS).getTransport("smtp");
        first.connect(host, port, user, password);
        return new Connection() {
            private final Map<Kind, Transport> transports = new EnumMap<>(Map.of(Kind.OURS, first));

            @Override
            public void send(OutboundMail mail, Bytes bytes) throws MessagingException, Refused {
                Kind kind = Kind.of(mail);
                Transport via = transports.get(kind);
                if (via == null || !via.isConnected()) {
                    via = sessions.get(kind).getTransport("smtp");
                    via.connect(host, port, user, password);
                    transports.put(kind, via);
                }
                if (kind.utf8() && !offers(via, "SMTPUTF8")) {
                    throw new Refused("the address " + String.join(", ", mail.recipients()) + (mail.envelopeFrom() == null ? ""
                            : " or " + mail.envelopeFrom()) + " has a non-ASCII local part, which only SMTPUTF8 (RFC 6531) delivers,"
                            + " and the relay " + host + ":" + port + " does not offer SMTPUTF8; it is never sent to the address changed");
                }
                Address[] to = new Address[mail.recipients().size()];
                for (int i = 0; i < to.length; i++) {
                    to[i] = new InternetAddress(mail.recipients().get(i), false);
                }
                try {
                    via.sendMessage(new Stored(sessions.get(kind), bytes), to);
                } catch (MessagingException e) {
                    quietly(via); // the next mail of the batch starts on a new connection, whatever state this one is in
                    throw e;
                }
            }

            @Override
            public void close() {
                transports.values().forEach(SmtpMailTransport::quietly);
            }
        };
    }

    /**
     * Whether the relay announced {@code extension} in its EHLO answer. Angus Mail's SMTPTransport says so in
     * {@code supportsExtension}; it is asked by name because the runtime (Payara) brings its own Angus Mail and
     * only the jakarta.mail API is compiled against. A transport that cannot say offers nothing.
     */
    static boolean offers(Transport transport, String extension) {
        try {
            return (Boolean) transport.getClass().getMethod("supportsExtension", String.class).invoke(transport, extension);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /** A message that is its stored bytes: SMTPTransport writes it through writeTo, streamed, nothing parsed. */
    private static final class Stored extends MimeMessage {
        private final Bytes bytes;

        Stored(Session session, Bytes bytes) {
            super(session);
            this.bytes = bytes;
        }

        @Override
        public void writeTo(OutputStream out, String[] ignoreList) throws IOException {
            bytes.writeTo(out);
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            bytes.writeTo(out);
        }
    }

    private static void quietly(Transport t) {
        try {
            if (t != null) {
                t.close();
            }
        } catch (MessagingException e) {
            // The mails of the batch are already accepted or marked failed; a failed QUIT changes nothing.
        }
    }

    @Override
    public String toString() {
        return "SMTP " + host + ":" + port;
    }
}
