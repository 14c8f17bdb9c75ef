package app.frontdesk.application.cases;

import app.frontdesk.application.Repositories;
import app.frontdesk.application.Transactions;
import app.frontdesk.application.news.CustomerNews;
import app.frontdesk.application.outbox.HelpdeskForward;
import app.frontdesk.application.texts.Topic;
import app.frontdesk.domain.model.account.Account;
import app.frontdesk.domain.model.account.Contact;
import app.frontdesk.domain.model.account.EmailAddress;
import app.frontdesk.domain.model.audit.AuditEvent;
import app.frontdesk.domain.model.inbound.InboundMessage;
import app.frontdesk.domain.model.inbound.Route;
import app.frontdesk.domain.model.supportcase.ActionLink;
import app.frontdesk.domain.model.supportcase.CaseKind;
import app.frontdesk.domain.model.supportcase.CaseState;
import app.frontdesk.domain.model.supportcase.SupportCase;
import app.frontdesk.domain.model.staff.Viewer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What people do with a case: press a one-click button, resolve it or note on it in the console (rejecting is
 * {@link CaseRejection}, handing over {@link CaseHandover}).
 * Authorizing adds the sender as a contact (audited) and releases held messages to the helpdesk, in
 * one transaction with closing the case. A one-click link releases only the message its mail named:
 * later messages in the case were never shown to the person who pressed it, and may be forgeries in
 * the same name; they stay held, listed in the case, which stays open for the manager.
 */
public final class CaseActions {

    private final Transactions transactions;
    private final Clock clock;
    private final Links links;
    private final CaseTexts texts;
    private final HelpdeskForward forward;
    private final CustomerNews news;
    private final CaseRejection rejection;

    /** @param rejection what the "this was not us" link does (the console and the API reject there directly) */
    public CaseActions(Transactions transactions, Clock clock, Links links, CaseTexts texts, HelpdeskForward forward, CustomerNews news,
                       CaseRejection rejection) {
        this.news = news;
        this.rejection = rejection;
        this.transactions = transactions;
        this.clock = clock;
        this.links = links;
        this.texts = texts;
        this.forward = forward;
    }

    /** The language of a link page when the browser names none we have. */
    public Locale defaultLanguage() {
        return texts.settings().defaultLocale();
    }

    /** The page a link opens (GET). It changes nothing, so mail scanners that follow links do no harm. */
    public String open(String token, Locale lang) {
        Optional<LinkSigner.Claim> claim = links.signer().verify(token);
        if (claim.isEmpty()) {
            return texts.donePage("invalid", null, lang);
        }
        return transactions.inTransaction(repos -> {
            Optional<ActionLink> link = repos.cases().lockLink(claim.get().linkId());
            Optional<SupportCase> c = link.flatMap(l -> repos.cases().find(l.caseId()));
            if (link.isEmpty() || c.isEmpty() || link.get().action() != claim.get().action()) {
                return texts.donePage("invalid", null, lang);
            }
            if (!link.get().usable(clock.instant()) || c.get().state().isClosed()) {
                return texts.donePage("alreadyDone", c.get(), lang);
            }
            return texts.confirmPage(link.get().action(), c.get(), links.url(token), lang);
        });
    }

    /** The button (POST): does what the link says, once. */
    public String press(String token, Locale lang) {
        Optional<LinkSigner.Claim> claim = links.signer().verify(token);
        if (claim.isEmpty()) {
            return texts.donePage("invalid", null, lang);
        }
        return transactions.inTransaction(repos -> {
            Instant now = clock.instant();
            Optional<ActionLink> found = repos.cases().lockLink(claim.get().linkId());
            if (found.isEmpty() || found.get().action() != claim.get().action()) {
                return texts.donePage("invalid", null, lang);
            }
            ActionLink link = found.get();
            SupportCase c = repos.cases().lock(link.caseId()).orElseThrow(); // after the link: the same order everywhere
            if (!link.usable(now) || c.state().isClosed()) {
                c.record(now, link.issuedTo(), "link-refused", link.action() + " link " + link.id()
                        + (link.usedAt() != null ? " already used" : c.state().isClosed() ? " on a closed case" : " expired"));
                return texts.donePage("alreadyDone", c, lang);
            }
            link.use(now);
            String actor = link.issuedTo() + " (one-click link)";
            switch (link.action()) {
                case AUTHORIZE -> {
                    List<InboundMessage> stillHeld = authorize(repos, c, actor, "authorized through the one-click link", now,
                            named(repos, c, link), link.issuedTo());
                    return texts.donePage("authorized", c, stillHeld, lang);
                }
                case CONFIRM -> {
                    release(repos, c, c.accountId().orElseThrow(), actor, now, named(repos, c, link));
                    List<InboundMessage> stillHeld = closeUnlessHeld(repos, c, actor, "the authorized contact confirmed the mail was theirs", now);
                    return texts.donePage("confirmed", c, stillHeld, lang);
                }
                default -> {
                    rejection.reject(repos, c, actor, "the authorized contact answered: this was not us", now);
                    return texts.donePage("rejected", c, lang);
                }
            }
        });
    }

