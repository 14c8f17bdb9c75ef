package app.frontdesk.domain.model.care;

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

    /** Which of these accounts are red-flagged now. */
    Set<Long> flagged(Collection<Long> accountIds);
}
