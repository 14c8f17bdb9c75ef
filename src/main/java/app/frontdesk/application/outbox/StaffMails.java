package app.frontdesk.application.outbox;

import app.frontdesk.application.MailAddresses;
import app.frontdesk.application.Repositories;
import app.frontdesk.application.texts.Rendered;
import app.frontdesk.application.texts.StaffReader;
import app.frontdesk.application.texts.TemplateLibrary;
import app.frontdesk.application.texts.Text;
import app.frontdesk.domain.model.staff.StaffUser;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Mails to staff (managers, the support lead, billing, the administrator): in the reader's language
 * (a console user's own, else FRONTDESK_STAFF_LOCALE), times in FRONTDESK_STAFF_TIME_ZONE, from and
 * signed with the company's name (never the product's), and links to console pages a person opens in
 * a browser. The composers build the model; this renders and writes the mail.
 */
public final class StaffMails {

    private final TemplateLibrary templates;
    private final MailAddresses addresses;
    private final MessageIds messageIds;
    private final MailComposer composer;
    private final Locale language;
    private final ZoneId zone;
    private final String base;

    /**
     * @param language  the staff's language when the reader is not a console user (FRONTDESK_STAFF_LOCALE)
     * @param zone      the zone staff read times in (FRONTDESK_STAFF_TIME_ZONE)
     * @param publicUrl how browsers reach Frontdesk, for console links
     */
    public StaffMails(TemplateLibrary templates, MailAddresses addresses, MessageIds messageIds, Locale language, ZoneId zone, URI publicUrl) {
        this.templates = templates;
        this.addresses = addresses;
        this.messageIds = messageIds;
        this.composer = new MailComposer(addresses.frontdesk().domain());
        this.language = TemplateLibrary.language(language);
        this.zone = zone;
        this.base = publicUrl.toString().replaceAll("/+$", "");
    }

    /** The reader when nothing is known of them. */
    public StaffReader standard() {
        return new StaffReader(language, zone);
    }

    /** Who reads mail sent to {@code address}: a console user in their own language, anyone else in the staff's. */
    public StaffReader reader(Repositories repos, String address) {
        if (address == null || address.isBlank()) {
            return standard();
        }
        return repos.staff().findByEmail(address.strip().toLowerCase(Locale.ROOT)).filter(u -> !u.disabled())
                .map(StaffUser::locale).map(l -> new StaffReader(l, zone)).orElseGet(this::standard);
    }

    /** The recipients grouped by the language they read, so that each gets the mail in theirs (order kept). */
    public Map<StaffReader, List<String>> readers(Repositories repos, List<String> addresses) {
        Map<StaffReader, List<String>> by = new LinkedHashMap<>();
        for (String a : addresses) {
            by.computeIfAbsent(reader(repos, a), r -> new java.util.ArrayList<>()).add(a);
        }
        return by;
    }

    /** A console page: {@code /console/cases/7}, {@code /console/accounts/51}, {@code /console/notices/3}. */
    public String console(String path) {
        return page("console/" + path.replaceAll("^/+", ""));
    }

    /** Any page of ours a browser opens without a token: {@code /health/ready}. */
    public String page(String path) {
        return base + "/" + path.replaceAll("^/+", "");
    }

    public String caseUrl(long caseId) {
        return console("cases/" + caseId);
    }

    public String accountUrl(long accountId) {
        return console("accounts/" + accountId);
    }

    public String noticeUrl(long noticeId) {
        return console("notices/" + noticeId);
    }

    /** The keys every staff template may use: the company that signs it and the reader's first next step. */
    public Map<String, Object> model(StaffReader reader) {
        Map<String, Object> m = new HashMap<>();
        m.put("nextStep", true);
        m.put("signature", signature(reader));
        return m;
    }

    /** The From display name and the signature: the company's name, else the support team's in the reader's language. */
    public String signature(StaffReader reader) {
        return addresses.senderName(reader.language());
    }

    /** A staff mail written, with the Message-ID its outbox row keeps. */
    public record Written(String messageId, byte[] raw) {
    }

    /**
     * Renders {@code text} for {@code reader} and writes it to {@code to}.
     *
     * @param attach the original message, for staff only; null for none
     */
    public Written write(Text text, StaffReader reader, Map<String, Object> model, List<String> to, String autoSubmitted, byte[] attach,
                         Instant now) {
        if (!Text.FOR_STAFF.contains(text)) {
            throw new IllegalArgumentException(text + " is not a text for staff");
        }
        Rendered r = templates.render(text, reader.language(), model);
        String id = messageIds.next();
        var draft = composer.draft(id, r).from(addresses.frontdesk().value(), signature(reader)).to(to)
                .header("Auto-Submitted", autoSubmitted);
        if (attach != null) {
            draft.attach(attach);
        }
        return new Written(id, draft.write(now));
    }

    public String from() {
        return addresses.frontdesk().value();
    }

    /** Sample values of the keys above and of every staff template's own, for the start-up check. */
    public static Map<String, Object> sample() {
        Map<String, Object> m = new HashMap<>();
        m.put("signature", "Sample LLC");
        m.put("caseUrl", "https://frontdesk.example/console/cases/100");
        m.put("accountUrl", "https://frontdesk.example/console/accounts/100");
        m.put("noticeUrl", "https://frontdesk.example/console/notices/7");
        return m;
    }
}
