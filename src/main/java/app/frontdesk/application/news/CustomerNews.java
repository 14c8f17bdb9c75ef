package app.frontdesk.application.news;

import app.frontdesk.application.MailAddresses;
import app.frontdesk.application.contacts.CustomerContacts;
import app.frontdesk.application.outbox.MailComposer;
import app.frontdesk.application.outbox.MessageIds;
import app.frontdesk.application.texts.Rendered;
import app.frontdesk.application.texts.TemplateLibrary;
import app.frontdesk.application.texts.Text;
import app.frontdesk.domain.model.account.Account;
import app.frontdesk.domain.model.account.Contact;
import app.frontdesk.domain.model.outbox.MailKind;
import app.frontdesk.domain.model.outbox.OutboundMail;
import app.frontdesk.domain.model.supportcase.SupportCase;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The mails that tell customers something changed for them, from their templates: a payment order
 * received (and until when no reminder comes), an address authorized (to its owner, and thanks to the
 * colleague who did it). Each names a person to turn to (the account's personal manager, else the
 * support desk), gives a time wherever it promises something, and is signed with the company's name.
 */
public final class CustomerNews {

    /** Who authorized an address: a colleague of the sender's through the one-click link, the personal manager, or our support. */
    public enum AuthorizedBy {
        CONTACT, MANAGER, SUPPORT
    }

    private final TemplateLibrary templates;
    private final MailAddresses addresses;
    private final MessageIds messageIds;
    private final MailComposer composer;
    private final CustomerContacts contacts;
    private final ZoneId zone;

    public CustomerNews(TemplateLibrary templates, MailAddresses addresses, MessageIds messageIds, CustomerContacts contacts, ZoneId zone) {
        this.templates = templates;
        this.addresses = addresses;
        this.messageIds = messageIds;
        this.composer = new MailComposer(addresses.frontdesk().domain());
        this.contacts = contacts;
        this.zone = zone;
    }

    /**
     * To the contact who mailed a payment order: it is here, under its number and date, and (while it is
     * still on its way through the bank) no reminder comes until {@code pausedUntil}.
     *
     * @param pausedUntil the last day of the pause in the account's time zone; null when the order is too old to hold anything
     */
    public OutboundMail paymentOrderReceived(Account account, Contact to, String number, LocalDate orderDate, LocalDate pausedUntil,
                                             String inReplyTo, long inboundId, Instant now) {
        Locale lang = to.locale();
        Map<String, Object> model = contacts.forAccount(account);
        model.put("recipientName", CustomerContacts.greetName(to));
        model.put("orderNumber", number == null ? "" : number);
        model.put("orderDate", Days.date(orderDate, lang));
        model.put("deadline", pausedUntil == null ? false : Map.of("when", Days.day(pausedUntil, lang)));
        return mail(Text.PAYMENT_ORDER_RECEIVED, MailKind.PAYMENT_ORDER_RECEIVED, lang, model, to.address().value(), inReplyTo, inboundId, now)
                .about(account.id(), null);
    }

    /**
     * What happened to an authorized sender's messages, for both mails about it.
     *
     * @param topics    what the messages passed on to support are about, one per message (see Topic)
     * @param stillHeld later messages that stay held for a person
     * @param answerBy  when the sender hears from us in full
     */
    public record Released(List<String> topics, int stillHeld, Instant answerBy) {
    }

    /**
     * To the sender whose address was just authorized: their message reached support, the address works
     * from now on, by when they hear from us, and who did it (in the nominative: "уполномоченный контакт
     * вашей компании (Анна Петрова)").
     */
    public OutboundMail senderAuthorized(SupportCase c, Account account, AuthorizedBy by, String byName, Released released, Instant now) {
        Locale lang = c.locale();
        Map<String, Object> model = released(contacts.forAccount(account), c, released, lang);
        model.put("greetName", c.senderName().map(CustomerContacts::greetName).orElse(""));
        Map<String, Object> who = new HashMap<>();
        who.put("viaColleague", by == AuthorizedBy.CONTACT);
        who.put("viaManager", by == AuthorizedBy.MANAGER);
        who.put("viaSupport", by == AuthorizedBy.SUPPORT);
        who.put("name", CustomerContacts.greetName(byName));
        model.put("authorizedBy", who);
        return mail(Text.SENDER_AUTHORIZED, MailKind.SENDER_AUTHORIZED, lang, model, c.sender(), null, null, now).about(account.id(), c.id());
    }

    /** To the colleague who authorized the sender with one click: thank you, what it did, and what to do if it was a mistake. */
    public OutboundMail authorizerThanked(SupportCase c, Account account, Contact to, Released released, Instant now) {
        Locale lang = to.locale();
        Map<String, Object> model = released(contacts.forAccount(account), c, released, lang);
        model.put("recipientName", CustomerContacts.greetName(to));
        return mail(Text.AUTHORIZER_THANKED, MailKind.AUTHORIZER_THANKED, lang, model, to.address().value(), null, null, now)
                .about(account.id(), c.id());
    }

