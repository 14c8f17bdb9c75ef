package app.frontdesk.application.cases;

import app.frontdesk.application.contacts.CustomerContacts;
import app.frontdesk.application.Repositories;
import app.frontdesk.application.care.CareDesk;
import app.frontdesk.application.evidence.AccountSearch;
import app.frontdesk.application.evidence.Candidate;
import app.frontdesk.application.evidence.Candidates;
import app.frontdesk.application.evidence.Evidence;
import app.frontdesk.application.dunning.DunningBrief;
import app.frontdesk.application.tasks.TaskDesk;
import app.frontdesk.application.texts.Languages;
import app.frontdesk.application.texts.Question;
import app.frontdesk.domain.model.account.Account;
import app.frontdesk.domain.model.account.Contact;
import app.frontdesk.domain.model.account.ContactChannel;
import app.frontdesk.domain.model.care.ExperienceKind;
import app.frontdesk.domain.model.supportcase.CaseKind;
import app.frontdesk.domain.model.supportcase.LinkAction;
import app.frontdesk.domain.model.supportcase.SenderThrottle;
import app.frontdesk.domain.model.supportcase.SupportCase;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What happens when someone writes from an address we cannot act for: the account is looked for,
 * the message opens or joins the sender's case, the sender is told what happens next, the account's
 * authorized contact is asked, and the personal manager is alerted. The pipeline's steps call one
 * method each, in the decision's transaction ({@code repos}); the link pages and the manager's
 * resolve, reject and hand-over are in {@link CaseActions}, {@link CaseRejection} and {@link CaseHandover}.
 */
public final class UnknownSenderDesk {

    /** The timeline event that says the authorized contacts were asked (asked once per case). */
    public static final String ASKED = "authorized-contact-asked";

    private final AccountSearch search;
    private final CaseTexts texts;
    private final CaseStaffTexts staffTexts;
    private final Links links;
    private final CareDesk care;
    private final Insiders insiders;
    private final TaskDesk tasks;
    private final Map<ContactChannel, AuthorizationChannel> channels = new EnumMap<>(ContactChannel.class);

    /** @param tasks where every answer and call the case's mails promise is tracked */
    public UnknownSenderDesk(AccountSearch search, CaseTexts texts, CaseStaffTexts staffTexts, Links links, CareDesk care, Insiders insiders, TaskDesk tasks,
                             List<AuthorizationChannel> channels) {
        this.search = search;
        this.tasks = tasks;
        this.insiders = insiders;
        this.texts = texts;
        this.staffTexts = staffTexts;
        this.links = links;
        this.care = care;
        channels.forEach(ch -> this.channels.put(ch.kind(), ch));
    }

    /** The case a message opened or joined. */
    /** @param contactsAsked whether the account's authorized contacts were asked already about this case */
    public record Joined(SupportCase supportCase, boolean opened, boolean contactsAsked) {
    }

    /**
     * Ranks the accounts a stranger's message may belong to. Mail in an authorized contact's name that
     * failed verification belongs to that contact's account: the question there is not whose it is
     * but whether it is really them.
     */
    public Candidates findAccount(Repositories repos, StrangerMail mail) {
        if (!mail.contactAccounts().isEmpty()) {
            return new Candidates(mail.contactAccounts().stream()
                    .map(a -> new Candidate(a, 1.0, List.of(new Evidence("contact-address", mail.sender().value(), 1.0)))).toList());
        }
        return search.rank(repos, mail.parsed(), mail.sender(), mail.verification().passed());
    }

