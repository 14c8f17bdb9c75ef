package app.frontdesk.infrastructure.persistence;

import app.frontdesk.domain.model.account.Account;
import app.frontdesk.domain.model.account.AccountReference;
import app.frontdesk.domain.model.account.AccountRepository;
import app.frontdesk.domain.model.account.EmailAddress;
import app.frontdesk.domain.model.account.PersonalManager;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
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
