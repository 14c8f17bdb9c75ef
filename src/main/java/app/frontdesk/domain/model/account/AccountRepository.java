package app.frontdesk.domain.model.account;

import app.frontdesk.domain.model.staff.Viewer;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Accounts as the domain speaks of them; implemented over JPA in infrastructure. */
public interface AccountRepository {

    Optional<Account> find(long id);

    List<Account> findAll();

    Optional<Account> findByName(String name);

    /**
     * The account if the viewer may see it: billing, a lead or an administrator any; anyone else only
     * one whose personal manager has their address (the narrowing is in the query). Otherwise none, so
     * another manager's account looks like no account at all.
     */
    Optional<Account> findFor(Viewer viewer, long id);

    /**
     * The account if the viewer looks after it and so may change it: a lead or an administrator any,
     * anyone else (billing too) only one whose personal manager has their address.
     */
    Optional<Account> findLookedAfterBy(Viewer viewer, long id);

    /**
     * A page of the accounts the viewer may see (as {@link #findFor}), ids above {@code after}, lowest
     * first. {@code search}, when not blank, is part of the name (any case) or exactly a domain, a
     * contact's address, a number of theirs (INN, KPP, contract, account) or an invoice number.
     */
    List<AccountSummary> page(Viewer viewer, String search, long after, int limit);

    /** The mail domains of these accounts, in one query. */
    Map<Long, List<String>> domainsOf(Collection<Long> accountIds);

    /** The account's numbers (not its name), by kind and value, at most {@code limit}. */
    List<AccountReference> references(long accountId, int limit);

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

    /**
     * The same, without writing this transaction's changes to the database first, so a manager added in it is not
     * found: for the pipeline, which adds none, and whose write before every query compared each entity of its batch
     * again (44 % of its CPU with three other look-ups, docs/benchmarks.md).
     */
    Optional<PersonalManager> storedManagerWithAddress(EmailAddress address);

    /** The ids of the accounts this address is the personal manager of, lowest first. */
    List<Long> accountsManagedBy(EmailAddress managerAddress);
}
