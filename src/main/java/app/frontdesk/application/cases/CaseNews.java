package app.frontdesk.application.cases;

import app.frontdesk.application.Repositories;
import app.frontdesk.application.dunning.NoticeStopped;
import app.frontdesk.application.dunning.PaymentNews;
import app.frontdesk.application.news.CustomerNews;
import app.frontdesk.application.news.Reassurance;
import app.frontdesk.application.texts.Topic;
import app.frontdesk.domain.model.account.Account;
import app.frontdesk.domain.model.account.Contact;
import app.frontdesk.domain.model.audit.AuditEvent;
import app.frontdesk.domain.model.billing.Notice;
import app.frontdesk.domain.model.inbound.InboundMessage;
import app.frontdesk.domain.model.inbound.Route;
import app.frontdesk.domain.model.supportcase.CaseEvent;
import app.frontdesk.domain.model.supportcase.CaseKind;
import app.frontdesk.domain.model.supportcase.SupportCase;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * When Frontdesk holds or blocks a notice because the customer paid, the people of theirs who already
 * wrote to us about it hear it at once (issue 14, item 2), each fact once per address, whichever way they wrote:
 * <ul>
 * <li>senders of an open unknown-sender case whom the reply answered as a person of the company ({@link Insiders},
 *     so nobody else learns anything of the account), when they wrote about the notice (a reply to our notice, a
 *     subject about payment or suspension) or the reply already spoke of it;</li>
 * <li>registered contacts of the account whose own message, verified and passed on to the helpdesk for this account,
 *     arrived between the notice's submission and now, with a subject about payment or suspension. A message from
 *     before the notice existed is not about it; a message that carried a payment order does not count either (its
 *     acknowledgement already told its sender that no notice comes while it goes through the bank). Automatic mail
 *     and mail without a return path never reach the helpdesk route, so no news answers an auto-reply.</li>
 * </ul>
 * What was told is recorded: in the case's timeline for a case, in the account's audit log for a contact; either
 * record keeps the same fact from going to the same address twice.
 */
public final class CaseNews implements NoticeStopped {

    /** The timeline event that says what the sender was told about the account's notices since the reply. */
    static final String TOLD = "notice-news-sent";

    /** A contact's message counts among at most this many of the account's latest since the notice (a flood tells nobody more). */
    private static final int CONTACT_MESSAGES = 500;

    /** Subjects that are about a payment, a reminder or a suspension (ru and en). */
    private static final Pattern ABOUT_DUNNING = Pattern.compile("(?iu)приостанов|отключ|уведомлени|задолженн|напоминани|оплат|платёж|платеж"
            + "|счёт|счет|suspen|switch.?off|cut.?off|notice|overdue|reminder|payment|invoice|paid");

    private final PaymentNews payments;
    private final CustomerNews news;
    private final CaseSettings settings;

    public CaseNews(PaymentNews payments, CustomerNews news, CaseSettings settings) {
        this.payments = payments;
        this.news = news;
        this.settings = settings;
    }

    @Override
    public void stoppedForPayment(Repositories repos, Notice notice, Instant now) {
        long accountId = notice.accountId();
        Optional<Reassurance> fact = payments.about(repos, accountId, now);
        Optional<Account> account = repos.accounts().find(accountId);
        if (fact.isEmpty() || account.isEmpty()) {
            return;
        }
        Set<String> told = toldOnAccount(repos, accountId, fact.get().key());
        tellCaseSenders(repos, account.get(), fact.get(), told, now);
        tellContacts(repos, account.get(), notice, fact.get(), told, now);
    }

    private void tellCaseSenders(Repositories repos, Account account, Reassurance fact, Set<String> told, Instant now) {
        String key = fact.key();
        for (SupportCase c : repos.cases().openCasesOf(account.id())) {
            Optional<CaseEvent> answered = c.timeline().stream().filter(e -> e.kind().equals(Insiders.ANSWERED)).reduce((a, b) -> b);
            if (toldInCase(c, key)) {
                told.add(lower(c.sender())); // heard it in this case: not again as a contact either
                continue;
            }
            if (c.kind() != CaseKind.UNKNOWN_SENDER || answered.isEmpty() || told.contains(lower(c.sender()))) {
                continue;
            }
            List<InboundMessage> messages = repos.inbound().inCase(c.id());
            boolean aboutIt = !answered.get().detail().endsWith("told nothing") || String.valueOf(c.evidence()).contains("reply-to-our-mail")
                    || messages.stream().anyMatch(m -> aboutDunning(m.subject()));
            if (!aboutIt) {
                continue;
            }
            InboundMessage first = messages.isEmpty() ? null : messages.get(0);
            Instant answerBy = c.dueAt().isAfter(now) ? c.dueAt() : settings.calendar().plusBusinessTime(now, settings.answerWithin());
            repos.outbox().add(news.noticeNews(c, c.senderName().flatMap(n -> Insiders.greetName(n, account)).orElse(null),
                    Topic.of(first == null ? null : first.subject()), fact, answerBy, threadUnder(first), now));
            c.record(now, "frontdesk", TOLD, c.sender() + " told " + key);
            told.add(lower(c.sender()));
        }
    }

