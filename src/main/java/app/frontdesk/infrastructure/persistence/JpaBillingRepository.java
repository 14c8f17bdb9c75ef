package app.frontdesk.infrastructure.persistence;

import app.frontdesk.domain.model.billing.BillingRepository;
import app.frontdesk.domain.model.billing.Invoice;
import app.frontdesk.domain.model.billing.Notice;
import app.frontdesk.domain.model.billing.NoticeDecision;
import app.frontdesk.domain.model.billing.NoticeKind;
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

    JpaBillingRepository(EntityManager em) {
        this.em = em;
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
    public List<Payment> unallocatedPayments(long accountId) {
        return em.createQuery("SELECT p FROM Payment p WHERE p.accountId = :a AND p.state = :s", Payment.class)
                .setParameter("a", accountId).setParameter("s", PaymentState.UNALLOCATED).getResultList();
    }

    @Override
    public List<Payment> unmatchedPayments(int limit) {
        return em.createQuery("SELECT p FROM Payment p WHERE p.state = :s ORDER BY p.id DESC", Payment.class)
                .setParameter("s", PaymentState.UNMATCHED).setMaxResults(limit).getResultList();
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
    public List<Notice> sentSince(String invoiceNumber, NoticeKind kind, Instant since) {
        return em.createQuery("SELECT n FROM Notice n JOIN n.invoices i WHERE i = :inv AND n.kind = :k AND n.state IN :s"
                        + " AND n.updatedAt >= :since ORDER BY n.id", Notice.class)
                .setParameter("inv", invoiceNumber).setParameter("k", kind)
                .setParameter("s", List.of(NoticeState.QUEUED, NoticeState.SENT)).setParameter("since", since).getResultList();
    }

    @Override
    public List<Notice> dueForRecheck(Instant now, int limit) {
        @SuppressWarnings("unchecked")
        List<Notice> due = em.createNativeQuery("SELECT * FROM notice WHERE (state = 'HELD' AND hold_until <= ?)"
                        + " OR (state = 'SCHEDULED' AND planned_at <= ?) ORDER BY id FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED", Notice.class)
                .setParameter(1, now.atOffset(ZoneOffset.UTC)).setParameter(2, now.atOffset(ZoneOffset.UTC)).setParameter(3, limit)
                .getResultList();
        return due;
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
    public BigDecimal allocatedFrom(long paymentId) {
        BigDecimal sum = em.createQuery("SELECT SUM(a.amount) FROM PaymentAllocation a WHERE a.paymentId = :p", BigDecimal.class)
                .setParameter("p", paymentId).getSingleResult();
        return sum == null ? BigDecimal.ZERO : sum;
    }

    @Override
    public void lockAccount(long accountId) {
        em.createNativeQuery("SELECT id FROM account WHERE id = ? FOR UPDATE").setParameter(1, accountId).getResultList();
    }
}
