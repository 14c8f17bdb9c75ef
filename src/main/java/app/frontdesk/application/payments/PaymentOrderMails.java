package app.frontdesk.application.payments;

import app.frontdesk.application.MailAddresses;
import app.frontdesk.application.outbox.MailComposer;
import app.frontdesk.application.outbox.MessageIds;
import app.frontdesk.application.texts.Rendered;
import app.frontdesk.domain.model.outbox.MailKind;
import app.frontdesk.domain.model.outbox.OutboundMail;
import java.time.Instant;
import java.util.List;

/** The personal manager's mails about payment orders that came by mail: recorded, or which account it is for. Internal, for staff. */
public final class PaymentOrderMails {

    private final MailAddresses addresses;
    private final MessageIds messageIds;
    private final MailComposer composer;

    public PaymentOrderMails(MailAddresses addresses, MessageIds messageIds) {
        this.addresses = addresses;
        this.messageIds = messageIds;
        this.composer = new MailComposer(addresses.frontdesk().domain());
    }

    /** To the personal manager: a customer sent a payment order, and what it holds now. */
    public OutboundMail paymentOrderReceived(long accountId, String accountName, String manager, String from, PaymentOrderReader.PaymentOrder order,
                                             int waitingNotices, boolean toHelpdesk, Long inboundId, Instant now) {
        String id = messageIds.next();
        String text = from + " sent a payment order for " + accountName + " (account " + accountId + "), read from the " + order.source() + ":\n\n"
                + "  number: " + (order.number() == null ? "not readable" : order.number()) + "\n"
                + "  date:   " + order.date() + "\n"
                + "  amount: " + (order.amount() == null ? "not readable" : order.amount().toString()) + "\n\n"
                + "It is recorded as payment evidence: overdue and suspension notices for the account are held for the clearing"
                + " window, until the bank's payment confirms it. Notices re-checked now: " + waitingNotices + ".\n"
                + (toHelpdesk ? "The message itself went to the helpdesk (inbound message " + inboundId + ").\n"
                        : "The message is kept as the evidence (inbound message " + inboundId + "); it did not go to the helpdesk.\n");
        byte[] raw = mail(id, List.of(manager), "[Frontdesk] Payment order from " + accountName, text, now, "auto-generated");
        return new OutboundMail(MailKind.MANAGER_ALERT, id, addresses.frontdesk().value(), List.of(manager), raw, inboundId, now)
                .about(accountId, null);
    }

    /** A manager forwarded a payment order but manages several accounts and the mail does not tell which one. */
    public OutboundMail paymentOrderAccountUnclear(String manager, PaymentOrderReader.PaymentOrder order, List<String> accounts,
                                                   Long inboundId, Instant now) {
        String id = messageIds.next();
        String text = "You passed on a payment order, read from the " + order.source() + ":\n\n"
                + "  number: " + (order.number() == null ? "not readable" : order.number()) + "\n"
                + "  date:   " + order.date() + "\n"
                + "  amount: " + (order.amount() == null ? "not readable" : order.amount().toString()) + "\n\n"
                + "You are the personal manager of " + accounts.size() + " accounts and nothing in the mail (payer INN, invoice"
                + " numbers, the sender's domain) tells which one it belongs to, so it is NOT recorded yet and does not hold"
                + " dunning. Your accounts:\n" + accounts.stream().map(a -> "  - " + a + "\n").collect(java.util.stream.Collectors.joining())
                + "\nRecord it for the right one: POST /api/accounts/{id}/payment-evidence, or forward it again with the"
                + " customer's INN or invoice number in the text (inbound message " + inboundId + ").\n";
        byte[] raw = mail(id, List.of(manager), "[Frontdesk] Which account is this payment order for?", text, now, "auto-replied");
        return new OutboundMail(MailKind.MANAGER_ALERT, id, addresses.frontdesk().value(), List.of(manager), raw, inboundId, now);
    }

    private byte[] mail(String id, List<String> to, String subject, String text, Instant now, String autoSubmitted) {
        return composer.draft(id, new Rendered(subject, text, null)).from(addresses.frontdesk().value(), addresses.senderName(java.util.Locale.ENGLISH)).to(to)
                .header("Auto-Submitted", autoSubmitted).write(now);
    }
}