    /** A person resolves a case; with {@code authorizeFor} the sender becomes a contact of that account. */
    public Optional<SupportCase> resolve(long caseId, String actor, String note, Long authorizeFor) {
        return transactions.inTransaction(repos -> repos.cases().lock(caseId).map(c -> {
            Instant now = clock.instant();
            if (authorizeFor != null) {
                if (c.accountId().isEmpty() || !c.accountId().get().equals(authorizeFor)) {
                    c.assignAccount(authorizeFor, actor, now);
                }
                authorize(repos, c, actor, note, now, null, null);
            } else {
                c.close(CaseState.RESOLVED, actor, note, now);
            }
            return c;
        }));
    }

    /**
     * Resolves as a signed-in person: only a case they may see, and only for an account they may see (a
     * manager: one they look after). Anything else answers empty, as for a case that does not exist.
     */
    public Optional<SupportCase> resolveAs(Viewer viewer, long caseId, String note, Long authorizeFor) {
        return transactions.inTransaction(repos -> {
            if (repos.cases().findFor(viewer, caseId).isEmpty() || (authorizeFor != null && !mayAct(repos, viewer, authorizeFor))) {
                return Optional.<SupportCase>empty();
            }
            return repos.cases().lock(caseId).map(c -> {
                Instant now = clock.instant();
                String actor = viewer.email();
                if (authorizeFor != null) {
                    if (c.accountId().isEmpty() || !c.accountId().get().equals(authorizeFor)) {
                        c.assignAccount(authorizeFor, actor, now);
                    }
                    authorize(repos, c, actor, note, now, null, null);
                } else {
                    c.close(CaseState.RESOLVED, actor, note, now);
                }
                return c;
            });
        });
    }

    /** A note on the case's timeline, by someone who may see it. */
    public Optional<SupportCase> noteAs(Viewer viewer, long caseId, String note) {
        return transactions.inTransaction(repos -> repos.cases().findFor(viewer, caseId).isEmpty() ? Optional.<SupportCase>empty()
                : repos.cases().lock(caseId).map(c -> {
                    c.record(clock.instant(), viewer.email(), "note", note);
                    return c;
                }));
    }

    private static boolean mayAct(Repositories repos, Viewer viewer, long accountId) {
        return viewer.seesAllCases() || repos.accounts().find(accountId)
                .flatMap(Account::manager).map(m -> m.address().value().equalsIgnoreCase(viewer.managerAddress())).orElse(false);
    }

    /**
     * The held message a link's mail named; a link from before V8 named the case's first message. A person in the
     * console (no link) releases every held message of the case: they see the list.
     */
    private static Long named(Repositories repos, SupportCase c, ActionLink link) {
        return link.inboundId().orElseGet(() -> repos.inbound().inCase(c.id()).stream().findFirst().map(InboundMessage::id).orElse(-1L));
    }

    /**
     * Closes the case, unless messages are still held in it: then it stays open for the manager (alerted of each when it
     * came), with them listed in its timeline. Answers the messages still held.
     */
    private static List<InboundMessage> closeUnlessHeld(Repositories repos, SupportCase c, String actor, String note, Instant now) {
        List<InboundMessage> still = repos.inbound().heldInCase(c.id());
        if (still.isEmpty()) {
            c.close(CaseState.RESOLVED, actor, note, now);
            return still;
        }
        c.record(now, actor, "still-held", still.size() + " later message(s) not named by the link stay held for the manager: "
                + String.join("; ", still.stream().map(m -> "#" + m.id() + " \"" + (m.subject() == null ? "" : m.subject()) + "\" "
                        + m.receivedAt()).toList()));
        return still;
    }

