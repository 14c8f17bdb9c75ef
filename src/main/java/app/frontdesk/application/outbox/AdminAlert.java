package app.frontdesk.application.outbox;

import app.frontdesk.application.Repositories;
import app.frontdesk.application.texts.StaffReader;
import app.frontdesk.application.texts.Text;
import app.frontdesk.domain.model.inbound.InboundMessage;
import app.frontdesk.domain.model.outbox.MailKind;
import app.frontdesk.domain.model.outbox.OutboundMail;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Alerts to the administrator (template {@code admin-alert}, in their language): a message was
 * quarantined, senders cannot be verified, the mail server's deliveries are refused. It names a message
 * by id and never includes the message itself.
 */
public final class AdminAlert {

    private final StaffMails staff;
    private final String admin;

    /** @param admin who is alerted (FRONTDESK_ADMIN_ADDRESS) */
    public AdminAlert(StaffMails staff, String admin) {
        this.staff = staff;
        this.admin = admin;
    }

    public OutboundMail quarantined(Repositories repos, InboundMessage message, String reason, Instant now) {
        StaffReader reader = staff.reader(repos, admin);
        Map<String, Object> q = new HashMap<>();
        q.put("id", message.id());
        q.put("reason", reason);
        q.put("received", reader.moment(message.receivedAt()));
        q.put("messageId", message.messageId() == null ? "" : message.messageId());
        q.put("envelopeSender", message.envelope().sender() == null ? "" : message.envelope().sender());
        q.put("size", message.sizeBytes());
        q.put("sha256", message.sha256());
        return alert(reader, "quarantined", q, message.id(), now);
    }

    /**
     * Sent once, with the first message that waits for it: the gateway cannot verify any sender, so it
     * decides nothing about senders until the configuration is complete.
     */
    public OutboundMail configurationGap(Repositories repos, InboundMessage message, Instant now) {
        return alert(staff.reader(repos, admin), "configurationGap", Map.of("id", message.id()), message.id(), now);
    }

    /** The mail server's deliveries are refused for a wrong token: its mail waits in its queue. */
    public OutboundMail deliveriesRefused(Repositories repos, long count, Instant now) {
        return alert(staff.reader(repos, admin), "deliveriesRefused", Map.of("count", count), null, now);
    }

    private OutboundMail alert(StaffReader reader, String what, Map<String, Object> facts, Long inboundId, Instant now) {
        Map<String, Object> model = staff.model(reader);
        model.put(what, facts);
        model.put("healthUrl", staff.page("health/ready"));
        model.put("heldUrl", staff.console("held?state=QUARANTINED"));
        var mail = staff.write(Text.ADMIN_ALERT, reader, model, List.of(admin), "auto-generated", null, now);
        return new OutboundMail(MailKind.ADMIN_ALERT, mail.messageId(), staff.from(), List.of(admin), mail.raw(), inboundId, now);
    }

    /** Sample values for the start-up check: every kind at once, so that each part is rendered. */
    public static Map<String, Object> sample() {
        return Map.of(
                "quarantined", Map.of("id", 101, "reason", "unreadable: no header", "received", "Monday, 23 November 2026, 10:00 (MSK)",
                        "messageId", "<a@b>", "envelopeSender", "a@b.example", "size", 1234, "sha256", "ab12"),
                "configurationGap", Map.of("id", 101),
                "deliveriesRefused", Map.of("count", 3),
                "healthUrl", "https://frontdesk.example/health/ready",
                "heldUrl", "https://frontdesk.example/console/held?state=QUARANTINED");
    }
}
