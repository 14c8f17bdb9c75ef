package app.frontdesk.infrastructure.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;

/**
 * A page of due rows, locked so that two workers never take the same row and never wait for each
 * other ({@code FOR UPDATE SKIP LOCKED}).
 *
 * <p>PostgreSQL locks only the rows the page returns. H2 2.2 locks every row that matches the
 * condition before it applies {@code ORDER BY ... FETCH FIRST}: claiming one outbox mail locked (and
 * so rewrote) every pending one, and the database file grew by gigabytes under load. On H2 the page
 * is chosen first, without locks, and only its rows are locked; the condition is repeated outside
 * because H2 checks it again on the locked row, so a row another worker finished in between is
 * skipped, not taken twice.
 */
final class LockedPage {

    private final String postgresSql;
    private final String h2Sql;

    /**
     * @param table the table, with an alias when the condition uses one ({@code "support_case c"})
     * @param key its key columns, qualified like the condition ({@code "c.id"} or {@code "t.sender, t.kind"})
     */
    LockedPage(String table, String key, String condition, String order) {
        condition = "(" + condition + ")";
        postgresSql = "SELECT * FROM " + table + " WHERE " + condition + " ORDER BY " + order
                + " FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED";
        h2Sql = "SELECT * FROM " + table + " WHERE (" + key + ") IN (SELECT " + key + " FROM " + table + " WHERE " + condition
                + " ORDER BY " + order + " FETCH FIRST ? ROWS ONLY) AND " + condition + " ORDER BY " + order
                + " FOR UPDATE SKIP LOCKED";
    }

    /** The locked rows, at most {@code limit}; {@code parameters} fill the condition's {@code ?} in order. */
    <T> List<T> claim(EntityManager em, boolean postgres, Class<T> type, int limit, Object... parameters) {
        List<Object> values = new ArrayList<>(List.of(parameters));
        values.add(limit);
        if (!postgres) {
            values.addAll(List.of(parameters)); // the condition again, outside
        }
        Query query = em.createNativeQuery(postgres ? postgresSql : h2Sql, type);
        for (int i = 0; i < values.size(); i++) {
            query.setParameter(i + 1, values.get(i));
        }
        @SuppressWarnings("unchecked")
        List<T> rows = query.getResultList();
        return rows;
    }
}
