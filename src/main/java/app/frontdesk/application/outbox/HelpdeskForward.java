package app.frontdesk.application.outbox;

import app.frontdesk.application.MailAddresses;
import app.frontdesk.domain.model.inbound.InboundMessage;
import app.frontdesk.domain.model.outbox.AroundOriginal;
import app.frontdesk.domain.model.outbox.MailKind;
import app.frontdesk.domain.model.outbox.OutboundMail;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A known contact's message re-sent intact to the helpdesk (RFC 5322 section 3.6.6, "resent").
 *
 * <p>The original bytes follow our header block unchanged, so the helpdesk sees the customer's own
 * From, Subject and Message-ID, and a DKIM signature on them still verifies. Our block says who
 * re-sent it, which account it belongs to, and carries the stable Resent-Message-ID of this
 * outbox row. The original is not copied: the outbox row holds our block and the original's stored bytes
 * follow it when the mail is sent ({@link AroundOriginal}).
 */
public final class HelpdeskForward {

    private static final DateTimeFormatter RFC_5322 = DateTimeFormatter.RFC_1123_DATE_TIME;

    private final MailAddresses addresses;
    private final MessageIds messageIds;

    public HelpdeskForward(MailAddresses addresses, MessageIds messageIds) {
        this.addresses = addresses;
        this.messageIds = messageIds;
    }

    public OutboundMail compose(InboundMessage message, Collection<Long> accountIds, Instant now) {
        String resentId = messageIds.next();
        String accounts = accountIds.stream().map(String::valueOf).collect(Collectors.joining(", "));
        String block = "Resent-From: <" + addresses.frontdesk() + ">\r\n"
                + "Resent-To: <" + addresses.helpdesk() + ">\r\n"
                + "Resent-Date: " + RFC_5322.format(now.atOffset(ZoneOffset.UTC)) + "\r\n"
                + "Resent-Message-ID: " + resentId + "\r\n"
                + "X-Frontdesk-Account: " + accounts + "\r\n"
                + "X-Frontdesk-Inbound-Id: " + message.id() + "\r\n"
                + LoopHeader.NAME + ": " + addresses.frontdesk().domain() + "\r\n";
        return new OutboundMail(MailKind.HELPDESK_FORWARD, resentId, addresses.frontdesk().value(), List.of(addresses.helpdesk().value()),
                new AroundOriginal(block.getBytes(StandardCharsets.US_ASCII), message.id(), new byte[0]), message.id(), now);
    }
}
