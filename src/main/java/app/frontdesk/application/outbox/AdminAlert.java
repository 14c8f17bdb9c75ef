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

    /** Mails to people outside the company: when one is given up, someone who can reach them another way is told. */
    private static final java.util.Set<MailKind> TO_CUSTOMERS = java.util.EnumSet.of(MailKind.SENDER_REPLY,
            MailKind.PAYMENT_ORDER_RECEIVED, MailKind.SENDER_AUTHORIZED, MailKind.AUTHORIZER_THANKED, MailKind.NOTICE_NEWS,
            MailKind.AUTHORIZATION_REQUEST, MailKind.UNVERIFIED_CONTACT_WARNING, MailKind.RECOVERY);

    /**
     * A mail to a customer was given up: the account's personal manager (else the administrator) learns whom it was for,
     * what it was and why it did not go, so that the promise "we wrote to them" made in an earlier alert is not left
     * standing. Mails to staff and machines are not followed up this way (an alert about an undelivered alert could
     * loop); their failure shows in the outbox and on health.
     *
     * @return the alert, or empty when the mail was not to a customer
     */
    public java.util.Optional<OutboundMail> notDelivered(Repositories repos, OutboundMail failed, String why, Instant now) {
        if (!TO_CUSTOMERS.contains(failed.kind())) {
            return java.util.Optional.empty();
        }
        // whoever was alerted about it: the colleague the case was handed to, else the manager of the account
        // (the mail's, else the case's candidate), else the administrator
        var supportCase = failed.caseId() == null ? java.util.Optional.<app.frontdesk.domain.model.supportcase.SupportCase>empty()
                : repos.cases().find(failed.caseId());
        Long accountId = failed.accountId() != null ? failed.accountId() : supportCase.flatMap(c -> c.accountId()).orElse(null);
        var account = accountId == null ? java.util.Optional.<app.frontdesk.domain.model.account.Account>empty()
                : repos.accounts().find(accountId);
        var assignee = supportCase.flatMap(c -> c.assignee());
        String to = assignee.or(() -> account.flatMap(a -> a.manager()).map(m -> m.address().value())).orElse(admin);
        StaffReader reader = staff.reader(repos, to);
        // greeted by name, as every other staff mail greets the person it goes to; the administrator as the role they are
        java.util.Optional<String> name = assignee.isPresent()
                ? repos.staff().findByEmail(to).map(app.frontdesk.domain.model.staff.StaffUser::displayName)
                : account.flatMap(a -> a.manager()).map(m -> m.name());
        Map<String, Object> n = new HashMap<>();
        n.put("id", failed.id());
        n.put(failed.kind().name(), true);
        n.put("recipients", String.join(", ", failed.recipients()));
        account.ifPresent(a -> n.put("accountName", a.name()));
        // the one cause we know for certain is ours: a relay without SMTPUTF8 (never the customer's address)
        n.put("smtpUtf8", failed.needsSmtpUtf8() && why != null && why.contains("SMTPUTF8"));
        n.put("reason", why == null ? "" : why);
        n.put("attempts", failed.attempts());
        if (failed.caseId() != null) {
            n.put("caseUrl", staff.caseUrl(failed.caseId()));
        }
        account.ifPresent(a -> n.put("accountUrl", staff.accountUrl(a.id())));
        Map<String, Object> model = staff.model(reader);
        name.filter(x -> !x.isBlank()).ifPresent(x -> model.put("recipientName", x.strip()));
        model.put("notDelivered", n);
        model.put("healthUrl", staff.page("health/ready"));
        var mail = staff.write(Text.ADMIN_ALERT, reader, model, List.of(to), "auto-generated", null, now);
        return java.util.Optional.of(new OutboundMail(MailKind.ADMIN_ALERT, mail.messageId(), staff.from(), List.of(to), mail.raw(),
                failed.inboundId(), now).about(accountId, failed.caseId()));
    }

    private OutboundMail alert(StaffReader reader, String what, Map<String, Object> facts, Long inboundId, Instant now) {
        Map<String, Object> model = staff.model(reader);
        model.put(what, facts);
        model.put("healthUrl", staff.page("health/ready"));
        model.put("heldUrl", staff.console("held?state=QUARANTINED"));
        var mail = staff.write(Text.ADMIN_ALERT, reader, model, List.of(admin), "auto-generated", null, now);
        return new OutboundMail(MailKind.ADMIN_ALERT, mail.messageId(), staff.from(), List.of(admin), mail.raw(), inboundId, now);
    }

    /** Sample values for the start-up check: every kind at once, and the greeting by name, so that each part is rendered. */
    public static Map<String, Object> sample() {
        return Map.of(
                "quarantined", Map.of("id", 101, "reason", "unreadable: no header", "received", "Monday, 23 November 2026, 10:00 (MSK)",
                        "messageId", "<a@b>", "envelopeSender", "a@b.example", "size", 1234, "sha256", "ab12"),
                "configurationGap", Map.of("id", 101),
                "deliveriesRefused", Map.of("count", 3),
                "notDelivered", Map.of("id", 7, "SENDER_REPLY", true, "recipients", "иван@romashka.example", "accountName",
                        "Romashka LLC", "smtpUtf8", true, "reason", "refused", "attempts", 1,
                        "caseUrl", "https://frontdesk.example/console/cases/51", "accountUrl", "https://frontdesk.example/console/accounts/51"),
                "recipientName", "Olga",
                "healthUrl", "https://frontdesk.example/health/ready",
                "heldUrl", "https://frontdesk.example/console/held?state=QUARANTINED");
    }
}
