package app.frontdesk.infrastructure.persistence;

import app.frontdesk.domain.model.account.Account;
import app.frontdesk.domain.model.account.AccountReference;
import app.frontdesk.domain.model.account.AccountRepository;
import app.frontdesk.domain.model.account.AccountSummary;
import app.frontdesk.domain.model.account.EmailAddress;
import app.frontdesk.domain.model.account.PersonalManager;
import app.frontdesk.domain.model.account.ReferenceKind;
import app.frontdesk.domain.model.staff.Viewer;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

final class JpaAccountRepository implements AccountRepository {

    private final EntityManager em;
    /**
     * Contact look-ups of this transaction: a batch often holds several mails of one sender, and
     * within one transaction the answer cannot change but through this repository (see store).
     */
    private final Map<String, List<Long>> accountsByContact = new HashMap<>();

    JpaAccountRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Account> find(long id) {
        return Optional.ofNullable(em.find(Account.class, id));
    }

    @Override
    public List<Account> findAll() {
        return em.createNamedQuery("Account.findAll", Account.class).getResultList();
    }

    @Override
    public Optional<Account> findByName(String name) {
        return em.createNamedQuery("Account.findByName", Account.class).setParameter("name", name)
                .getResultStream().findFirst();
    }

    @Override
    public Optional<Account> findFor(Viewer viewer, long id) {
        return narrowed(viewer.seesAllBilling(), viewer, id);
    }

    @Override
    public Optional<Account> findLookedAfterBy(Viewer viewer, long id) {
        return narrowed(viewer.seesAllCases(), viewer, id);
    }

    /** The row-level rule, in the query (as for cases): the accounts whose personal manager has the viewer's address. */
    private Optional<Account> narrowed(boolean seesAll, Viewer viewer, long id) {
        if (seesAll) {
            return find(id);
        }
        return em.createQuery("SELECT a FROM Account a WHERE a.id = :id AND a.manager.address = :me", Account.class)
                .setParameter("id", id).setParameter("me", viewer.managerAddress()).getResultStream().findFirst();
    }

    /**
     * One page by key (ids above {@code after}), so no page reads more than it shows whatever the
     * table's size. The numbers, domains and addresses are exact matches on their indexes; the name
     * is a substring, which the database checks row by row on the way up the key until the page is full.
     */
    @Override
    public List<AccountSummary> page(Viewer viewer, String search, long after, int limit) {
        StringBuilder jpql = new StringBuilder("SELECT NEW app.frontdesk.domain.model.account.AccountSummary(a.id, a.name, m.name, m.address)"
                + " FROM Account a LEFT JOIN a.manager m WHERE a.id > :after");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("after", after);
        if (!viewer.seesAllBilling()) {
            jpql.append(" AND m.address = :me");
            params.put("me", viewer.managerAddress());
        }
        String q = search == null ? "" : search.strip();
        if (!q.isEmpty()) {
            List<String> any = new ArrayList<>();
            any.add("LOWER(a.name) LIKE :name ESCAPE '!'");
            params.put("name", "%" + q.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
            String number = AccountReference.normalize(ReferenceKind.INVOICE, q);
            if (!number.isEmpty() && number.length() <= 200) {
                any.add("a.id IN (SELECT r.accountId FROM AccountReference r WHERE r.value = :number AND r.kind IN :kinds)");
                params.put("number", number);
                params.put("kinds", List.of(ReferenceKind.INN, ReferenceKind.KPP, ReferenceKind.INVOICE, ReferenceKind.CONTRACT,
                        ReferenceKind.ACCOUNT_NUMBER));
                any.add("a.id IN (SELECT i.accountId FROM Invoice i WHERE i.number IN :invoice)");
                params.put("invoice", List.of(q, number));
            }
            EmailAddress.parse(q).ifPresent(address -> {
                any.add("a.id IN (SELECT c.account.id FROM Contact c WHERE c.address = :address)");
                params.put("address", address.value());
            });
            domain(q).ifPresent(d -> {
                any.add(":domain MEMBER OF a.domains");
                params.put("domain", d);
            });
            jpql.append(" AND (").append(String.join(" OR ", any)).append(')');
        }
        var query = em.createQuery(jpql.append(" ORDER BY a.id").toString(), AccountSummary.class);
        params.forEach(query::setParameter);
        return query.setMaxResults(limit).getResultList();
    }

    private static Optional<String> domain(String q) {
        if (q.contains("@") || !q.contains(".")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Account.normalizeDomain(q));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public Map<Long, List<String>> domainsOf(Collection<Long> accountIds) {
        Map<Long, List<String>> domains = new HashMap<>();
        if (accountIds.isEmpty()) {
            return domains;
        }
        List<Object[]> rows = em.createQuery("SELECT a.id, d FROM Account a JOIN a.domains d WHERE a.id IN :ids ORDER BY d", Object[].class)
                .setParameter("ids", List.copyOf(accountIds)).getResultList();
        for (Object[] row : rows) {
            domains.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((String) row[1]);
        }
        return domains;
    }

    @Override
    public List<AccountReference> references(long accountId, int limit) {
        return em.createQuery("SELECT r FROM AccountReference r WHERE r.accountId = :a AND r.kind <> :name ORDER BY r.kind, r.value",
                        AccountReference.class)
                .setParameter("a", accountId).setParameter("name", ReferenceKind.NAME).setMaxResults(limit).getResultList();
    }

    @Override
    public long count() {
        return em.createNamedQuery("Account.count", Long.class).getSingleResult();
    }

    @Override
    public void store(Account account) {
        accountsByContact.clear();
        if (account.id() == null) {
            em.persist(account);
        }
        em.flush();
    }

    @Override
    public List<Long> accountsWithContact(EmailAddress address) {
        return accountsByContact.computeIfAbsent(address.value(), a -> List.copyOf(
                em.createNamedQuery("Contact.accountIdsByAddress", Long.class).setParameter("address", a).getResultList()));
    }

    @Override
    public Optional<PersonalManager> managerWithAddress(EmailAddress address) {
        return em.createQuery("SELECT m FROM PersonalManager m WHERE m.address = :address", PersonalManager.class)
                .setParameter("address", address.value()).getResultStream().findFirst();
    }

    @Override
    public Optional<PersonalManager> storedManagerWithAddress(EmailAddress address) {
        return em.createQuery("SELECT m FROM PersonalManager m WHERE m.address = :address", PersonalManager.class)
                .setParameter("address", address.value()).setFlushMode(FlushModeType.COMMIT).getResultStream().findFirst();
    }

    @Override
    public List<Long> accountsManagedBy(EmailAddress managerAddress) {
        return em.createQuery("SELECT a.id FROM Account a WHERE a.manager.address = :address ORDER BY a.id", Long.class)
                .setParameter("address", managerAddress.value()).getResultList();
    }

    @Override
    public void addReference(AccountReference reference) {
        if (em.find(AccountReference.class, reference.key()) == null) {
            em.persist(reference);
        }
    }
}
