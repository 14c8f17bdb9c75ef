package app.frontdesk.application.cases;

import app.frontdesk.domain.model.calendar.BusinessCalendar;
import app.frontdesk.application.MailAddresses;
import app.frontdesk.application.care.WentWrong;
import app.frontdesk.application.contacts.CustomerContacts;
import app.frontdesk.application.evidence.Evidence;
import app.frontdesk.application.outbox.MailComposer;
import app.frontdesk.application.news.Days;
import app.frontdesk.application.outbox.MessageIds;
import app.frontdesk.application.verification.Verification;
import app.frontdesk.application.verification.VerificationWords;
import app.frontdesk.application.texts.Rendered;
import app.frontdesk.application.texts.TemplateLibrary;
import app.frontdesk.application.texts.Text;
import app.frontdesk.domain.model.account.Account;
import app.frontdesk.domain.model.account.Contact;
import app.frontdesk.domain.model.inbound.InboundMessage;
import app.frontdesk.domain.model.outbox.MailKind;
import app.frontdesk.domain.model.outbox.OutboundMail;
import app.frontdesk.domain.model.supportcase.LinkAction;
import app.frontdesk.domain.model.supportcase.SupportCase;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every text of a case that a customer reads (the replies to the sender, the mails to authorized contacts, the
 * link pages), from its template: the model each template gets is built here and nowhere else, and
 * {@link #sample(Text)} gives the same keys for the start-up check. The mails to staff are {@link CaseStaffTexts}.
 */
public final class CaseTexts {

    private final TemplateLibrary templates;
    private final MailComposer composer;
    private final MessageIds messageIds;
    private final MailAddresses addresses;
    private final CaseSettings settings;
    private final CustomerContacts contacts;

    public CaseTexts(TemplateLibrary templates, MailAddresses addresses, MessageIds messageIds, CaseSettings settings) {
        this.templates = templates;
        this.composer = new MailComposer(addresses.frontdesk().domain());
        this.messageIds = messageIds;
        this.addresses = addresses;
        this.settings = settings;
        this.contacts = new CustomerContacts(addresses, settings.support()); // case mails name the desk, never the manager (see SupportContact)
    }

    public CaseSettings settings() {
        return settings;
    }

    /** One of the gateway's own addresses: we never write to ourselves. */
    boolean isOurs(String address) {
        return app.frontdesk.domain.model.account.EmailAddress.parse(address)
                .filter(a -> a.equals(addresses.frontdesk()) || a.equals(addresses.helpdesk()) || a.equals(addresses.admin())).isPresent();
    }

    /**
     * The explanation to the sender. Its model holds nothing about any account, so the text is the
     * same whether or not one matched: only reference, date and language differ.
     */
    public OutboundMail senderReply(SupportCase c, InboundMessage message, String originalMessageId, Locale lang, Instant now) {
        Map<String, Object> model = common(c, lang);
        model.put("received", format(message.receivedAt(), lang));
        return autoReply(Text.SENDER_REPLY, c, message, originalMessageId, lang, model, now);
    }

    /**
     * The reply to a person who proved they write from inside the case's company (see {@link Insiders}): the
     * explanation of {@link #senderReply}, greeting them by name, taking up their subject, and saying the one
     * reassuring fact about the account's dunning, if there is one.
     */
    public OutboundMail insiderReply(SupportCase c, InboundMessage message, String originalMessageId, Insiders.Insider who, Instant now) {
        Locale lang = c.locale();
        Map<String, Object> model = common(c, lang);
        model.put("received", format(message.receivedAt(), lang));
        model.putAll(who.model(lang));
        return autoReply(Text.INSIDER_REPLY, c, message, originalMessageId, lang, model, now);
    }

    private OutboundMail autoReply(Text text, SupportCase c, InboundMessage message, String originalMessageId, Locale lang,
                                   Map<String, Object> model, Instant now) {
        Rendered r = templates.render(text, lang, model);
        String id = messageIds.next();
        var draft = composer.draft(id, r).from(addresses.frontdesk().value(), settings.support().name())
                .to(List.of(c.sender()))
                .header("Auto-Submitted", "auto-replied")
                .header("X-Auto-Response-Suppress", "All")
                .header("Precedence", "auto_reply")
                .header("Reply-To", settings.support().email());
        if (originalMessageId != null) {
            draft.header("In-Reply-To", originalMessageId).header("References", originalMessageId);
        }
        // Null reverse-path (RFC 3834 section 3.3): a bounce of this reply goes nowhere, so it cannot loop.
        return new OutboundMail(MailKind.SENDER_REPLY, id, settings.autoReplyEnvelopeFrom(), List.of(c.sender()), draft.write(now), message.id(), now)
                .about(null, c.id());
    }

    /**
     * The reply a person wrote when rejecting a case, in the case's language, inside the template that says what the
     * sender can do (by the case's kind: a stranger writes from a registered address, a contact whose mail could not be
     * confirmed calls or writes again), by when and whom to ask, signed with the company's name. Rendered apart from
     * the mail so that the wording check reads exactly what the sender will.
     */
    public Rendered rejectionReply(SupportCase c, String reply, Instant answerBy) {
        Locale lang = c.locale();
        Map<String, Object> model = common(c, lang); // the desk and the company, nothing of the account: the sender was not confirmed
        model.put("deadline", Map.of("when", format(answerBy, lang)));
        model.put("greetName", c.senderName().map(CustomerContacts::greetName).orElse(""));
        model.put("reply", reply);
        // the advice follows why the case was opened: only a stranger is told to write from a registered address
        model.put(switch (c.kind()) {
            case UNKNOWN_SENDER -> "unknownSender";
            case UNVERIFIED_CONTACT -> "unverifiedContact";
        }, true);
        return templates.render(Text.REJECTION_REPLY, lang, model);
    }

    /**
     * The rejection reply as a mail: answering the sender's first message, from a null reverse path (a bounce of it goes
     * nowhere, so it cannot loop) and marked as not to be answered automatically.
     */
    public OutboundMail rejectionReplyMail(SupportCase c, InboundMessage first, String originalMessageId, Rendered r, Instant now) {
        String id = messageIds.next();
        var draft = composer.draft(id, r).from(addresses.frontdesk().value(), settings.support().name())
                .to(List.of(c.sender()))
                .header("X-Auto-Response-Suppress", "All")
                .header("Reply-To", settings.support().email());
        if (originalMessageId != null) {
            draft.header("In-Reply-To", originalMessageId).header("References", originalMessageId);
        }
        return new OutboundMail(MailKind.REJECTION_REPLY, id, settings.autoReplyEnvelopeFrom(), List.of(c.sender()), draft.write(now), first.id(),
                now).about(c.accountId().orElse(null), c.id());
    }

    /** To one authorized contact: who wrote, what, what tied it to you; authorize or reject. */
    public OutboundMail authorizationRequest(SupportCase c, Account account, Contact to, InboundMessage message, String subject,
                                             String text, List<Evidence> evidence, String authorizeUrl, String rejectUrl, RedFlag redFlag,
                                             Instant now) {
        Locale lang = to.locale();
        Map<String, Object> model = toContact(c, account, to, subject, rejectUrl, redFlag, lang, now);
        model.put("excerpt", Excerpt.of(text));
        model.put("evidence", evidence.stream().map(e -> describe(e, lang)).toList());
        model.put("authorizeUrl", authorizeUrl);
        return mail(Text.AUTHORIZE_REQUEST, MailKind.AUTHORIZATION_REQUEST, c, message, lang, model, List.of(to.address().value()),
                account.id(), now);
    }

    /**
     * To an authorized contact: mail came in your name and failed verification. What the checks found is said in
     * words ({@link VerificationWords}); the verifier's own output ("spf=softfail, dkim=fail") is not in the model.
     */
    public OutboundMail unverifiedWarning(SupportCase c, Account account, Contact to, InboundMessage message, String subject,
                                          Verification verification, String confirmUrl, String rejectUrl, RedFlag redFlag, Instant now) {
        Locale lang = to.locale();
        Map<String, Object> model = toContact(c, account, to, subject, rejectUrl, redFlag, lang, now);
        model.put("checkWords", VerificationWords.of(verification, lang));
        model.put("confirmUrl", confirmUrl);
        return mail(Text.UNVERIFIED_CONTACT, MailKind.UNVERIFIED_CONTACT_WARNING, c, message, lang, model,
                List.of(to.address().value()), account.id(), now);
    }

    /** What both mails to an authorized contact say: to whom, about which account, who wrote, and the "not us" link. */
    private Map<String, Object> toContact(SupportCase c, Account account, Contact to, String subject, String rejectUrl, RedFlag redFlag,
                                          Locale lang, Instant now) {
        Map<String, Object> model = common(c, lang);
        model.put("redFlag", redFlag != null); // the red-flag wording: name what went wrong, apologise, promise a call
        model.put("wentWrong", redFlag == null ? List.of() : WentWrong.forCustomer(redFlag.history(), lang));
        // the call is promised for the day its task falls due, a day the manager works, in the customer's time zone
        // (never "today" on a Saturday)
        BusinessCalendar calendar = account.timeZone().map(z -> settings.calendar().inZone(z)).orElse(settings.calendar());
        model.put("callWhen", redFlag == null ? callDay(calendar, now, lang) : Days.callDay(calendar.zone(), now, redFlag.callDue(), lang));
        model.put("recipientName", CustomerContacts.greetName(to)); // "Бухгалтерия" is greeted as nobody
        model.put("accountName", account.name());
        model.put("sender", sender(c));
        model.put("subject", subject);
        model.put("rejectUrl", rejectUrl);
        model.put("linksExpire", format(c.expiresAt(), lang));
        return model;
    }

    /** The page a link opens (GET), with the button that acts (POST). */
    public String confirmPage(LinkAction action, SupportCase c, String formUrl, Locale lang) {
        Map<String, Object> model = common(c, lang);
        model.put("sender", sender(c));
        model.put("formUrl", formUrl);
        model.put("authorize", action == LinkAction.AUTHORIZE);
        model.put("reject", action == LinkAction.REJECT);
        model.put("confirm", action == LinkAction.CONFIRM);
        return templates.render(Text.ACTION_CONFIRM, lang, model).html();
    }

    /** The page after the button, or for a link that is invalid, used or expired. */
    public String donePage(String outcome, SupportCase c, Locale lang) {
        return donePage(outcome, c, List.of(), lang);
    }

    /**
     * The page after a button, with the sender's later messages that the button did not release
     * ({@code stillHeld}): the person who pressed it learns they are kept, not lost or passed on.
     */
    public String donePage(String outcome, SupportCase c, List<InboundMessage> stillHeld, Locale lang) {
        Map<String, Object> model = c == null ? contacts.forStranger() : common(c, lang);
        model.put("stillHeld", stillHeld.isEmpty() ? false : Map.of("count", stillHeld.size(), "messages", stillHeld.stream()
                .map(m -> Map.of("subject", m.subject() == null ? "" : m.subject(), "received", format(m.receivedAt(), lang))).toList()));
        model.putIfAbsent("reference", "");
        model.put("sender", c == null ? Map.of("address", "", "name", "") : sender(c));
        for (String o : List.of("authorized", "rejected", "confirmed", "alreadyDone", "invalid")) {
            model.put(o, o.equals(outcome));
        }
        return templates.render(Text.ACTION_DONE, lang, model).html();
    }

    private OutboundMail mail(Text text, MailKind kind, SupportCase c, InboundMessage message, Locale lang, Map<String, Object> model,
                              List<String> to, Long accountId, Instant now) {
        Rendered r = templates.render(text, lang, model);
        String id = messageIds.next();
        var draft = composer.draft(id, r).from(addresses.frontdesk().value(), settings.support().name()).to(to)
                .header("Auto-Submitted", "auto-generated").header("Reply-To", settings.support().email());
        return new OutboundMail(kind, id, addresses.frontdesk().value(), to, draft.write(now), message.id(), now)
                .about(accountId, c.id());
    }

    private Map<String, Object> common(SupportCase c, Locale lang) {
        Map<String, Object> model = contacts.forStranger(); // signed with the company's name; the desk to turn to, nothing of the account
        model.put("reference", c.reference());
        model.put("deadline", Map.of("when", format(c.dueAt(), lang)));
        return model;
    }

    /** The case's sender as every template names them: address and name. */
    static Map<String, Object> sender(SupportCase c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("address", c.sender());
        m.put("name", c.senderName().orElse(""));
        return m;
    }

    /** When a person can call, in words (see {@link Days#callDay}). */
    static String callDay(BusinessCalendar calendar, Instant now, Locale lang) {
        return Days.callDay(calendar, now, lang);
    }

    String format(Instant t, Locale lang) {
        return Days.moment(t, settings.calendar().zone(), lang); // Russian without the weekday: "до 27 ноября" reads right where "до пятница" would not
    }

    static String describe(Evidence e, Locale lang) {
        boolean ru = lang.getLanguage().equals("ru");
        String what = switch (e.kind()) {
            case "domain", "unverified-domain" -> ru ? "домен адреса" : "address domain";
            case "invoice" -> ru ? "номер счёта" : "invoice number";
            case "contract" -> ru ? "номер договора" : "contract number";
            case "account-number" -> ru ? "номер лицевого счёта" : "account number";
            case "inn" -> ru ? "ИНН" : "tax ID (INN)";
            case "kpp" -> ru ? "КПП" : "KPP";
            case "phone" -> ru ? "телефон" : "phone";
            case "name" -> ru ? "название компании" : "company name";
            case "reply-to-our-mail" -> ru ? "ответ на наше письмо" : "a reply to our mail";
            case "contact-address" -> ru ? "адрес уполномоченного контакта" : "an authorized contact's address";
            default -> e.kind();
        };
        return what + " " + e.value() + (e.kind().equals("unverified-domain") ? (ru ? " (не подтверждён)" : " (not verified)") : "");
    }

    /** A model with every key the templates of {@code text} may use, for the start-up check (see {@link TextSamples}). */
    public static Map<String, Object> sample(Text text) {
        return TextSamples.of(text);
    }
}
