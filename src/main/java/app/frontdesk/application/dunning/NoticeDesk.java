package app.frontdesk.application.dunning;

import app.frontdesk.application.Repositories;
import app.frontdesk.application.Transactions;
import app.frontdesk.application.care.RecoveryDesk;
import app.frontdesk.application.json.JsonText;
import app.frontdesk.domain.model.account.Account;
import app.frontdesk.domain.model.billing.Money;
import app.frontdesk.domain.model.billing.Notice;
import app.frontdesk.domain.model.billing.NoticeDecision;
import app.frontdesk.domain.model.billing.NoticeState;
import app.frontdesk.domain.model.billing.Verdict;
import app.frontdesk.domain.model.outbox.OutboundMail;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Billing's side of the gate: check a notice (dry run), submit it, and keep every submitted notice
 * honest until it is sent. Decisions about one account's notices are taken under a lock on the
 * account row, from data read in that same transaction; each is stored with what it saw.
 */
public final class NoticeDesk {


    private final Transactions transactions;
    private final Clock clock;
    private final DunningGate gate;
    private final NoticeMails mails;
    private final GateFactsLoader loader;

    private final SentInError sentInError;
    private final NoticeStopped stopped;

    /**
     * @param recovery owed a customer whose notice went out though they had paid before it
     * @param stopped  told whenever a notice is held or blocked because the customer paid (see {@link NoticeStopped})
     */
    public NoticeDesk(Transactions transactions, Clock clock, DunningGate gate, NoticeMails mails, ZoneId defaultZone,
                      app.frontdesk.application.care.CareDesk care, RecoveryDesk recovery, NoticeStopped stopped) {
        this.sentInError = new SentInError(care, recovery, defaultZone);
        this.stopped = stopped;
        this.transactions = transactions;
        this.clock = clock;
        this.gate = gate;
        this.mails = mails;
        this.loader = new GateFactsLoader(defaultZone, gate.repeatWindow());
    }

    public GateFactsLoader loader() {
        return loader;
    }

    public DunningGate gate() {
        return gate;
    }

    /** What billing submits: the request and the mail itself. */
    public record Submission(NoticeRequest request, List<String> recipients, String subject, String body, String callbackUrl,
                             String externalRef) {
    }

    /** The answer to billing: the decision, and the notice it is about (null for a dry run). */
    public record Answer(Long noticeId, GateDecision decision, NoticeState state) {
    }

    public Answer check(NoticeRequest asked) {
        return transactions.inTransaction(repos -> {
            Instant now = clock.instant();
            NoticeRequest request = plannedNowIfUnset(asked, now);
            repos.billing().commitWithoutWaitingForDisk(); // a dry run's record; nothing else is written
            GateFacts facts = facts(repos, request, null); // an unknown account is refused here
            GateDecision d = gate.decide(request, facts, now);
            repos.billing().add(record(null, request, d, facts, "check", now));
            return new Answer(null, d, null);
        });
    }

    public Answer submit(Submission s) {
        return transactions.inTransaction(repos -> {
            Instant now = clock.instant();
            NoticeRequest r = plannedNowIfUnset(s.request(), now);
            if (!repos.billing().lockAccount(r.accountId())) {
                throw new IllegalArgumentException("no account " + r.accountId());
            }
            Notice notice = new Notice(r.accountId(), r.kind(), r.invoiceNumbers(), r.claimed(), r.plannedAt(), s.recipients(),
                    s.subject(), s.body(), s.callbackUrl(), s.externalRef(), now);
            repos.billing().add(notice);
            GateDecision d = apply(repos, notice, "submit", now, false);
            return new Answer(notice.id(), d, notice.state());
        });
    }

    /** Re-checks the account's waiting notices: a payment or a payment order arrived, or a case closed. */
    public int recheckAccount(long accountId, String cause) {
        return transactions.inTransaction(repos -> recheckAccount(repos, accountId, cause));
    }

    /** Within a caller's transaction (a payment import re-checks the accounts it touched in the same commit). */
    public int recheckAccount(Repositories repos, long accountId, String cause) {
        Instant now = clock.instant();
        repos.billing().lockAccount(accountId);
        if (cause.equals("payment-arrived")) {
            sentInError.find(repos, accountId, now);
        }
        List<Notice> waiting = repos.billing().notices(accountId, List.of(NoticeState.HELD, NoticeState.SCHEDULED, NoticeState.QUEUED));
        for (Notice n : waiting) {
            if (n.state() == NoticeState.QUEUED) {
                continue; // the outbox checks it again right before sending (see beforeSend)
            }
            apply(repos, n, cause, now, true);
        }
        return waiting.size();
    }

