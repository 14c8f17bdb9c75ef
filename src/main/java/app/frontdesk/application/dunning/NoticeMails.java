package app.frontdesk.application.dunning;

import app.frontdesk.application.MailAddresses;
import app.frontdesk.application.Repositories;
import app.frontdesk.application.json.JsonFactories;
import app.frontdesk.application.outbox.MailComposer;
import app.frontdesk.application.outbox.MessageIds;
import app.frontdesk.application.outbox.StaffMails;
import app.frontdesk.application.texts.Rendered;
import app.frontdesk.application.texts.StaffReader;
import app.frontdesk.application.texts.Text;
import app.frontdesk.domain.model.account.Account;
import app.frontdesk.domain.model.billing.Notice;
import app.frontdesk.domain.model.billing.Verdict;
import app.frontdesk.domain.model.outbox.MailKind;
import app.frontdesk.domain.model.outbox.OutboundMail;
import jakarta.json.JsonArrayBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mails of the dunning gate: the notice itself, as billing wrote it; billing's update when a held
 * notice is released or blocked (a signed callback when billing gave a URL, else a mail to
 * FRONTDESK_BILLING_ADDRESS); the personal manager's copy of a held suspension notice. The last two
 * are for staff: templates {@code billing-update} and {@code notice-held}, in the reader's language (see {@link StaffMails}).
 */
public final class NoticeMails {

    private final MailAddresses addresses;
    private final MessageIds messageIds;
    private final String billingAddress;
    private final MailComposer composer;
    private final StaffMails staff;
    private final ReasonWords reasons;

    public NoticeMails(MailAddresses addresses, MessageIds messageIds, String billingAddress, StaffMails staff, ReasonWords reasons) {
        this.addresses = addresses;
        this.reasons = reasons;
        this.staff = staff;
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

    Optional<OutboundMail> billingUpdate(Repositories repos, Notice n, GateDecision d, Instant now) {
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
        StaffReader reader = staff.reader(repos, billingAddress);
        Map<String, Object> model = about(repos, n, d, reader);
        model.put("goesOut", d.verdict() == Verdict.SEND);
        model.put("isHeld", d.verdict() == Verdict.HOLD);
        model.put("isBlocked", d.verdict() == Verdict.BLOCK);
        model.put("verdict", reasons.verdict(d.verdict(), reader));
        var mail = staff.write(Text.BILLING_UPDATE, reader, model, List.of(billingAddress), "auto-generated", null, now);
        return Optional.of(new OutboundMail(MailKind.BILLING_UPDATE, mail.messageId(), staff.from(), List.of(billingAddress), mail.raw(), null, now)
                .about(n.accountId(), null));
    }

    OutboundMail managerCopy(Repositories repos, Notice n, GateDecision d, String managerName, String manager, Instant now) {
        StaffReader reader = staff.reader(repos, manager);
        Map<String, Object> model = about(repos, n, d, reader);
        model.put("managerName", managerName == null ? "" : managerName);
        model.put("recipients", String.join(", ", n.recipients()));
        model.put("body", n.body());
        var mail = staff.write(Text.NOTICE_HELD, reader, model, List.of(manager), "auto-generated", null, now);
        return new OutboundMail(MailKind.MANAGER_ALERT, mail.messageId(), staff.from(), List.of(manager), mail.raw(), null, now)
                .about(n.accountId(), null);
    }

    /** What both staff mails say of the notice: which, for whom, why, until when, and its console page. */
    private Map<String, Object> about(Repositories repos, Notice n, GateDecision d, StaffReader reader) {
        Map<String, Object> m = staff.model(reader);
        m.put("noticeId", n.id());
        m.put("externalRef", n.externalRef() == null ? "" : n.externalRef());
        m.put("kind", reasons.kind(n.kind(), reader));
        m.put("accountName", repos.accounts().find(n.accountId()).map(Account::name).orElse("#" + n.accountId()));
        m.put("reasons", d.reasons().stream().map(r -> Map.of("words", reasons.sentence(r, reader), "code", r.code())).toList());
        m.put("recheck", d.holdUntil() == null ? "" : reader.on(d.holdUntil()));
        m.put("subject", n.subject() == null ? "" : n.subject());
        m.put("noticeUrl", staff.noticeUrl(n.id()));
        m.put("accountUrl", staff.accountUrl(n.accountId()));
        return m;
    }

    /** Sample values for the start-up check of the two staff templates. */
    public static Map<String, Object> sample() {
        Map<String, Object> m = new HashMap<>();
        m.put("noticeId", 7);
        m.put("externalRef", "B-77");
        m.put("kind", "suspension notice");
        m.put("reasons", List.of(Map.of("words", "The invoice is paid.", "code", "INVOICE_PAID")));
        m.put("recheck", "on Wednesday, 25 November 2026, 18:00 (MSK)");
        m.put("goesOut", false);
        m.put("isHeld", true);
        m.put("isBlocked", false);
        m.put("verdict", "held");
        m.put("recipients", "buh@sample.example");
        m.put("body", "Invoice INV-1 is overdue.");
        return m;
    }

    private byte[] mail(String id, List<String> to, String subject, String text, Instant now, String autoSubmitted) {
        return composer.draft(id, new Rendered(subject, text, null)).from(addresses.frontdesk().value(), addresses.senderName(java.util.Locale.ENGLISH)).to(to)
                .header("Auto-Submitted", autoSubmitted).write(now);
    }
}
