package app.frontdesk.domain.model.billing;

import app.frontdesk.domain.model.staff.Viewer;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Submitted notices as staff look them up, narrowed in the query to what the viewer may see: billing,
 * leads and administrators every account's, a manager those of the accounts whose personal manager
 * has the manager's address (the rule of {@code CaseRepository.findFor}); another's notice is no notice.
 */
public interface NoticeListing {

    /** In which order a list comes: the newest submitted first, or the earliest planned time first. */
    enum Order {
        NEWEST, SOONEST
    }

    /** A notice with the name of its account, read in the same query. */
    record Listed(Notice notice, String accountName) {
    }

    /** One page of the notices in {@code states}: at most {@code limit} from {@code offset} on. */
    List<Listed> page(Viewer viewer, Collection<NoticeState> states, Order order, int offset, int limit);

    /** The notice with its account's name, if the viewer may see it. */
    Optional<Listed> find(Viewer viewer, long id);

    /** The account of the notice, if the viewer may see it; read without loading the notice, so it can be locked first. */
    Optional<Long> accountOf(Viewer viewer, long id);

    /** Held notices with no end to their hold (they wait for a person), oldest first, that the viewer may see. */
    List<Listed> awaitingPerson(Viewer viewer, int limit);

    /** The latest decision of each notice, by notice id. */
    Map<Long, NoticeDecision> latestDecisions(Collection<Long> noticeIds);
}