    /**
     * To a person of the company who wrote to us about a notice and waits for their address to be confirmed:
     * the notice was stopped because they paid, in one sentence, and by when they hear from us.
     *
     * @param greetName their name when it is a person's (see Insiders), else null
     * @param topic     what their first message was about
     */
    public OutboundMail noticeNews(SupportCase c, String greetName, String topic, Reassurance fact, Instant answerBy, String inReplyTo,
                                   Instant now) {
        Locale lang = c.locale();
        // the support desk, as in the reply they got: nothing of the account's but the fact itself
        Map<String, Object> model = contacts.forStranger();
        model.put("reference", c.reference());
        model.put("greetName", greetName == null ? "" : greetName);
        model.put("topic", topic);
        model.put("reassurance", fact.model(lang));
        model.put("deadline", Map.of("when", Days.moment(answerBy, zone, lang)));
        return mail(Text.NOTICE_NEWS, MailKind.NOTICE_NEWS, lang, model, c.sender(), inReplyTo, null, now).about(c.accountId().orElse(null), c.id());
    }

    /**
     * To a registered contact of the account who wrote to support about a notice since it was submitted: the notice was
     * stopped because they paid, in one sentence, signed with the company's name, with their personal manager to turn to.
     * No reference and no deadline: their message went to the helpdesk as it is, and no case of ours waits on it; no
     * "your address waits" paragraph, theirs is registered.
     *
     * @param topic     what their message was about
     * @param inReplyTo their message's Message-ID, to thread under it; null when it has none we can use
     */
    public OutboundMail noticeNewsToContact(Account account, Contact to, String topic, Reassurance fact, String inReplyTo, Instant now) {
        Locale lang = to.locale();
        Map<String, Object> model = contacts.forAccount(account);
        model.put("reference", "");
        model.put("greetName", CustomerContacts.greetName(to));
        model.put("topic", topic);
        model.put("reassurance", fact.model(lang));
        model.put("nextStep", false);
        model.put("deadline", false);
        return mail(Text.NOTICE_NEWS, MailKind.NOTICE_NEWS, lang, model, to.address().value(), inReplyTo, null, now).about(account.id(), null);
    }

    private Map<String, Object> released(Map<String, Object> model, SupportCase c, Released released, Locale lang) {
        model.put("reference", c.reference());
        Map<String, Object> sender = new HashMap<>();
        sender.put("address", c.sender());
        sender.put("name", c.senderName().map(CustomerContacts::greetName).orElse(""));
        model.put("sender", sender);
        List<String> topics = released.topics().stream().filter(t -> !t.isBlank()).toList();
        boolean ru = lang.getLanguage().equals("ru");
        model.put("released", released.topics().isEmpty() ? false : Map.of("one", released.topics().size() == 1,
                "topics", String.join(", ", topics.stream().map(t -> ru ? "«" + t + "»" : "\"" + t + "\"").toList())));
        model.put("laterHeld", released.stillHeld() == 0 ? false : Map.of("count", released.stillHeld()));
        model.put("deadline", Map.of("when", Days.moment(released.answerBy(), zone, lang)));
        return model;
    }

    private OutboundMail mail(Text text, MailKind kind, Locale lang, Map<String, Object> model, String to, String inReplyTo, Long inboundId,
                              Instant now) {
        Rendered r = templates.render(text, lang, model);
        String id = messageIds.next();
        var draft = composer.draft(id, r).from(addresses.frontdesk().value(), addresses.senderName(lang)).to(List.of(to))
                .header("Auto-Submitted", inboundId == null ? "auto-generated" : "auto-replied")
                .header("Reply-To", contacts.support().email());
        if (inReplyTo != null) {
            draft.header("In-Reply-To", inReplyTo).header("References", inReplyTo);
        }
        return new OutboundMail(kind, id, addresses.frontdesk().value(), List.of(to), draft.write(now), inboundId, now);
    }

    /** Every key these templates use, with sample values, for the start-up check (see CaseTexts.sample). */
    public static Map<String, Object> sample() {
        Map<String, Object> m = new HashMap<>();
        m.put("greetName", "Алексей Волков");
        m.put("orderNumber", "118");
        m.put("orderDate", "20.11.2026");
        m.put("released", Map.of("one", true, "topics", "\"Suspension notice?\""));
        m.put("laterHeld", Map.of("count", 2));
        m.put("authorizedBy", Map.of("viaColleague", true, "viaManager", false, "viaSupport", false, "name", "Anna"));
        m.put("reassurance", Reassurance.sample());
        return m;
    }
}
