package app.frontdesk.application.outbox;

import app.frontdesk.application.MailAddresses;
import app.frontdesk.domain.model.inbound.InboundMessage;
import app.frontdesk.domain.model.outbox.MailKind;
import app.frontdesk.domain.model.outbox.OutboundMail;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/**
 * An alert to the administrator that a message was quarantined. Internal, so plain text from code;
 * it names the message by id and never includes the message itself (the console has it).
 */
public final class AdminAlert {

    private static final Session SESSION = Session.getInstance(new Properties());

    private final MailAddresses addresses;
    private final MessageIds messageIds;

    public AdminAlert(MailAddresses addresses, MessageIds messageIds) {
        this.addresses = addresses;
        this.messageIds = messageIds;
    }

    public OutboundMail quarantined(InboundMessage message, String reason, Instant now) {
        String id = messageIds.next();
        String text = "Frontdesk quarantined inbound message " + message.id() + ".\n\n"
                + "Reason: " + reason + "\n"
                + "Received: " + message.receivedAt() + "\n"
                + "Message-ID: " + (message.messageId() == null ? "(none)" : message.messageId()) + "\n"
                + "Envelope sender: " + (message.envelope().sender() == null ? "(not given)" : message.envelope().sender()) + "\n"
                + "Size: " + message.sizeBytes() + " bytes, SHA-256 " + message.sha256() + "\n\n"
                + "The message is stored exactly as received. Look at it with GET /api/inbound/" + message.id()
                + " and its raw bytes with GET /api/inbound/" + message.id() + "/raw.\n";
        try {
            MimeMessage mail = new MimeMessage(SESSION) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", id);
                }
            };
            mail.setFrom(new InternetAddress(addresses.frontdesk().value(), "Frontdesk"));
            mail.setRecipients(jakarta.mail.Message.RecipientType.TO, addresses.admin().value());
            mail.setSubject("[Frontdesk] Message " + message.id() + " quarantined", "UTF-8");
            mail.setSentDate(Date.from(now));
            mail.setText(text, "UTF-8");
            mail.setHeader("Auto-Submitted", "auto-generated");
            mail.setHeader(LoopHeader.NAME, addresses.frontdesk().domain());
            mail.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            mail.writeTo(out);
            return new OutboundMail(MailKind.ADMIN_ALERT, id, addresses.frontdesk().value(),
                    List.of(addresses.admin().value()), out.toByteArray(), message.id(), now);
        } catch (MessagingException | IOException e) {
            throw new UncheckedIOException(new IOException("cannot compose the quarantine alert", e));
        }
    }
}
