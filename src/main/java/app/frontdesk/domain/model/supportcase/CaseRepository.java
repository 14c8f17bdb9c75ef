package app.frontdesk.domain.model.supportcase;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import app.frontdesk.domain.model.staff.Viewer;

/** Cases, their links and throttles; implemented over JPA in infrastructure. */
public interface CaseRepository {

    void add(SupportCase supportCase);

    Optional<SupportCase> find(long id);

    /**
     * The case, locked for this transaction: whoever acts on a case (a button, a person in the console)
     * holds it, so two at once are served one after the other instead of one failing on a stale version.
     */
    Optional<SupportCase> lock(long id);

    /** The sender's most recent closed case, if any. */
    Optional<SupportCase> lastClosedCaseOf(String sender);

    /** The case of this sender that is still open or awaiting authorization, locked for this transaction. */
    Optional<SupportCase> openCaseOf(String sender);

    /** Whether the case's timeline has an event of this kind (recorded ones included), without reading the timeline. */
    boolean hasEvent(SupportCase supportCase, String kind);

    /** The account's cases that are still open or awaiting authorization, oldest first, locked for this transaction. */
    List<SupportCase> openCasesOf(long accountId);

    List<SupportCase> list(Optional<CaseState> state, int limit);

    /**
     * Open cases the viewer may see, the earliest promised answer first: a lead or an administrator
     * sees every one, a manager those of the accounts they look after (the narrowing is in the query).
     */
    List<SupportCase> openFor(Viewer viewer, int limit);

    /** The case if the viewer may see it; otherwise none, so another manager's case looks like no case at all. */
    Optional<SupportCase> findFor(Viewer viewer, long id);

    /** Cases with an account, not closed, whose promised answer time passed before {@code now}, locked, skipping locked rows. */
    List<SupportCase> overdue(Instant now, int limit);

    /** Cases not closed whose links expired before {@code now}. */
    List<SupportCase> expiredBy(Instant now, int limit);

    void add(ActionLink link);

    /** The link, locked so that two clicks at once use it once. */
    Optional<ActionLink> lockLink(long id);

    List<ActionLink> links(long caseId);

    /** The throttle row, locked; empty when there is none yet. */
    Optional<SenderThrottle> lockThrottle(String sender, SenderThrottle.Kind kind);

    void add(SenderThrottle throttle);

    /**
     * Inserts {@code throttle} unless its sender and kind have a row already, committed or being inserted by another
     * transaction (that one is waited for): of two instances that both found no row, one inserts and the other is
     * answered false, without the primary-key failure that would otherwise end its transaction.
     *
     * @return whether this row was inserted (the first mail of its kind to this sender: it passes)
     */
    boolean addThrottleIfAbsent(SenderThrottle throttle);

    List<SenderThrottle> pendingDigests(int limit);
}
