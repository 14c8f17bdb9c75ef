package app.frontdesk.domain.model.staff;

import java.util.List;
import java.util.Optional;

/** Staff members; implemented over JPA in infrastructure. */
public interface StaffRepository {

    Optional<StaffUser> findByEmail(String email);

    Optional<StaffUser> find(long id);

    void add(StaffUser user);

    List<StaffUser> list(int limit);

    long count();
}
