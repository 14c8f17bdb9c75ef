package app.frontdesk.application.texts;

import java.util.EnumSet;
import java.util.Set;

/** Every text Frontdesk writes to people, with the parts each must have. */
public enum Text {
    /** To a sender who is not an authorized contact. */
    SENDER_REPLY("sender-reply", true, EnumSet.allOf(Part.class)),
    /** To the account's authorized contact: someone asked to act for you; authorize or reject. */
    AUTHORIZE_REQUEST("authorize-request", true, EnumSet.allOf(Part.class)),
    /** To an authorized contact: mail in your name failed verification. */
    UNVERIFIED_CONTACT("unverified-contact", true, EnumSet.allOf(Part.class)),
    /** To a stranger who proved they write from inside one customer's company: by name, their subject, one reassuring fact. */
    INSIDER_REPLY("insider-reply", true, EnumSet.allOf(Part.class)),
    /** To the contact who mailed a payment order: received, and no reminders until a business day. */
    PAYMENT_ORDER_RECEIVED("payment-order-received", true, EnumSet.allOf(Part.class)),
    /** To a sender just authorized: the message reached support, the address works now. */
    SENDER_AUTHORIZED("sender-authorized", true, EnumSet.allOf(Part.class)),
    /** To the contact who authorized a sender with one click: thank you, and what it did. */
    AUTHORIZER_THANKED("authorizer-thanked", true, EnumSet.allOf(Part.class)),
    /** To a person of the company who wrote about a notice: it was stopped because they paid. */
    NOTICE_NEWS("notice-news", true, EnumSet.allOf(Part.class)),
    /** To a sender whose case a person rejected: the person's own words, what the sender can do, by when, whom to ask. */
    REJECTION_REPLY("rejection-reply", true, EnumSet.allOf(Part.class)),
    /** To the customer after we got something wrong (seed 003): the mistake named, an apology, what was fixed and what changes, a question, an offer, a person. */
    RECOVERY("recovery", true, EnumSet.allOf(Part.class)),
    /** To the personal manager (or triage): what happened and what to do. */
    MANAGER_ALERT("manager-alert", true, EnumSet.of(Part.DEADLINE, Part.NEXT_STEP)),
    /** To the personal manager: what the hourly limit held back. */
    MANAGER_DIGEST("manager-digest", true, EnumSet.of(Part.NEXT_STEP)),
    /** To the personal manager and the support lead: a red flag, with the history and the playbook. */
    RED_FLAG_ALERT("red-flag-alert", true, EnumSet.of(Part.NEXT_STEP)),
    /** To the support lead: promises overdue; to a manager: a recovery the customer is owed. */
    TASK_ALERT("task-alert", true, EnumSet.of(Part.DEADLINE, Part.NEXT_STEP)),
    /** To a colleague a support lead handed a case to. */
    CASE_HANDOVER("case-handover", true, EnumSet.of(Part.DEADLINE, Part.NEXT_STEP)),
    /** To the administrator: a message quarantined, senders that cannot be verified, deliveries refused (plain text). */
    ADMIN_ALERT("admin-alert", true, false, EnumSet.of(Part.NEXT_STEP)),
    /** To billing: a held notice was released or blocked (plain text). */
    BILLING_UPDATE("billing-update", true, false, EnumSet.of(Part.NEXT_STEP)),
    /** To the personal manager: a suspension notice is held, with the notice as billing wrote it (plain text). */
    NOTICE_HELD("notice-held", true, false, EnumSet.of(Part.NEXT_STEP)),
    /** To the personal manager: a customer's payment order was recorded and what it holds (plain text). */
    PAYMENT_ORDER_NOTED("payment-order-noted", true, false, EnumSet.of(Part.NEXT_STEP)),
    /** To a manager who passed on a payment order: which of their accounts is it for? (plain text) */
    PAYMENT_ORDER_UNCLEAR("payment-order-unclear", true, false, EnumSet.of(Part.NEXT_STEP)),
    /** The page a one-click link opens: says what the button will do. */
    ACTION_CONFIRM("action-confirm", false, EnumSet.noneOf(Part.class)),
    /** The page after the button: what happened, or why nothing did. */
    ACTION_DONE("action-done", false, EnumSet.of(Part.CONTACT));

    /** The texts staff read: in the staff's language, from and signed with the company's name, never the product's. */
    public static final Set<Text> FOR_STAFF = Set.copyOf(EnumSet.of(MANAGER_ALERT, MANAGER_DIGEST, RED_FLAG_ALERT, CASE_HANDOVER,
            ADMIN_ALERT, BILLING_UPDATE, NOTICE_HELD, PAYMENT_ORDER_NOTED, PAYMENT_ORDER_UNCLEAR,
            TASK_ALERT));

    private final String file;
    private final boolean mail;
    private final boolean html;
    private final Set<Part> required;

    Text(String file, boolean mail, Set<Part> required) {
        this(file, mail, true, required);
    }

    /** @param html whether a mail has an HTML alternative beside its plain text (a page always is HTML) */
    Text(String file, boolean mail, boolean html, Set<Part> required) {
        this.file = file;
        this.mail = mail;
        this.html = html || !mail;
        this.required = required;
    }

    /** The file name stem: {@code <stem>.<language>.txt} and {@code .html}. */
    public String file() {
        return file;
    }

    /** A mail has a subject and a plain-text body; a page is HTML only. */
    public boolean isMail() {
        return mail;
    }

    /** False for a plain-text mail (internal mails to staff that need no layout). */
    public boolean hasHtml() {
        return html;
    }

    public Set<Part> required() {
        return required;
    }
}
