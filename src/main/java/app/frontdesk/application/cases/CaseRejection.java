package app.frontdesk.application.cases;

import app.frontdesk.application.MailAddresses;
import app.frontdesk.application.Repositories;
import app.frontdesk.application.Transactions;
import app.frontdesk.application.texts.Rendered;
import app.frontdesk.application.wording.Finding;
import app.frontdesk.application.wording.Purpose;
import app.frontdesk.application.wording.WordingCheck;
import app.frontdesk.domain.model.account.Account;
import app.frontdesk.domain.model.account.EmailAddress;
import app.frontdesk.domain.model.audit.AuditEvent;
import app.frontdesk.domain.model.inbound.InboundMessage;
import app.frontdesk.domain.model.outbox.OutboundMail;
import app.frontdesk.domain.model.staff.Viewer;
import app.frontdesk.domain.model.supportcase.CaseState;
import app.frontdesk.domain.model.supportcase.SupportCase;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Rejecting a case, however it comes: through the API, by a person in the console (optionally with a reply to the
 * sender), or by the "this was not us" link ({@link CaseActions#press}). Every rejection is audited and alerts the
 * account's manager (or triage), since a rejected case is one we think suspicious.
 */
public final class CaseRejection {

    private final Transactions transactions;
    private final Clock clock;
    private final CaseTexts texts;
    private final CaseStaffTexts staffTexts;
    private final WordingCheck wording;

    public CaseRejection(Transactions transactions, Clock clock, CaseTexts texts, CaseStaffTexts staffTexts, WordingCheck wording) {
        this.transactions = transactions;
        this.clock = clock;
        this.texts = texts;
        this.staffTexts = staffTexts;
        this.wording = wording;
    }

    /** Rejects through the API, where the actor is a name the caller gives (no signed-in person, so no narrowing). */
    public Optional<SupportCase> reject(long caseId, String actor, String note) {
        return transactions.inTransaction(repos -> repos.cases().lock(caseId).map(c -> {
            reject(repos, c, actor, note, clock.instant());
            return c;
        }));
    }

    /** Rejects as a signed-in person, on a case they may see. */
    public Optional<SupportCase> rejectAs(Viewer viewer, long caseId, String note) {
        return rejectAs(viewer, caseId, note, null);
    }

    /**
     * Rejects as a signed-in person and, with {@code reply}, answers the sender in that person's words, inside the
     * rejection template (what they can do, by when, whom to ask; signed with the company's name). The whole mail is
     * checked by the wording rules first, as every customer text is: a finding refuses it ({@link ReplyRefused}) and
     * nothing changes. An address no person reads (null envelope sender, a mail system, our own) gets no reply, so
     * nothing can loop; the timeline says so ("rejection-reply-not-sent"). What went to whom is on the timeline
     * ("rejection-reply-sent": the address and the words) and in the case's outbox.
     */
    public Optional<SupportCase> rejectAs(Viewer viewer, long caseId, String note, String reply) {
        String words = reply == null || reply.isBlank() ? null : reply.strip();
        return transactions.inTransaction(repos -> {
            if (repos.cases().findFor(viewer, caseId).isEmpty()) {
                return Optional.<SupportCase>empty();
            }
            return repos.cases().lock(caseId).map(c -> {
                Instant now = clock.instant();
                List<InboundMessage> messages = words == null ? List.of() : repos.inbound().inCase(c.id());
                Optional<String> unanswerable = words == null ? Optional.empty() : unanswerable(c, messages);
                Optional<OutboundMail> mail = Optional.empty();
                if (words != null && unanswerable.isEmpty()) {
                    Instant answerBy = texts.settings().calendar().plusBusinessTime(now, texts.settings().answerWithin());
                    Rendered r = texts.rejectionReply(c, words, answerBy);
                    List<Finding> findings = readsWrong(r, c.locale());
                    if (!findings.isEmpty()) {
                        throw new ReplyRefused(findings);
                    }
                    mail = Optional.of(texts.rejectionReplyMail(c, messages.get(0), messages.get(0).messageId(), r, now));
                }
                reject(repos, c, viewer.email(), note, now);
                mail.ifPresent(m -> {
                    repos.outbox().add(m);
                    c.record(now, viewer.email(), "rejection-reply-sent", c.sender() + ": " + words);
                    repos.audit().record(new AuditEvent(now, viewer.email(), "case-reply-sent", "case", c.id(), "to " + c.sender()));
                });
                unanswerable.ifPresent(why -> c.record(now, "frontdesk", "rejection-reply-not-sent", c.sender() + ": " + why));
                return c;
            });
        });
    }

    /**
     * Spam: closed as rejected, audited, and nobody is alerted (rejecting as suspicious alerts the manager,
     * which spam does not deserve). The messages stay held and stored.
     */
    public Optional<SupportCase> spamAs(Viewer viewer, long caseId, String note) {
        return transactions.inTransaction(repos -> repos.cases().findFor(viewer, caseId).isEmpty() ? Optional.<SupportCase>empty()
                : repos.cases().lock(caseId).map(c -> {
                    Instant now = clock.instant();
                    String why = note == null || note.isBlank() ? "spam" : "spam: " + note.strip();
                    c.close(CaseState.REJECTED, viewer.email(), why, now);
                    repos.audit().record(new AuditEvent(now, viewer.email(), "case-marked-spam", "case", c.id(), c.sender()));
                    return c;
                }));
    }

    /** Why nobody would read a reply to this case's sender, if so: we answer people only, never a mail system or ourselves. */
    private Optional<String> unanswerable(SupportCase c, List<InboundMessage> messages) {
        if (c.sender() == null || EmailAddress.parse(c.sender()).isEmpty()) {
            return Optional.of("no address to answer");
        }
        if (messages.isEmpty()) {
            return Optional.of("no message to answer");
        }
        if (messages.stream().anyMatch(m -> m.envelope().hasNullSender())) {
            return Optional.of("the mail came with a null envelope sender (automatic mail is never answered)");
        }
        if (MailAddresses.isSystemAddress(c.sender())) {
            return Optional.of("the address belongs to a mail system, which nobody reads");
        }
        if (texts.isOurs(c.sender())) {
            return Optional.of("the address is our own");
        }
        return Optional.empty();
    }

    /** The reply as the sender reads it (text and HTML), by the rules every customer text passes. */
    private List<Finding> readsWrong(Rendered r, Locale lang) {
        List<Finding> all = new ArrayList<>(wording.check(r.subject() + "\n" + r.text(), Optional.of(lang), Purpose.GENERAL,
                Optional.empty()).findings());
        if (all.isEmpty()) {
            all.addAll(wording.check(r.html().replaceAll("<[^>]+>", " "), Optional.of(lang), Purpose.GENERAL, Optional.empty()).findings());
        }
        return all;
    }

    /** Closes the case as rejected, audited, and alerts the manager: in the caller's transaction. */
    void reject(Repositories repos, SupportCase c, String actor, String note, Instant now) {
        c.close(CaseState.REJECTED, actor, note, now);
        repos.audit().record(new AuditEvent(now, actor, "case-rejected", "case", c.id(), c.sender() + ": " + note));
        List<InboundMessage> messages = repos.inbound().inCase(c.id());
        if (messages.isEmpty()) {
            return;
        }
        InboundMessage first = messages.get(0);
        Optional<Account> account = c.accountId().flatMap(id -> repos.accounts().find(id));
        String to = account.flatMap(Account::manager).map(m -> m.address().value()).orElse(texts.settings().triage().value());
        var facts = new CaseStaffTexts.AlertFacts(account.flatMap(Account::manager).map(m -> m.name()).orElse(null),
                account.map(Account::name).orElse(null), List.of(), Map.of(), first.subject() == null ? "" : first.subject(), "",
                null, new CaseStaffTexts.Rejection(actor, note), List.of(), null, null, true, null, "");
        repos.outbox().add(staffTexts.managerAlert(c, first, to, staffTexts.staffReader(repos, to), facts, now));
        c.record(now, "frontdesk", "manager-alerted", to + " (case rejected as suspicious)");
    }
}
