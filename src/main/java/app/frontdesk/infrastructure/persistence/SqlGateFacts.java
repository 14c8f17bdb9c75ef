package app.frontdesk.infrastructure.persistence;

import app.frontdesk.domain.model.billing.GateFactsQuery;
import app.frontdesk.domain.model.billing.InvoiceState;
import app.frontdesk.domain.model.billing.InvoiceStatus;
import app.frontdesk.domain.model.billing.Money;
import app.frontdesk.domain.model.billing.NoticeKind;
import app.frontdesk.domain.model.billing.PaymentEvidence;
import app.frontdesk.domain.model.supportcase.SupportCase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;

/**
 * The gate's seven fact reads as plain SQL on the transaction's connection. On PostgreSQL they go as
 * one multi-statement execution: the driver sends all seven and a single Sync, so a check waits for
 * the server once instead of seven times. H2 has no multi-statement prepared statements, so there
 * the same statements run one after another. Each statement binds the asked accounts or invoices as
 * one array parameter, so its text (and its server-side plan) is the same whatever the chunk size.
 */
final class SqlGateFacts implements GateFactsQuery {

    /** Which parameters a statement takes, in order. */
    private enum Param { ACCOUNTS, INVOICES, SINCE, EXCEPT, NOW }

    /** Puts one result row into the rows read so far. */
    private interface RowReader {
        void read(ResultSet rs, Rows into) throws SQLException;
    }

    private record Statement(String sql, List<Param> params, RowReader reader) {
    }

