package app.frontdesk.domain.model.care;

import app.frontdesk.domain.model.staff.Viewer;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Experiences and flags; implemented over JPA in infrastructure. */
public interface CareRepository {

    void add(Experience experience);

    /** The account's experiences since {@code since}, oldest first. */
    List<Experience> experiences(long accountId, Instant since);

    /** The flag row, locked; absent when the account never had one. */
    Optional<AccountFlag> lockFlag(long accountId);

    void add(AccountFlag flag);

    /**
     * The red-flagged accounts the viewer looks after, longest flagged first: a lead or an administrator
     * every one, anyone else those whose personal manager has their address (narrowed in the query).
     */
    List<FlaggedAccount> raisedFor(Viewer viewer, int limit);

    /** Which of these accounts are red-flagged now. */
    Set<Long> flagged(Collection<Long> accountIds);
}