    /**
     * The account's registered contacts who wrote about the notice since it was submitted (see the class comment), each
     * told once, in their language, under their first such message.
     */
    private void tellContacts(Repositories repos, Account account, Notice notice, Reassurance fact, Set<String> told, Instant now) {
        Map<String, InboundMessage> firstByAddress = new LinkedHashMap<>();
        Set<Long> paymentOrders = new HashSet<>();
        repos.billing().evidenceOf(account.id(), CONTACT_MESSAGES).forEach(e -> paymentOrders.add(e.inboundId()));
        for (InboundMessage m : repos.inbound().ofAccountSince(account.id(), notice.createdAt(), CONTACT_MESSAGES)) {
            boolean verifiedContactMail = m.route() == Route.HELPDESK && m.fromAddress() != null && hasReturnPath(m);
            if (verifiedContactMail && !paymentOrders.contains(m.id()) && !m.receivedAt().isAfter(now) && aboutDunning(m.subject())) {
                firstByAddress.put(lower(m.fromAddress()), m); // newest first: the last put is their first message
            }
        }
        for (Contact contact : account.contacts()) {
            String address = lower(contact.address().value());
            InboundMessage first = firstByAddress.get(address);
            if (first == null || told.contains(address) || toldAsCaseSender(repos, address, fact.key())) {
                continue;
            }
            repos.outbox().add(news.noticeNewsToContact(account, contact, Topic.of(first.subject()), fact, threadUnder(first), now));
            repos.audit().record(new AuditEvent(now, "frontdesk", TOLD, "account", account.id(), toldDetail(address, fact.key())));
            told.add(address);
        }
    }

    /** The addresses the account's audit log says were told this fact. */
    private static Set<String> toldOnAccount(Repositories repos, long accountId, String key) {
        Set<String> told = new HashSet<>();
        String suffix = " told " + key;
        for (AuditEvent e : repos.audit().about("account", accountId)) {
            if (e.action().equals(TOLD) && e.detail() != null && e.detail().endsWith(suffix)) {
                told.add(e.detail().substring(0, e.detail().length() - suffix.length()));
            }
        }
        return told;
    }

    private static String toldDetail(String address, String key) {
        return address + " told " + key;
    }

    /**
     * A contact authorized from a case may have heard the fact there, as its sender (the reply or the news). Open cases
     * were seen by {@link #tellCaseSenders}; this reads the closed one without a lock (the account's lock is held).
     */
    private static boolean toldAsCaseSender(Repositories repos, String address, String key) {
        return repos.cases().lastClosedCaseOf(address).map(c -> toldInCase(c, key)).orElse(false);
    }

    private static boolean toldInCase(SupportCase c, String key) {
        return c.timeline().stream().anyMatch(e -> (e.kind().equals(Insiders.ANSWERED) || e.kind().equals(TOLD))
                && e.detail() != null && e.detail().endsWith(key));
    }

    private static boolean aboutDunning(String subject) {
        return subject != null && ABOUT_DUNNING.matcher(subject).find();
    }

    /** A bounce or a system message has no return path: never answered, whatever route it took. */
    private static boolean hasReturnPath(InboundMessage m) {
        String sender = m.envelope().sender();
        return sender == null || !sender.isBlank() && !sender.equals("<>");
    }

    private static String lower(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }

    /** Their first message's Message-ID, to thread under it, when it is one (never copy a strange value into a header). */
    private static String threadUnder(InboundMessage first) {
        String id = first == null || first.messageId() == null ? "" : first.messageId().strip();
        return id.matches("<[^<>\\s]{1,900}>") ? id : null;
    }
}
