package app.frontdesk.application.cases;

import app.frontdesk.application.Transactions;
import app.frontdesk.domain.model.account.Account;
import app.frontdesk.domain.model.inbound.InboundMessage;
import app.frontdesk.domain.model.supportcase.CaseState;
import app.frontdesk.domain.model.supportcase.SenderThrottle;
import app.frontdesk.domain.model.supportcase.SupportCase;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What time does to cases: cases nobody acted on expire with their links, and the alerts that the
 * hourly limit held back go to the manager as one digest when the hour is over.
 */
public final class CaseHousekeeping {

    private final Transactions transactions;
    private final Clock clock;
    private final CaseTexts texts;
    private final CaseStaffTexts staffTexts;

    private final app.frontdesk.application.care.CareDesk care;

    public CaseHousekeeping(Transactions transactions, Clock clock, CaseTexts texts, CaseStaffTexts staffTexts,
                            app.frontdesk.application.care.CareDesk care) {
        this.care = care;
        this.transactions = transactions;
        this.clock = clock;
        this.texts = texts;
        this.staffTexts = staffTexts;
    }

    /** Answers how many cases expired plus digests sent (0: nothing was due). */
    public int runDue() {
        return overdue() + expire() + digests();
    }

    /** The answer we promised the sender did not come in time: a missed deadline is a bad experience of the account. */
    int overdue() {
        return transactions.inTransaction(repos -> {
            Instant now = clock.instant();
            List<SupportCase> due = repos.cases().overdue(now, 100);
            for (SupportCase c : due) {
                c.record(now, "frontdesk", "deadline-missed", "the answer promised for " + c.dueAt() + " was not given in time");
                care.record(repos, c.accountId().orElseThrow(), app.frontdesk.domain.model.care.ExperienceKind.DEADLINE_MISSED,
                        "case " + c.reference() + ": answer promised for " + c.dueAt(), null);
            }
            return due.size();
        });
    }

    int expire() {
        return transactions.inTransaction(repos -> {
            Instant now = clock.instant();
            List<SupportCase> due = repos.cases().expiredBy(now, 100);
            for (SupportCase c : due) {
                c.close(CaseState.EXPIRED, "frontdesk", "nobody acted before the links expired; the held messages stay held", now);
            }
            return due.size();
        });
    }

    int digests() {
        return transactions.inTransaction(repos -> {
            Instant now = clock.instant();
            int sent = 0;
            for (SenderThrottle t : repos.cases().pendingDigests(100)) {
                if (!t.digestDue(texts.settings().alertWindow(), now) || t.caseId() == null) {
                    continue;
                }
                Optional<SupportCase> c = repos.cases().find(t.caseId());
                if (c.isEmpty()) {
                    t.digested(now);
                    continue;
                }
                List<InboundMessage> all = repos.inbound().inCase(c.get().id());
                List<InboundMessage> held = all.subList(Math.max(0, all.size() - t.pending()), all.size());
                Optional<Account> account = c.get().accountId().flatMap(id -> repos.accounts().find(id));
                String to = account.flatMap(Account::manager).map(m -> m.address().value()).orElse(texts.settings().triage().value());
                repos.outbox().add(staffTexts.managerDigest(c.get(), to, staffTexts.staffReader(repos, to),
                        account.flatMap(Account::manager).map(m -> m.name()).orElse(null), held, now));
                c.get().record(now, "frontdesk", "digest-sent", to + ": " + held.size() + " message(s) held back by the hourly limit");
                t.digested(now);
                sent++;
            }
            return sent;
        });
    }
}
