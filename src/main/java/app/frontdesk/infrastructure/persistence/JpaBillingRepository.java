package app.frontdesk.infrastructure.persistence;

import app.frontdesk.domain.model.billing.BillingRepository;
import app.frontdesk.domain.model.billing.Invoice;
import app.frontdesk.domain.model.billing.InvoiceStatus;
import app.frontdesk.domain.model.billing.Notice;
import app.frontdesk.domain.model.billing.NoticeDecision;
import app.frontdesk.domain.model.billing.NoticeState;
import app.frontdesk.domain.model.billing.Payment;
import app.frontdesk.domain.model.billing.PaymentAllocation;
import app.frontdesk.domain.model.billing.PaymentEvidence;
import app.frontdesk.domain.model.billing.PaymentState;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

final class JpaBillingRepository implements BillingRepository {

    private final EntityManager em;
    private final boolean postgres;

    private static final String RECHECK_DUE = "(state = 'HELD' AND hold_until <= ?) OR (state = 'SCHEDULED' AND planned_at <= ?)";
    private static final LockedPage RECHECK_PAGE = new LockedPage("notice", "id", RECHECK_DUE, "id");
    private static final LockedPage QUEUED_BATCH = new LockedPage("notice_batch", "id", "state = 'QUEUED'", "id");

    JpaBillingRepository(EntityManager em, boolean postgres) {
        this.em = em;
        this.postgres = postgres;
    }

    @Override
    public void add(Invoice invoice) {
        em.persist(invoice);
    }

    @Override
    public Optional<Invoice> invoiceByNumber(String number) {
        return em.createQuery("SELECT i FROM Invoice i WHERE i.number = :n", Invoice.class).setParameter("n", number)
                .getResultStream().findFirst();
    }

    @Override
    public Map<String, Invoice> invoicesByNumber(Collection<String> numbers) {
        Map<String, Invoice> found = new HashMap<>();
        if (!numbers.isEmpty()) {
            em.createQuery("SELECT i FROM Invoice i WHERE i.number IN :n", Invoice.class).setParameter("n", List.copyOf(numbers))
                    .getResultList().forEach(i -> found.put(i.number(), i));
        }
        return found;
    }

    @Override
    public Map<Long, BigDecimal> allocatedTo(Collection<Long> invoiceIds) {
        Map<Long, BigDecimal> sums = new HashMap<>();
        if (!invoiceIds.isEmpty()) {
            List<Object[]> rows = em.createQuery("SELECT a.invoiceId, SUM(a.amount) FROM PaymentAllocation a WHERE a.invoiceId IN :ids"
                    + " GROUP BY a.invoiceId", Object[].class).setParameter("ids", List.copyOf(invoiceIds)).getResultList();
            rows.forEach(r -> sums.put(((Number) r[0]).longValue(), (BigDecimal) r[1]));
        }
        return sums;
    }

    @Override
    public boolean paymentExists(String externalId) {
        return !em.createQuery("SELECT p.id FROM Payment p WHERE p.externalId = :e", Long.class).setParameter("e", externalId)
                .setMaxResults(1).getResultList().isEmpty();
    }

    @Override
    public void add(Payment payment) {
        em.persist(payment);
        em.flush(); // allocations refer to its id
    }

    @Override
    public void add(PaymentAllocation allocation) {
        em.persist(allocation);
    }