    /**
     * @param only     the one held message to release (a link names it), or null for all of them (a person in the console)
     * @param issuedTo whom the one-click link was for (the colleague to thank, or the manager); null when a person resolved the case
     */
    private List<InboundMessage> authorize(Repositories repos, SupportCase c, String actor, String note, Instant now, Long only,
                                           String issuedTo) {
        if (c.kind() != CaseKind.UNKNOWN_SENDER) {
            throw new IllegalStateException("case " + c.reference() + " is about an existing contact; confirm or reject it");
        }
        long accountId = c.accountId().orElseThrow(() -> new IllegalStateException("case " + c.reference() + " has no account"));
        Account account = repos.accounts().find(accountId).orElseThrow(() -> new IllegalStateException("no account " + accountId));
        account.authorize(EmailAddress.of(c.sender()), c.senderName().orElse(null), c.locale(), now);
        repos.accounts().store(account);
        repos.audit().record(new AuditEvent(now, actor, "contact-authorized", "account", accountId,
                c.sender() + " authorized in case " + c.reference()));
        c.record(now, actor, "contact-authorized", c.sender() + " is now an authorized contact of account " + accountId);
        List<InboundMessage> released = release(repos, c, accountId, actor, now, only);
        List<InboundMessage> stillHeld = closeUnlessHeld(repos, c, actor, note, now);
        tellAuthorized(repos, c, account, issuedTo, released, stillHeld, now);
        return stillHeld;
    }

    /**
     * Nobody is left wondering: the sender learns their message reached support and their address works now,
     * and the colleague who pressed the button is thanked. A manager's link or a person in the console thanks nobody.
     */
    private void tellAuthorized(Repositories repos, SupportCase c, Account account, String issuedTo, List<InboundMessage> released,
                                List<InboundMessage> stillHeld, Instant now) {
        Instant answerBy = c.dueAt().isAfter(now) ? c.dueAt()
                : texts.settings().calendar().plusBusinessTime(now, texts.settings().answerWithin());
        var what = new CustomerNews.Released(released.stream().map(m -> Topic.of(m.subject())).toList(), stillHeld.size(), answerBy);
        Optional<Contact> colleague = Optional.ofNullable(issuedTo).flatMap(a -> EmailAddress.parse(a)).flatMap(account::contact)
                .filter(k -> !k.address().value().equals(c.sender()));
        boolean manager = issuedTo != null && account.manager().map(m -> m.address().value().equals(issuedTo)).orElse(false);
        CustomerNews.AuthorizedBy by = colleague.isPresent() ? CustomerNews.AuthorizedBy.CONTACT
                : manager ? CustomerNews.AuthorizedBy.MANAGER : CustomerNews.AuthorizedBy.SUPPORT;
        repos.outbox().add(news.senderAuthorized(c, account, by, colleague.map(Contact::name).orElse(null), what, now));
        c.record(now, "frontdesk", "sender-told", c.sender() + ": address authorized, " + released.size() + " message(s) passed on");
        colleague.ifPresent(k -> {
            repos.outbox().add(news.authorizerThanked(c, account, k, what, now));
            c.record(now, "frontdesk", "authorizer-thanked", k.address().value());
        });
    }

    /**
     * Held messages of the case go to the helpdesk, as a verified contact's would have: the one {@code only} names,
     * or (null) every one.
     */
    private List<InboundMessage> release(Repositories repos, SupportCase c, long accountId, String actor, Instant now, Long only) {
        List<InboundMessage> held = repos.inbound().heldInCase(c.id()).stream()
                .filter(m -> only == null || m.id().equals(only)).toList();
        for (InboundMessage m : held) {
            repos.outbox().add(forward.compose(m, List.of(accountId), now).about(accountId, c.id()));
            m.release(Route.HELPDESK, accountId, "forwarded to the helpdesk: released by " + actor + " in case " + c.reference(), now);
        }
        c.record(now, actor, "released", held.size() + " held message(s) forwarded to the helpdesk");
        return held;
    }
}