    /** In the order they are sent; amounts are NUMERIC(19,4) columns, which Money brings to the currency's scale. */
    private static final List<Statement> ALL = List.of(
            new Statement("SELECT id, time_zone, business_hours FROM account WHERE id = ANY(?)", List.of(Param.ACCOUNTS),
                    (rs, into) -> into.accounts().put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)})),
            new Statement("SELECT i.invoice_number, i.account_id, i.amount, i.currency, i.status, i.due_date,"
                    + " COALESCE((SELECT SUM(a.amount) FROM payment_allocation a WHERE a.invoice_id = i.id), 0)"
                    + " FROM invoice i WHERE i.invoice_number = ANY(?)", List.of(Param.INVOICES), (rs, into) -> {
                        Currency currency = currency(rs.getString(4));
                        String number = rs.getString(1);
                        into.invoices().put(number, new InvoiceState(number, rs.getLong(2), new Money(rs.getBigDecimal(3), currency),
                                InvoiceStatus.valueOf(rs.getString(5)), rs.getObject(6, LocalDate.class), new Money(rs.getBigDecimal(7), currency)));
                    }),
            new Statement("SELECT p.account_id, p.currency, p.amount - COALESCE((SELECT SUM(a.amount) FROM payment_allocation a"
                    + " WHERE a.payment_id = p.id), 0) FROM payment p WHERE p.account_id = ANY(?) AND p.state = 'UNALLOCATED'",
                    List.of(Param.ACCOUNTS), (rs, into) -> into.unallocated().computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Money(rs.getBigDecimal(3), currency(rs.getString(2))))),
            new Statement("SELECT id, account_id, order_number, order_date, amount, currency, received_at FROM payment_evidence"
                    + " WHERE account_id = ANY(?) AND state = 'UNCONFIRMED' ORDER BY id", List.of(Param.ACCOUNTS), (rs, into) -> {
                        long account = rs.getLong(2);
                        into.evidence().computeIfAbsent(account, k -> new ArrayList<>()).add(PaymentEvidence.seen(rs.getLong(1), account,
                                rs.getString(3), rs.getObject(4, LocalDate.class), rs.getBigDecimal(5), rs.getString(6),
                                rs.getObject(7, OffsetDateTime.class).toInstant()));
                    }),
            // open cases, and resolved ones whose promised answer is still to come (a notice must not overtake our answer)
            new Statement("SELECT account_id, id, state, due_at FROM support_case WHERE account_id = ANY(?)"
                    + " AND (state IN ('OPEN', 'AWAITING_AUTHORIZATION') OR state = 'RESOLVED' AND due_at > ?) ORDER BY id",
                    List.of(Param.ACCOUNTS, Param.NOW), (rs, into) -> {
                        String reference = SupportCase.reference(rs.getLong(2));
                        if (!rs.getString(3).equals("RESOLVED")) {
                            into.openCases().computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(reference);
                        }
                        into.promised().computeIfAbsent(rs.getLong(1), k -> new java.util.LinkedHashMap<>())
                                .put(reference, rs.getObject(4, OffsetDateTime.class).toInstant());
                    }),
            new Statement("SELECT account_id FROM account_flag WHERE account_id = ANY(?) AND raised = TRUE", List.of(Param.ACCOUNTS),
                    (rs, into) -> into.flagged().add(rs.getLong(1))),
            new Statement("SELECT i.invoice_no, n.kind, n.updated_at FROM notice_invoice i JOIN notice n ON n.id = i.notice_id"
                    + " WHERE i.invoice_no = ANY(?) AND n.state IN ('QUEUED', 'SENT') AND n.updated_at >= ? AND n.id <> ?",
                    List.of(Param.INVOICES, Param.SINCE, Param.EXCEPT),
                    (rs, into) -> into.sent().computeIfAbsent(NoticeKind.valueOf(rs.getString(2)), k -> new HashMap<>())
                            .computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getObject(3, OffsetDateTime.class).toInstant())));

    private static final String ALL_IN_ONE = String.join(";\n", ALL.stream().map(Statement::sql).toList());

    private final EntityManager em;
    private final boolean postgres;

    SqlGateFacts(EntityManager em, boolean postgres) {
        this.em = em;
        this.postgres = postgres;
    }

    @Override
    public Rows read(Collection<String> invoiceNumbers, Collection<Long> accountIds, Instant sentSince, Long exceptNotice, Instant now) {
        Object[] values = new Object[Param.values().length];
        values[Param.ACCOUNTS.ordinal()] = accountIds.toArray(Long[]::new);
        values[Param.INVOICES.ordinal()] = invoiceNumbers.toArray(String[]::new);
        values[Param.SINCE.ordinal()] = sentSince.atOffset(ZoneOffset.UTC);
        values[Param.EXCEPT.ordinal()] = exceptNotice == null ? -1L : exceptNotice;
        values[Param.NOW.ordinal()] = now.atOffset(ZoneOffset.UTC);
        Rows rows = new Rows(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashSet<>(),
                new EnumMap<>(NoticeKind.class));
        em.flush(); // the statements bypass EclipseLink: what this transaction wrote (an import's payments) must be in them
        Connection c = em.unwrap(Connection.class);
        try {
            if (postgres) {
                try (PreparedStatement ps = c.prepareStatement(ALL_IN_ONE)) {
                    int index = 1;
                    for (Statement s : ALL) {
                        index = bind(ps, index, s, values);
                    }
                    boolean isResult = ps.execute();
                    for (Statement s : ALL) {
                        if (!isResult) {
                            throw new SQLException("expected the rows of: " + s.sql());
                        }
                        try (ResultSet rs = ps.getResultSet()) {
                            collect(s, rs, rows);
                        }
                        isResult = ps.getMoreResults();
                    }
                }
            } else {
                for (Statement s : ALL) {
                    try (PreparedStatement ps = c.prepareStatement(s.sql())) {
                        bind(ps, 1, s, values);
                        try (ResultSet rs = ps.executeQuery()) {
                            collect(s, rs, rows);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("could not read the gate's facts for " + accountIds.size() + " accounts", e);
        }
        return rows;
    }

    private static int bind(PreparedStatement ps, int index, Statement s, Object[] values) throws SQLException {
        for (Param p : s.params()) {
            ps.setObject(index++, values[p.ordinal()]);
        }
        return index;
    }

    private static void collect(Statement s, ResultSet rs, Rows rows) throws SQLException {
        while (rs.next()) {
            s.reader().read(rs, rows);
        }
    }

    private static Currency currency(String code) {
        return Currency.getInstance(code.strip());
    }
}
