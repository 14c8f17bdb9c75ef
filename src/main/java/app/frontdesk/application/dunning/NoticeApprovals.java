package app.frontdesk.application.dunning;

import app.frontdesk.application.Repositories;
import app.frontdesk.application.Transactions;
import app.frontdesk.domain.model.audit.AuditEvent;
import app.frontdesk.domain.model.billing.Notice;
import app.frontdesk.domain.model.billing.NoticeDecision;
import app.frontdesk.domain.model.billing.NoticeState;
import app.frontdesk.domain.model.billing.Verdict;
import app.frontdesk.domain.model.staff.StaffRole;
import app.frontdesk.domain.model.staff.Viewer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a person does with a notice the gate stopped: approve a held one (it goes now, or at the next
 * business morning when it needs business time), or, as an administrator, override a block. Always
 * with a reason, audited, and only on a notice the viewer may see (a manager: of an account they
 * look after); for anyone else the notice does not exist. What an approval accepts, and what holds the
 * notice again afterwards, is {@link Acceptance}. The notice is decided again at once, from fresh data,
 * under the account's lock, like every other decision about it.
 */
public final class NoticeApprovals {

    /** A reason is for people to read; a longer one is not a reason but a paste. */
    static final int MAX_NOTE = 2000;

    /** How it went: the notice's state and the decision taken on it, or why nothing was done. */
    public record Outcome(long noticeId, NoticeState state, GateDecision decision, Problem problem) {

        public boolean done() {
            return problem == null;
        }
    }

    /** Why nothing was done. */
    public enum Problem {
        /** Not held (to approve) or not blocked (to override): someone else acted, or it went out. */
        STATE,
        /** The notice was decided again since the person looked at it: they should look again. */
        STALE,
        /** Only the business-time hold is left, which nobody approves: it goes out at the business morning. */
        NOTHING_TO_APPROVE
    }

    private final Transactions transactions;
    private final Clock clock;
    private final NoticeDesk desk;

    public NoticeApprovals(Transactions transactions, Clock clock, NoticeDesk desk) {
        this.transactions = transactions;
        this.clock = clock;
        this.desk = desk;
    }

    /**
     * Approves a held notice: the approvable holds (OPEN_CASE, RED_FLAG, UNALLOCATED_PAYMENT, PAYMENT_EVIDENCE)
     * as they are now are accepted. Empty when the viewer may not see the notice (or there is none).
     *
     * @param seen the decision the person looked at (the latest when they opened the page); null: whatever it is now
     */
    public Optional<Outcome> approveAs(Viewer viewer, long noticeId, String reason, Long seen) {
        return act(viewer, noticeId, reason, seen, false);
    }

    /** Overrides a block (administrators only; anyone else is told there is no such notice): its block reasons are accepted. */
    public Optional<Outcome> overrideAs(Viewer viewer, long noticeId, String reason, Long seen) {
        if (!viewer.is(StaffRole.ADMIN)) {
            return Optional.empty();
        }
        return act(viewer, noticeId, reason, seen, true);
    }

    private Optional<Outcome> act(Viewer viewer, long noticeId, String reason, Long seen, boolean override) {
        String why = reason == null ? "" : reason.strip();
        return transactions.inTransaction(repos -> {
            Optional<Long> account = repos.noticeListing().accountOf(viewer, noticeId);
            if (account.isEmpty()) {
                return Optional.<Outcome>empty(); // first: whoever may not see the notice learns nothing, not even about the reason
            }
            if (why.isEmpty()) {
                throw new IllegalArgumentException("a reason is required: colleagues and billing read it");
            }
            if (why.length() > MAX_NOTE) {
                throw new IllegalArgumentException("the reason is longer than " + MAX_NOTE + " characters");
            }
            repos.billing().lockAccount(account.get()); // first, as every decision about the account's notices
            Notice n = repos.billing().notice(noticeId).orElseThrow(); // read after the lock: nobody changes it under us
            if (n.state() != (override ? NoticeState.BLOCKED : NoticeState.HELD)) {
                return Optional.of(new Outcome(noticeId, n.state(), null, Problem.STATE));
            }
            if (seen != null && !seen.equals(latest(repos, noticeId))) {
                return Optional.of(new Outcome(noticeId, n.state(), null, Problem.STALE));
            }
            Instant now = clock.instant();
            NoticeDesk.Evaluation current = desk.evaluate(repos, n, now);
            Acceptance more = override ? Acceptance.ofBlocks(current.decision(), viewer.email(), now, why)
                    : Acceptance.ofHolds(current.decision(), current.seen(), viewer.email(), now, why);
            if (more.isEmpty() && current.decision().verdict() == (override ? Verdict.BLOCK : Verdict.HOLD)) {
                return Optional.of(new Outcome(noticeId, n.state(), current.decision(), Problem.NOTHING_TO_APPROVE));
            }
            if (!more.isEmpty()) { // else what stopped it is gone already (a case closed since): deciding again lets it go
                Acceptance before = Acceptance.of(n);
                n.accept((before.isEmpty() ? more : before.plus(more)).json(), now);
            }
            if (override) {
                n.reopen(now);
            }
            repos.audit().record(new AuditEvent(now, viewer.email(), override ? "notice-block-overridden" : "notice-approved", "notice",
                    noticeId, why + " [accepted: " + more.describe() + "]"));
            GateDecision d = desk.decideAgain(repos, n, override ? "overridden" : "approved", now);
            return Optional.of(new Outcome(noticeId, n.state(), d, null));
        });
    }

    private static Long latest(Repositories repos, long noticeId) {
        NoticeDecision d = repos.noticeListing().latestDecisions(List.of(noticeId)).get(noticeId);
        return d == null ? null : d.id();
    }
}
