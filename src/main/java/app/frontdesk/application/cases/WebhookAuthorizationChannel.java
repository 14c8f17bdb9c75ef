package app.frontdesk.application.cases;

import app.frontdesk.application.json.JsonFactories;
import app.frontdesk.application.outbox.MessageIds;
import app.frontdesk.domain.model.account.ContactChannel;
import app.frontdesk.domain.model.outbox.MailKind;
import app.frontdesk.domain.model.outbox.OutboundMail;
import jakarta.json.JsonArrayBuilder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The authorization request as JSON to the contact's webhook (a ticket system, a messenger bot). The
 * outbox row holds the body; the webhook transport signs it (X-Frontdesk-Signature, HMAC-SHA256) when
 * it posts, so a receiver can tell it came from us.
 */
public final class WebhookAuthorizationChannel implements AuthorizationChannel {

    private final MessageIds messageIds;

    public WebhookAuthorizationChannel(MessageIds messageIds) {
        this.messageIds = messageIds;
    }

    @Override
    public ContactChannel kind() {
        return ContactChannel.WEBHOOK;
    }

    @Override
    public OutboundMail compose(AuthorizationRequest r) {
        String url = r.contact().webhookUrl().orElseThrow(() -> new IllegalStateException("contact " + r.contact().id() + " has no webhook URL"));
        JsonArrayBuilder evidence = JsonFactories.BUILDERS.createArrayBuilder();
        r.evidence().forEach(e -> evidence.add(JsonFactories.BUILDERS.createObjectBuilder().add("kind", e.kind()).add("value", e.value())));
        String id = messageIds.next();
        String body = JsonFactories.BUILDERS.createObjectBuilder()
                .add("event", "authorization-requested")
                .add("delivery", id)
                .add("case", r.supportCase().reference())
                .add("account", JsonFactories.BUILDERS.createObjectBuilder().add("id", r.account().id()).add("name", r.account().name()))
                .add("contact", r.contact().address().value())
                .add("sender", JsonFactories.BUILDERS.createObjectBuilder().add("address", r.supportCase().sender())
                        .add("name", r.supportCase().senderName().orElse("")))
                .add("subject", r.subject())
                .add("excerpt", Excerpt.of(r.text()))
                .add("evidence", evidence)
                .add("authorizeUrl", r.authorizeUrl())
                .add("rejectUrl", r.rejectUrl())
                .add("expiresAt", r.supportCase().expiresAt().toString())
                .build().toString();
        return new OutboundMail(MailKind.WEBHOOK, id, null, List.of(url), body.getBytes(StandardCharsets.UTF_8), r.message().id(), r.now())
                .about(r.account().id(), r.supportCase().id());
    }
}
