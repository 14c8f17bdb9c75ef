package app.frontdesk.infrastructure.persistence;

import app.frontdesk.domain.model.account.EvidenceIndex;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * One native statement with array parameters ({@code = ANY(?)}): the same SQL text whatever the number
 * of clues, so the driver prepares it once, and each branch is an index probe (ref_value leads the
 * account_reference key; account_domain_domain_idx; the unique outbox message_id).
 */
final class JpaEvidenceIndex implements EvidenceIndex {

    private static final String SQL = "SELECT 'reference', kind, ref_value, account_id FROM account_reference WHERE ref_value = ANY(?)"
            + " UNION ALL SELECT 'domain', NULL, domain, account_id FROM account_domain WHERE domain = ANY(?)"
            + " UNION ALL SELECT 'sent-mail', NULL, message_id, account_id FROM outbox WHERE message_id = ANY(?) AND account_id IS NOT NULL";

    private final EntityManager em;

    JpaEvidenceIndex(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<Hit> find(Collection<String> referenceValues, Collection<String> domains, Collection<String> messageIds) {
        List<Hit> hits = new ArrayList<>();
        if (referenceValues.isEmpty() && domains.isEmpty() && messageIds.isEmpty()) {
            return hits;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SQL)
                .setParameter(1, referenceValues.toArray(String[]::new))
                .setParameter(2, domains.toArray(String[]::new))
                .setParameter(3, messageIds.toArray(String[]::new))
                // No flush first: nobody adds references, domains or sent mail and then looks them up in one transaction,
                // and the flush compared every entity of the pipeline's batch again, for every message (JFR, 2026-11-29).
                .setFlushMode(FlushModeType.COMMIT)
                .getResultList();
        for (Object[] row : rows) {
            hits.add(new Hit((String) row[0], (String) row[1], (String) row[2], ((Number) row[3]).longValue()));
        }
        return hits;
    }
}
