package app.frontdesk.domain.model.staff;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Staff members and the wrong passwords tried at sign-in; implemented over JPA in infrastructure. */
public interface StaffRepository {

    Optional<StaffUser> findByEmail(String email);

    Optional<StaffUser> find(long id);

    void add(StaffUser user);

    List<StaffUser> list(int limit);

    long count();

    void add(LoginFailure failure);

    /** When the newest failures of this kind and key since {@code after} (exclusive) happened, newest first, at most {@code limit}. */
    List<Instant> loginFailures(LoginFailure.Kind kind, String key, Instant after, int limit);

    /** Forgets every failure of this kind and key; answers how many rows went. */
    int forgetLoginFailures(LoginFailure.Kind kind, String key);

    /** Deletes failures at or before {@code before}, whatever their key; answers how many rows went. */
    int pruneLoginFailures(Instant before);
}
