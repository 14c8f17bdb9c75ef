package app.frontdesk.domain.model.account;

import java.util.Collection;
import java.util.List;

/**
 * The one look-up that ties clues to accounts: references by value, registered domains, and our sent
 * mail by Message-ID, answered in one round trip over three indexes. Reads plain rows, not entities:
 * a stranger's mail must cost the database a few index probes and nothing else.
 */
public interface EvidenceIndex {

    /**
     * @param source {@code reference}, {@code domain} or {@code sent-mail}
     * @param kind   the reference kind (INVOICE ...); null for domains and sent mail
     * @param value  the matched value as stored
     */
    record Hit(String source, String kind, String value, long accountId) {
    }

    List<Hit> find(Collection<String> referenceValues, Collection<String> domains, Collection<String> messageIds);
}
