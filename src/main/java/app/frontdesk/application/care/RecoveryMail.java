package app.frontdesk.application.care;

import app.frontdesk.application.MailAddresses;
import app.frontdesk.application.contacts.CustomerContacts;
import app.frontdesk.application.outbox.MailComposer;
import app.frontdesk.application.outbox.MessageIds;
import app.frontdesk.application.texts.Rendered;
import app.frontdesk.application.texts.TemplateLibrary;
import app.frontdesk.application.texts.Text;
import app.frontdesk.domain.model.account.Account;
import app.frontdesk.domain.model.outbox.MailKind;
import app.frontdesk.domain.model.outbox.OutboundMail;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The recovery mail (seed 003), from the {@code recovery} template: the mistake named in the manager's
 * words, an apology, what was fixed and what will change, the question what would make it right, the
 * offer beyond the fix, and the personal manager with the support desk's phone, who calls on a business day.
 */
public final class RecoveryMail {

    /** What the manager says, in the mail's language. */
    public record Words(String mistake, String fixed, String change, String offer) {
    }

    private final TemplateLibrary templates;
    private final MailAddresses addresses;
    private final MessageIds messageIds;
    private final MailComposer composer;
    private final CustomerContacts contacts;

    public RecoveryMail(TemplateLibrary templates, MailAddresses addresses, MessageIds messageIds, CustomerContacts contacts) {
        this.templates = templates;
        this.addresses = addresses;
        this.messageIds = messageIds;
        this.composer = new MailComposer(addresses.frontdesk().domain());
        this.contacts = contacts;
    }

    /** The text as it will read, to check before anything is sent. */
    public Rendered render(Account account, String recipientName, Locale lang, Words words, String callWhen) {
        Map<String, Object> m = contacts.forAccount(account);
        m.put("recipientName", recipientName == null ? "" : recipientName);
        m.put("mistake", sentence(words.mistake()));
        m.put("fixed", sentence(words.fixed()));
        m.put("change", sentence(words.change()));
        m.put("offer", Map.of("text", words.offer()));
        m.put("caller", contacts.turnTo(account).get("name"));
        m.put("deadline", Map.of("when", callWhen));
        return templates.render(Text.RECOVERY, lang, m);
    }

    public OutboundMail mail(Rendered r, Account account, String to, Locale lang, Instant now) {
        String id = messageIds.next();
        byte[] raw = composer.draft(id, r).from(addresses.frontdesk().value(), addresses.senderName(lang)).to(List.of(to))
                .header("Auto-Submitted", "auto-generated").header("Reply-To", contacts.replyTo(account)).write(now);
        return new OutboundMail(MailKind.RECOVERY, id, addresses.frontdesk().value(), List.of(to), raw, null, now).about(account.id(), null);
    }

    /** A manager's words as a sentence: trimmed, with its full stop. */
    static String sentence(String s) {
        String t = s == null ? "" : s.strip().replaceAll("\\s+", " ");
        if (t.isEmpty()) {
            return t;
        }
        return t.matches("(?s).*[.!?…]$") ? t : t + ".";
    }

    /** Every key the template uses, for the start-up check. */
    public static Map<String, Object> sample() {
        Map<String, Object> m = new HashMap<>();
        m.put("mistake", "On 28 November we sent you a suspension notice for invoice INV-1, which you had paid on 27 November.");
        m.put("fixed", "The notice is withdrawn and nothing was switched off.");
        m.put("change", "Notices now wait for the bank statement of the day before they go out.");
        m.put("offer", Map.of("text", "your next month of service is on us: we will not invoice it."));
        m.put("caller", "Olga");
        return m;
    }
}