    @Override
    public List<Payment> paymentsAllocatedTo(Collection<Long> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT p FROM Payment p WHERE p.id IN (SELECT a.paymentId FROM PaymentAllocation a WHERE a.invoiceId IN :i)"
                + " ORDER BY p.id", Payment.class).setParameter("i", List.copyOf(invoiceIds)).getResultList();
    }

    @Override
    public List<Payment> unmatchedPayments(int limit) {
        return em.createQuery("SELECT p FROM Payment p WHERE p.state = :s ORDER BY p.id DESC", Payment.class)
                .setParameter("s", PaymentState.UNMATCHED).setMaxResults(limit).getResultList();
    }

    @Override
    public Optional<Payment> lockPayment(long id) {
        return Optional.ofNullable(em.find(Payment.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public List<Invoice> openInvoices(long accountId) {
        return em.createQuery("SELECT i FROM Invoice i WHERE i.accountId = :a AND i.status NOT IN :done ORDER BY i.dueDate, i.id", Invoice.class)
                .setParameter("a", accountId).setParameter("done", List.of(InvoiceStatus.PAID, InvoiceStatus.CANCELLED)).getResultList();
    }

    @Override
    public void add(PaymentEvidence evidence) {
        em.persist(evidence);
    }

    @Override
    public List<PaymentEvidence> unconfirmedEvidence(long accountId) {
        return em.createQuery("SELECT e FROM PaymentEvidence e WHERE e.accountId = :a AND e.state = :s ORDER BY e.id", PaymentEvidence.class)
                .setParameter("a", accountId).setParameter("s", PaymentEvidence.State.UNCONFIRMED).getResultList();
    }

    @Override
    public List<Invoice> invoicesOf(long accountId, int limit) {
        return em.createQuery("SELECT i FROM Invoice i WHERE i.accountId = :a ORDER BY i.issueDate DESC, i.id DESC", Invoice.class)
                .setParameter("a", accountId).setMaxResults(limit).getResultList();
    }

    @Override
    public List<Payment> paymentsOf(long accountId, int limit) {
        return em.createQuery("SELECT p FROM Payment p WHERE p.accountId = :a ORDER BY p.id DESC", Payment.class)
                .setParameter("a", accountId).setMaxResults(limit).getResultList();
    }

    @Override
    public List<PaymentEvidence> evidenceOf(long accountId, int limit) {
        return em.createQuery("SELECT e FROM PaymentEvidence e WHERE e.accountId = :a ORDER BY e.id DESC", PaymentEvidence.class)
                .setParameter("a", accountId).setMaxResults(limit).getResultList();
    }

    @Override
    public void add(Notice notice) {
        em.persist(notice);
        em.flush();
    }

    @Override
    public Optional<Notice> notice(long id) {
        return Optional.ofNullable(em.find(Notice.class, id));
    }

    @Override
    public List<Notice> notices(long accountId, Collection<NoticeState> states) {
        return em.createQuery("SELECT n FROM Notice n WHERE n.accountId = :a AND n.state IN :s ORDER BY n.id", Notice.class)
                .setParameter("a", accountId).setParameter("s", List.copyOf(states)).getResultList();
    }

    @Override
    public List<Notice> notices(Collection<NoticeState> states, int limit) {
        return em.createQuery("SELECT n FROM Notice n WHERE n.state IN :s ORDER BY n.id", Notice.class)
                .setParameter("s", List.copyOf(states)).setMaxResults(limit).getResultList();
    }

    @Override
    public List<Notice> dueForRecheck(Instant now, int limit) {
        var at = now.atOffset(ZoneOffset.UTC);
        return RECHECK_PAGE.claim(em, postgres, Notice.class, limit, at, at);
    }

    @Override
    public void add(NoticeDecision decision) {
        em.persist(decision);
    }

    @Override
    public List<NoticeDecision> decisions(long noticeId) {
        return em.createQuery("SELECT d FROM NoticeDecision d WHERE d.noticeId = :n ORDER BY d.id", NoticeDecision.class)
                .setParameter("n", noticeId).getResultList();
    }

    @Override
    public Optional<Notice> noticeByOutbox(long outboxId) {
        return em.createQuery("SELECT n FROM Notice n WHERE n.outboxId = :o", Notice.class).setParameter("o", outboxId)
                .getResultStream().findFirst();
    }

    @Override
    public void add(app.frontdesk.domain.model.billing.NoticeBatch batch) {
        em.persist(batch);
        em.flush();
    }

    @Override
    public void add(app.frontdesk.domain.model.billing.NoticeBatchInput input) {
        em.persist(input);
    }

    @Override
    public byte[] batchInput(long batchId) {
        return em.find(app.frontdesk.domain.model.billing.NoticeBatchInput.class, batchId).input();
    }

    @Override
    public Optional<app.frontdesk.domain.model.billing.NoticeBatch> batch(long id) {
        return Optional.ofNullable(em.find(app.frontdesk.domain.model.billing.NoticeBatch.class, id));
    }

    @Override
    public Optional<app.frontdesk.domain.model.billing.NoticeBatch> claimQueuedBatch() {
        return QUEUED_BATCH.claim(em, postgres, app.frontdesk.domain.model.billing.NoticeBatch.class, 1).stream().findFirst();
    }

    @Override
    public List<NoticeDecision> batchDecisions(long batchId) {
        return em.createQuery("SELECT d FROM NoticeDecision d WHERE d.batchId = :b ORDER BY d.batchRow", NoticeDecision.class)
                .setParameter("b", batchId).getResultList();
    }

    /**
     * One JDBC batch instead of a thousand managed entities: EclipseLink's registration and change
     * sets for a chunk's decisions were a third of a batch's CPU. The ids come from the same
     * sequence in blocks of its increment, as EclipseLink takes them, so the two never collide.
     */
    @Override
    public void addAll(List<NoticeDecision> decisions) {
        if (decisions.isEmpty()) {
            return;
        }
        java.sql.Connection c = em.unwrap(java.sql.Connection.class);
        try {
            long[] ids = decisionIds(c, decisions.size());
            try (var insert = c.prepareStatement("INSERT INTO notice_decision (id, notice_id, account_id, verdict, reasons, hold_until,"
                    + " decided_at, data_seen, cause, batch_id, batch_row) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < decisions.size(); i++) {
                    NoticeDecision d = decisions.get(i);
                    insert.setLong(1, ids[i]);
                    insert.setObject(2, d.noticeId(), java.sql.Types.BIGINT);
                    insert.setObject(3, d.accountId(), java.sql.Types.BIGINT);
                    insert.setString(4, d.verdict().name());
                    insert.setString(5, d.reasons());
                    insert.setObject(6, d.holdUntil() == null ? null : d.holdUntil().atOffset(ZoneOffset.UTC), java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
                    insert.setObject(7, d.decidedAt().atOffset(ZoneOffset.UTC), java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
                    insert.setString(8, d.dataSeen());
                    insert.setString(9, d.cause());
                    insert.setObject(10, d.batchId(), java.sql.Types.BIGINT);
                    insert.setObject(11, d.batchRow(), java.sql.Types.INTEGER);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        } catch (java.sql.SQLException e) {
            throw new jakarta.persistence.PersistenceException("could not store " + decisions.size() + " decisions", e);
        }
    }

    /** The entity's allocationSize, which its sequence's INCREMENT BY equals: the batch takes ids in the same blocks as EclipseLink. */
    private static final int DECISION_ID_BLOCK = idBlock(NoticeDecision.class);

    private static int idBlock(Class<?> entity) {
        for (java.lang.reflect.Field f : entity.getDeclaredFields()) {
            jakarta.persistence.SequenceGenerator g = f.getAnnotation(jakarta.persistence.SequenceGenerator.class);
            if (g != null) {
                return g.allocationSize();
            }
        }
        throw new IllegalStateException(entity.getSimpleName() + " has no @SequenceGenerator");
    }

    private long[] decisionIds(java.sql.Connection c, int count) throws java.sql.SQLException {
        int blocks = (count + DECISION_ID_BLOCK - 1) / DECISION_ID_BLOCK;
        String sql = postgres ? "SELECT nextval('notice_decision_seq') FROM generate_series(1, ?)"
                : "SELECT NEXT VALUE FOR notice_decision_seq FROM SYSTEM_RANGE(1, ?)";
        long[] ids = new long[count];
        int n = 0;
        try (var q = c.prepareStatement(sql)) {
            q.setInt(1, blocks);
            try (var rs = q.executeQuery()) {
                while (rs.next() && n < count) {
                    long last = rs.getLong(1);
                    for (long id = last - DECISION_ID_BLOCK + 1; id <= last && n < count; id++) {
                        ids[n++] = id;
                    }
                }
            }
        }
        if (n < count) {
            throw new java.sql.SQLException("the sequence gave " + n + " of " + count + " ids");
        }
        return ids;
    }

    @Override
    public void commitWithoutWaitingForDisk() {
        if (postgres) {
            em.createNativeQuery("SET LOCAL synchronous_commit TO OFF").executeUpdate();
        }
    }

    @Override
    public boolean lockAccount(long accountId) {
        return !em.createNativeQuery("SELECT id FROM account WHERE id = ? FOR UPDATE").setParameter(1, accountId).getResultList().isEmpty();
    }
}
