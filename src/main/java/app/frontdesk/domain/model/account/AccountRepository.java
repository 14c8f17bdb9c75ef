package app.frontdesk.domain.model.account;

import java.util.List;
import java.util.Optional;

/** Accounts as the domain speaks of them; implemented over JPA in infrastructure. */
public interface AccountRepository {

    Optional<Account> find(long id);

    List<Account> findAll();

    Optional<Account> findByName(String name);

    long count();

    void store(Account account);

    /**
     * The ids of the accounts (an accountant may serve several) that have this address as an authorized contact, lowest first. What the
     * pipeline needs per message, in one indexed query without loading the accounts.
     */
    List<Long> accountsWithContact(EmailAddress address);

    void addReference(AccountReference reference);

    /** The manager with this address, so that one person is one row however many accounts they have. */
    Optional<PersonalManager> managerWithAddress(EmailAddress address);

    /** The ids of the accounts this address is the personal manager of, lowest first. */
    List<Long> accountsManagedBy(EmailAddress managerAddress);
}