    /**
     * Every stranger's message belongs to a case: a new one, or the sender's case that is still open,
     * so that five messages from one person are one situation for the people who handle it.
     */
    public Joined openOrJoin(Repositories repos, StrangerMail mail) {
        String sender = mail.sender().value();
        var message = mail.message();
        Optional<Candidate> clear = mail.candidates().clear();
        Throttles.holdSender(repos, sender, mail.now()); // one case per sender, whichever worker or instance comes first
        Optional<SupportCase> open = repos.cases().openCaseOf(sender);
        if (open.isPresent()) {
            SupportCase c = open.get();
            message.joinCase(c.id());
            c.record(mail.now(), "pipeline", "message-joined", "message " + message.id() + " \"" + mail.parsed().subject() + "\"; "
                    + mail.verification().evidence() + "; " + mail.candidates().describe());
            if (c.accountId().isEmpty() && clear.isPresent()) {
                c.assignAccount(clear.get().accountId(), "pipeline", mail.now());
            }
            // asked on the case's earlier mail? Counted, not read from the timeline: a sender who wrote hundreds of times
            return new Joined(c, false, c.accountId().isPresent() && repos.cases().hasEvent(c, ASKED));
        }
        CaseSettings settings = texts.settings();
        CaseKind kind = mail.contactAccounts().isEmpty() ? CaseKind.UNKNOWN_SENDER : CaseKind.UNVERIFIED_CONTACT;
        Locale lang = Languages.detect(mail.parsed().header("Content-Language"), mail.parsed().subject() + "\n" + mail.parsed().text())
                .orElse(settings.defaultLocale());
        String displayName = mail.parsed().from().get(0).displayName();
        SupportCase c = new SupportCase(kind, sender, displayName, clear.map(Candidate::accountId).orElse(null),
                clear.map(Candidate::percent).orElse(mail.candidates().ranked().isEmpty() ? 0 : mail.candidates().ranked().get(0).percent()),
                mail.candidates().describe(), lang, mail.now(),
                settings.calendar().plusBusinessTime(mail.now(), settings.answerWithin()), mail.now().plus(settings.linkTtl()));
        repos.cases().add(c);
        c.record(mail.now(), "pipeline", "opened", "message " + message.id() + " \"" + mail.parsed().subject() + "\" from " + sender
                + "; " + mail.verification().evidence() + "; " + mail.candidates().describe());
        message.joinCase(c.id());
        // Someone of theirs had to write from an address we did not know: a bad experience of the account. When the
        // same sender's earlier case on the account was closed, the matter came back: the case is reopened in effect.
        Optional<SupportCase> earlier = repos.cases().lastClosedCaseOf(sender)
                .filter(e -> e.accountId().isPresent() && e.accountId().equals(c.accountId()) && !e.id().equals(c.id()));
        c.accountId().ifPresent(account -> care.record(repos, account,
                earlier.isPresent() ? ExperienceKind.CASE_REOPENED : ExperienceKind.UNKNOWN_SENDER_CASE,
                "case " + c.reference() + ": " + sender + earlier.map(e -> " (after " + e.reference() + ", " + e.state() + ")").orElse(""),
                message.id()));
        return new Joined(c, true, false);
    }

    /**
     * Tells the sender, in their language, that we got the message, why we cannot act on it from this
     * address, what we did, what they can do and by when they hear from us. At most one such reply per
     * sender per window (24 hours); later messages are still handled and alerted.
     *
     * @return what was sent, in words for the manager; empty when nothing was
     */
    public Optional<String> replyToSender(Repositories repos, SupportCase c, StrangerMail mail) {
        if (!Throttles.pass(repos, c.sender(), SenderThrottle.Kind.REPLY, texts.settings().replyWindow(), c.id(), mail.now())) {
            c.record(mail.now(), "pipeline", "reply-suppressed", "a reply went to " + c.sender() + " within the last "
                    + texts.settings().replyWindow().toHours() + " hours");
            return Optional.empty();
        }
        String original = mail.parsed().header("Message-ID").orElse(null);
        Optional<Insiders.Insider> insider = insiders.of(repos, c, mail);
        var reply = insider.map(who -> texts.insiderReply(c, mail.message(), original, who, mail.now()))
                .orElseGet(() -> texts.senderReply(c, mail.message(), original, c.locale(), mail.now()));
        repos.outbox().add(reply);
        tasks.promiseAnswer(repos, c, c.sender(), mail.now()); // "Мы ответим вам не позднее ...": someone owes it
        c.record(mail.now(), "pipeline", "reply-sent", "explanation in " + c.locale().getLanguage() + " to " + c.sender()
                + " (" + reply.messageId() + ")" + insider.map(who -> "; as a person of account " + who.accountId()
                + (who.greetName() == null ? "" : ", greeted as " + who.greetName())
                + who.reassurance().map(r -> ", told: " + r.kind() + (r.until() == null ? "" : " until " + r.until())).orElse("")).orElse(""));
        insider.ifPresent(who -> c.record(mail.now(), "pipeline", Insiders.ANSWERED, "account " + who.accountId() + "; told "
                + who.reassurance().map(r -> r.key()).orElse("nothing")));
        return Optional.of(SentWords.REPLY + c.sender());
    }

