package app.frontdesk.infrastructure.mail;

import app.frontdesk.application.outbox.MailTransport;
import app.frontdesk.domain.model.outbox.OutboundMail;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.Properties;

/**
 * Sends outbox mails over SMTP with jakarta.mail, byte for byte as stored: the message is not
 * re-encoded and no header is rewritten (sendMessage, not Transport.send, which would call
 * saveChanges and replace the Message-ID).
 */
public final class SmtpMailTransport implements MailTransport {

    private final Session session;
    /** For mails with the null reverse-path (automatic replies, RFC 3834 section 3.3): Angus reads mail.smtp.from per session. */
    private final Session nullSenderSession;
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
        this.session = Session.getInstance(p);
        Properties nullSender = new Properties();
        nullSender.putAll(p);
        nullSender.put("mail.smtp.from", "<>");
        this.nullSenderSession = Session.getInstance(nullSender);
    }

    /**
     * One SMTP connection per batch, reconnected when it breaks: after the server dropped a connection
     * mid-batch, every later mail of the batch failed "Not connected" (review of 2026-11-28).
     */
    @Override
    public Connection open() throws MessagingException {
        Transport first = session.getTransport("smtp");
        first.connect(host, port, user, password);
        return new Connection() {
            private Transport transport = first;
            private Transport nullSenderTransport;

            @Override
            public void send(OutboundMail mail) throws MessagingException {
                boolean nullSender = mail.envelopeFrom() == null;
                Transport via = nullSender ? nullSenderTransport : transport;
                if (via == null || !via.isConnected()) {
                    via = (nullSender ? nullSenderSession : session).getTransport("smtp");
                    via.connect(host, port, user, password);
                    if (nullSender) {
                        nullSenderTransport = via;
                    } else {
                        transport = via;
                    }
                }
                MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(mail.raw()));
                Address[] to = new Address[mail.recipients().size()];
                for (int i = 0; i < to.length; i++) {
                    to[i] = new InternetAddress(mail.recipients().get(i), false);
                }
                try {
                    via.sendMessage(message, to);
                } catch (MessagingException e) {
                    quietly(via); // the next mail of the batch starts on a new connection, whatever state this one is in
                    throw e;
                }
            }

            @Override
            public void close() {
                quietly(transport);
                quietly(nullSenderTransport);
            }
        };
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