    /** Holds that expired and scheduled notices whose time came; for the housekeeping worker. */
    public int recheckDue() {
        return transactions.inTransaction(repos -> {
            Instant now = clock.instant();
            List<Notice> due = repos.billing().dueForRecheck(now, 100);
            for (Notice n : due) {
                repos.billing().lockAccount(n.accountId());
                apply(repos, n, n.state() == NoticeState.HELD ? "hold-expired" : "planned-time", now, true);
            }
            return due.size();
        });
    }

    /**
     * Right before the outbox sends a notice, in the transaction that sends it: checked again from
     * fresh data under the account lock. Answers true when it may go; otherwise the notice is held or
     * blocked (billing told) and the outbox row must not be sent.
     */
    public boolean beforeSend(Repositories repos, OutboundMail mail) {
        Optional<Notice> found = repos.billing().noticeByOutbox(mail.id());
        if (found.isEmpty()) {
            return true;
        }
        Notice n = found.get();
        repos.billing().lockAccount(n.accountId());
        Instant now = clock.instant();
        Evaluation e = evaluate(repos, n, now);
        GateDecision d = e.decision();
        repos.billing().add(record(n.id(), e.request(), d, e.seen(), "before-send", now));
        if (d.verdict() == Verdict.SEND) {
            n.sent(now);
            return true;
        }
        n.stopped(d.verdict(), d.holdUntil(), now);
        // stopped before it reached the customer: no bad experience of theirs (issue 14, item 2); see SentInError
        tellBilling(repos, n, d, now);
        managerCopy(repos, n, d, now);
        tellWhoWroteAboutIt(repos, n, d, now);
        return false;
    }

    /** What the gate says of a submitted notice now: the facts as read, and its decision with what people accepted left aside. */
    record Evaluation(NoticeRequest request, GateFacts seen, GateDecision decision) {
    }

    Evaluation evaluate(Repositories repos, Notice n, Instant now) {
        NoticeRequest r = request(n);
        GateFacts facts = facts(repos, r, n.id());
        Acceptance accepted = Acceptance.of(n);
        return new Evaluation(r, facts, accepted.explain(gate.decide(r, accepted.applyTo(facts), now, accepted.blocks())));
    }

    /** Decides a notice again now, under the account lock the caller holds (a person approved it: NoticeApprovals). */
    GateDecision decideAgain(Repositories repos, Notice n, String cause, Instant now) {
        return apply(repos, n, cause, now, true);
    }

    private GateDecision apply(Repositories repos, Notice n, String cause, Instant now, boolean recheck) {
        Evaluation e = evaluate(repos, n, now);
        GateDecision d = e.decision();
        repos.billing().add(record(n.id(), e.request(), d, e.seen(), cause, now));
        NoticeState before = n.state();
        n.decided(d.verdict(), d.holdUntil(), now);
        if (n.state() == NoticeState.QUEUED) {
            OutboundMail mail = mails.notice(n, repos, now);
            repos.outbox().add(mail); // the sequence gives the id at persist
            n.queued(mail.id(), now);
        }
        if (d.verdict() == Verdict.HOLD && before != NoticeState.HELD) {
            managerCopy(repos, n, d, now);
        }
        // a notice held or blocked never reached the customer: it is no bad experience of theirs (issue 14, item 2); only one
        // that went out and is later found wrong counts (see SentInError)
        boolean released = recheck && before == NoticeState.HELD && d.verdict() == Verdict.SEND;
        if (released || (recheck && d.verdict() == Verdict.BLOCK)) {
            tellBilling(repos, n, d, now);
        }
        tellWhoWroteAboutIt(repos, n, d, now);
        return d;
    }

    /** Stopped because they paid or sent a payment order: whoever of theirs wrote to us about it hears so (each fact once). */
    private void tellWhoWroteAboutIt(Repositories repos, Notice n, GateDecision d, Instant now) {
        boolean forPayment = d.reasons().stream().map(Reason::code).anyMatch(c -> d.verdict() == Verdict.BLOCK ? c.equals("INVOICE_PAID")
                : d.verdict() == Verdict.HOLD && (c.equals("PAYMENT_EVIDENCE") || c.equals("UNALLOCATED_PAYMENT")));
        if (forPayment) {
            stopped.stoppedForPayment(repos, n, now);
        }
    }

