package app.frontdesk.application.dunning;

import app.frontdesk.application.json.JsonFactories;
import app.frontdesk.application.MailAddresses;
import app.frontdesk.application.Repositories;
import app.frontdesk.application.outbox.MailComposer;
import app.frontdesk.application.outbox.MessageIds;
import app.frontdesk.application.texts.Rendered;
import app.frontdesk.domain.model.billing.Notice;
import app.frontdesk.domain.model.outbox.MailKind;
import app.frontdesk.domain.model.outbox.OutboundMail;
import jakarta.json.JsonArrayBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The mails of the dunning gate: the notice itself, as billing wrote it; billing's update when a held
 * notice is released or blocked (a signed callback when billing gave a URL, else a mail to
 * FRONTDESK_BILLING_ADDRESS); the personal manager's copy of a held suspension notice. The last two
 * are internal, written for staff.
 */
public final class NoticeMails {

    private final MailAddresses addresses;
    private final MessageIds messageIds;
    private final String billingAddress;
    private final MailComposer composer;

    public NoticeMails(MailAddresses addresses, MessageIds messageIds, String billingAddress) {
        this.addresses = addresses;
        this.messageIds = messageIds;
        this.billingAddress = billingAddress;
        this.composer = new MailComposer(addresses.frontdesk().domain());
    }

    OutboundMail notice(Notice n, Repositories repos, Instant now) {
        String id = messageIds.next();
        byte[] raw = mail(id, n.recipients(), n.subject(), n.body(), now, "auto-generated");
        return new OutboundMail(MailKind.DUNNING_NOTICE, id, addresses.frontdesk().value(), n.recipients(), raw, null, now)
                .about(n.accountId(), null);
    }

    Optional<OutboundMail> billingUpdate(Notice n, GateDecision d, Instant now) {
        String id = messageIds.next();
        String what = switch (d.verdict()) {
            case SEND -> "released";
            case HOLD -> "held";
            case BLOCK -> "blocked";
        };
        if (n.callbackUrl().isPresent()) {
            JsonArrayBuilder reasons = JsonFactories.BUILDERS.createArrayBuilder();
            d.reasons().forEach(r -> reasons.add(JsonFactories.BUILDERS.createObjectBuilder().add("code", r.code()).add("message", r.message())));
            var json = JsonFactories.BUILDERS.createObjectBuilder().add("event", "notice-" + what).add("notice", n.id())
                    .add("externalRef", n.externalRef() == null ? "" : n.externalRef())
                    .add("verdict", d.verdict().name()).add("reasons", reasons);
            if (d.holdUntil() != null) {
                json.add("holdUntil", d.holdUntil().toString());
            }
            return Optional.of(new OutboundMail(MailKind.WEBHOOK, id, null, List.of(n.callbackUrl().get()),
                    json.build().toString().getBytes(StandardCharsets.UTF_8), null, now).about(n.accountId(), null));
        }
        if (billingAddress == null) {
            return Optional.empty();
        }
        String text = "Notice " + n.id() + (n.externalRef() == null ? "" : " (" + n.externalRef() + ")") + " for account " + n.accountId()
                + " was " + what + " by the dunning gate.\n\n"
                + d.reasons().stream().map(r -> "- " + r.code() + ": " + r.message()).collect(Collectors.joining("\n"))
                + (d.holdUntil() == null ? "" : "\n\nIt is checked again at " + d.holdUntil() + ".")
                + "\n\nSubject of the notice: " + n.subject() + "\n";
        byte[] raw = mail(id, List.of(billingAddress), "[Frontdesk] Notice " + n.id() + " " + what, text, now, "auto-generated");
        return Optional.of(new OutboundMail(MailKind.BILLING_UPDATE, id, addresses.frontdesk().value(), List.of(billingAddress), raw, null, now)
                .about(n.accountId(), null));
    }

    OutboundMail managerCopy(Notice n, GateDecision d, String manager, Instant now) {
        String id = messageIds.next();
        String text = "A suspension notice for account " + n.accountId() + " is on HOLD and was not sent to the customer.\n\n"
                + d.reasons().stream().map(r -> "- " + r.message()).collect(Collectors.joining("\n"))
                + (d.holdUntil() == null ? "\n\nIt waits for your approval or for the reason to go away."
                        : "\n\nIt is checked again at " + d.holdUntil() + ".")
                + "\n\nThe notice as billing wrote it:\nTo: " + String.join(", ", n.recipients()) + "\nSubject: " + n.subject() + "\n\n"
                + n.body() + "\n";
        byte[] raw = mail(id, List.of(manager), "[Frontdesk] Suspension notice held: account " + n.accountId(), text, now, "auto-generated");
        return new OutboundMail(MailKind.MANAGER_ALERT, id, addresses.frontdesk().value(), List.of(manager), raw, null, now)
                .about(n.accountId(), null);
    }

    private byte[] mail(String id, List<String> to, String subject, String text, Instant now, String autoSubmitted) {
        return composer.draft(id, new Rendered(subject, text, null)).from(addresses.frontdesk().value(), addresses.senderName(java.util.Locale.ENGLISH)).to(to)
                .header("Auto-Submitted", autoSubmitted).write(now);
    }
}