    /**
     * Writes through the account's authorized channel. For a stranger: who wrote, what, and what tied it
     * to the account, with "authorize this address" and "this was not us". For mail in a contact's own
     * name that failed verification: to that contact, "was it you?". Links are signed, single-use and
     * release only this message.
     *
     * @return what was sent, in words for the manager
     */
    public List<String> askAuthorizedContact(Repositories repos, SupportCase c, StrangerMail mail) {
        Account account = repos.accounts().find(c.accountId().orElseThrow()).orElseThrow();
        List<Contact> to = CustomerContacts.toAsk(account, c.sender(), c.kind() == CaseKind.UNVERIFIED_CONTACT);
        if (to.isEmpty()) {
            c.record(mail.now(), "pipeline", ASKED, "account " + account.id() + " has no authorized contact to ask");
            return List.of();
        }
        String subject = mail.parsed().subject();
        long messageId = mail.message().id();
        RedFlag redFlag = redFlag(repos, account, mail.message().id(), mail.now());
        List<String> sent = new ArrayList<>();
        for (Contact contact : to) {
            String who = contact.address().value();
            if (c.kind() == CaseKind.UNVERIFIED_CONTACT) {
                repos.outbox().add(texts.unverifiedWarning(c, account, contact, mail.message(), subject, mail.verification(),
                        links.issue(repos, c, LinkAction.CONFIRM, who, messageId), links.issue(repos, c, LinkAction.REJECT, who, messageId),
                        redFlag, mail.now()));
                sent.add(SentWords.WARNING + who);
            } else {
                AuthorizationChannel channel = channels.get(contact.channel());
                if (channel == null) {
                    throw new IllegalStateException("no adapter for channel " + contact.channel() + " of contact " + contact.id());
                }
                repos.outbox().add(channel.compose(new AuthorizationRequest(c, account, contact, mail.message(), subject,
                        mail.parsed().text(), mail.candidates().clear().map(Candidate::evidence).orElse(List.of()),
                        links.issue(repos, c, LinkAction.AUTHORIZE, who, messageId), links.issue(repos, c, LinkAction.REJECT, who, messageId),
                        redFlag, mail.now())));
                sent.add(SentWords.REQUEST + who + (contact.channel() == ContactChannel.EMAIL ? "" : " via " + contact.webhookUrl().orElse("")));
            }
        }
        c.awaitAuthorization(mail.now());
        // both mails name the answer's deadline ("мы обещали отправителю ответ не позднее ..."; "свяжемся с вами не позднее ...")
        tasks.promiseAnswer(repos, c, c.sender(), mail.now());
        c.record(mail.now(), "pipeline", ASKED, to.stream().map(k -> k.address().value()).toList() + " asked through their channel");
        return sent;
    }

    /**
     * A red-flagged account's people read what went wrong and when their manager calls: the call is a task,
     * the open one when it is still to come, so every text promises the same day. Null when not flagged.
     */
    private RedFlag redFlag(Repositories repos, Account account, long messageId, java.time.Instant now) {
        if (repos.care().flagged(List.of(account.id())).isEmpty()) {
            return null;
        }
        // what went wrong before: this very message is what the mail is about
        var history = care.redFlagHistory(repos, account.id()).stream().filter(e -> !Long.valueOf(messageId).equals(e.inboundId())).toList();
        var call = tasks.promiseCall(repos, account, lang -> tasks.words().say("why.strangerAsked", java.util.Map.of(), lang), now);
        return new RedFlag(history, call.dueAt());
    }

    /**
     * Alerts the account's personal manager (the triage address when no account is clear or it has no
     * manager) with everything needed to act: the original attached, the candidates with evidence and
     * confidence, what was already sent to whom, the deadline, and links. At most one alert per sender
     * per window (an hour); the messages it holds back go into a digest (see {@link CaseHousekeeping}).
     *
     * @param sent what the steps before sent for this message, in words
     */
    public void alertManager(Repositories repos, SupportCase c, StrangerMail mail, List<String> sent) {
        if (!Throttles.pass(repos, c.sender(), SenderThrottle.Kind.ALERT, texts.settings().alertWindow(), c.id(), mail.now())) {
            c.record(mail.now(), "pipeline", "alert-deferred", "message " + mail.message().id() + " goes into the next digest");
            return;
        }
        Optional<Account> account = c.accountId().flatMap(id -> repos.accounts().find(id));
        String to = account.flatMap(Account::manager).map(m -> m.address().value()).orElse(texts.settings().triage().value());
        String managerName = account.flatMap(Account::manager).map(m -> m.name()).orElse(null);
        Map<Long, String> names = new HashMap<>();
        mail.candidates().ranked().stream().limit(5).forEach(k -> repos.accounts().find(k.accountId()).ifPresent(a -> names.put(a.id(), a.name())));
        String authorize = null;
        String reject = null;
        if (account.isPresent() && c.kind() == CaseKind.UNKNOWN_SENDER && !c.state().isClosed()) {
            authorize = links.issue(repos, c, LinkAction.AUTHORIZE, to, mail.message().id());
            reject = links.issue(repos, c, LinkAction.REJECT, to, mail.message().id());
        }
        var reader = staffTexts.staffReader(repos, to);
        var facts = new CaseStaffTexts.AlertFacts(managerName, account.map(Account::name).orElse(null), mail.candidates().ranked(), names,
                mail.parsed().subject(), excerpt(mail.parsed().text()), mail.verification(), null, sent,
                authorize, reject, c.kind() == CaseKind.UNVERIFIED_CONTACT,
                account.map(a -> DunningBrief.of(repos, a.id(), mail.now())).orElse(null), Question.of(mail.parsed().text()),
                tasks.lines(repos, c.accountId(), Optional.of(c.id()), reader, mail.now()));
        repos.outbox().add(staffTexts.managerAlert(c, mail.message(), to, reader, facts, mail.now()));
        c.record(mail.now(), "pipeline", "manager-alerted", to);
    }

    private static String excerpt(String text) {
        return text.length() <= 1500 ? text.strip() : text.substring(0, 1500).strip() + "\n...";
    }
}