    private void tellBilling(Repositories repos, Notice n, GateDecision d, Instant now) {
        mails.billingUpdate(repos, n, d, now).ifPresent(repos.outbox()::add);
    }

    private void managerCopy(Repositories repos, Notice n, GateDecision d, Instant now) {
        if (d.verdict() != Verdict.HOLD || n.kind() != app.frontdesk.domain.model.billing.NoticeKind.SUSPENSION) {
            return;
        }
        repos.accounts().find(n.accountId()).flatMap(Account::manager)
                .ifPresent(m -> repos.outbox().add(mails.managerCopy(repos, n, d, m.name(), m.address().value(), now)));
    }

    private static NoticeRequest plannedNowIfUnset(NoticeRequest r, Instant now) {
        return r.plannedAt() != null ? r : new NoticeRequest(r.accountId(), r.kind(), r.invoiceNumbers(), r.claimed(), now);
    }

    private static NoticeRequest request(Notice n) {
        return new NoticeRequest(n.accountId(), n.kind(), n.invoices(), n.claimed(), n.plannedAt());
    }

    /** Reads what the gate needs, fresh, in the caller's transaction; refuses an account that does not exist. */
    GateFacts facts(Repositories repos, NoticeRequest r, Long noticeId) {
        return loader.loadOne(repos, r, noticeId, clock.instant());
    }

    /** notice_decision.reasons is VARCHAR(8000). */
    private static final int REASONS_COLUMN = 8000;

    /** The reasons as stored: code, the gate's English message and, for staff's words in their language, the facts as text. */
    private static JsonText reasonsJson(GateDecision d, boolean withFacts) {
        JsonText reasons = new JsonText().beginArray();
        for (Reason x : d.reasons()) {
            reasons.beginObject().name("code").value(x.code()).name("message").value(x.message());
            if (withFacts && !x.facts().isEmpty()) {
                reasons.name("facts").beginObject();
                new java.util.TreeMap<>(ReasonWords.storedFacts(x)).forEach((k, v) -> reasons.name(k).value(v));
                reasons.endObject();
            }
            reasons.endObject();
        }
        return reasons.endArray();
    }

    /** The stored form of a decision: its reasons and the data it saw, as JSON (the batch path and the benchmark use it too). */
    public static NoticeDecision record(Long noticeId, NoticeRequest r, GateDecision d, GateFacts f, String cause, Instant now) {
        JsonText reasons = reasonsJson(d, true);
        if (reasons.toString().length() > REASONS_COLUMN) {
            reasons = reasonsJson(d, false); // the facts only word the reasons for staff; the codes and messages must fit
        }
        JsonText seen = new JsonText().beginObject();
        seen.name("request").beginObject().name("account").value(r.accountId()).name("kind").value(r.kind().name())
                .name("invoices").beginArray();
        r.invoiceNumbers().forEach(seen::value);
        seen.endArray().name("claimed").value(r.claimed().toString()).name("plannedAt").value(r.plannedAt().toString()).endObject()
                .name("zone").value(f.zone().getId());
        seen.name("invoices").beginArray();
        f.invoices().values().forEach(i -> seen.beginObject().name("number").value(i.number()).name("account").value(i.accountId())
                .name("amount").value(i.amount().toString()).name("paid").value(i.paid().amount().toPlainString())
                .name("status").value(i.status().name()).name("due").value(i.dueDate().toString()).endObject());
        seen.endArray().name("unallocatedPayments").beginArray();
        f.unallocated().forEach(m -> seen.value(m.toString()));
        seen.endArray().name("paymentEvidence").beginArray();
        f.evidence().forEach(e -> seen.beginObject().name("id").value(e.id()).name("number").value(e.number() == null ? "" : e.number())
                .name("date").value(e.orderDate().toString()).name("amount").value(e.amount().map(Money::toString).orElse("")).endObject());
        seen.endArray().name("openCases").beginArray();
        f.openCases().forEach(seen::value);
        seen.endArray().name("promisedAnswers").beginObject();
        f.promisedAnswers().forEach((reference, due) -> seen.name(reference).value(due.toString()));
        seen.endObject().name("redFlagged").value(f.redFlagged()).name("recentSameKind").beginObject();
        f.recentSameKind().forEach((inv, list) -> seen.name(inv).value(list.size()));
        seen.endObject().endObject();
        return new NoticeDecision(noticeId, r.accountId(), d.verdict(), reasons.toString(), d.holdUntil(), seen.toString(), cause, now);
    }
}
