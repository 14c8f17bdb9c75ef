package app.frontdesk.application.outbox;

import app.frontdesk.application.MailAddresses;
import app.frontdesk.application.texts.Rendered;
import app.frontdesk.domain.model.inbound.InboundMessage;
import app.frontdesk.domain.model.outbox.MailKind;
import app.frontdesk.domain.model.outbox.OutboundMail;
import java.time.Instant;
import java.util.List;

/**
 * An alert to the administrator that a message was quarantined. Internal, so plain text from code;
 * it names the message by id and never includes the message itself (the console has it).
 */
public final class AdminAlert {

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
        return alert(id, "[Frontdesk] Message " + message.id() + " quarantined", text, message.id(), now);
    }

    /**
     * Sent once, with the first message that waits for it: the gateway cannot verify any sender, so it
     * decides nothing about senders until the configuration is complete.
     */
    public OutboundMail configurationGap(InboundMessage message, Instant now) {
        String id = messageIds.next();
        String text = "Frontdesk cannot verify any sender: no authserv-id is trusted (FRONTDESK_TRUSTED_AUTHSERV_IDS is empty).\n\n"
                + "Inbound message " + message.id() + " and every message after it are stored and held as \"cannot verify: configuration\"."
                + " Nobody is answered, alerted or flagged about them: the gap is ours, not the customers'.\n\n"
                + "To fix it, set FRONTDESK_TRUSTED_AUTHSERV_IDS to the authserv-id your DMARC/DKIM milter writes into"
                + " Authentication-Results (see docs/operations.md, \"Postfix\"), or, only where From may be believed as it is,"
                + " FRONTDESK_SENDER_POLICY=trust-from. Then restart Frontdesk: the held messages are decided again at start.\n"
                + "Until then /health/ready answers DOWN.\n";
        return alert(id, "[Frontdesk] Senders cannot be verified: configuration needed", text, message.id(), now);
    }

    /** The mail server's deliveries are refused for a wrong token: its mail waits in its queue. */
    public OutboundMail deliveriesRefused(long count, Instant now) {
        String id = messageIds.next();
        String text = "Frontdesk refused a delivery to /api/inbound because its token was wrong or missing (" + count
                + " since start).\n\n"
                + "If this is your mail server, its mail is not lost: the pipe exits 75 and the mail server keeps the message and"
                + " retries. But nothing arrives until the token is right. Check the token file the pipe reads"
                + " (FRONTDESK_MTA_TOKEN_FILE in the pipe's environment, see docs/operations.md, \"Postfix\") against Frontdesk's"
                + " FRONTDESK_MTA_TOKEN or data/secrets/mta.token, then flush the mail server's queue (postqueue -f).\n\n"
                + "If it is not your mail server, someone is trying the API. This alert comes at most once an hour; /health/ready"
                + " warns while refusals go on.\n";
        return alert(id, "[Frontdesk] Deliveries refused: wrong token", text, null, now);
    }

    private OutboundMail alert(String id, String subject, String text, Long inboundId, Instant now) {
        byte[] raw = new MailComposer(addresses.frontdesk().domain()).draft(id, new Rendered(subject, text, null))
                .from(addresses.frontdesk().value(), addresses.senderName(java.util.Locale.ENGLISH)).to(List.of(addresses.admin().value()))
                .header("Auto-Submitted", "auto-generated").write(now);
        return new OutboundMail(MailKind.ADMIN_ALERT, id, addresses.frontdesk().value(), List.of(addresses.admin().value()), raw,
                inboundId, now);
    }
}
