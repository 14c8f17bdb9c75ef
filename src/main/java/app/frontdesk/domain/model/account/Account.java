package app.frontdesk.domain.model.account;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** A customer of ours. The aggregate root for its domains, authorized contacts and personal manager. */
@Entity
@Table(name = "account")
@NamedQuery(name = "Account.findAll", query = "SELECT a FROM Account a ORDER BY a.id")
@NamedQuery(name = "Account.findByName", query = "SELECT a FROM Account a WHERE a.name = :name")
@NamedQuery(name = "Account.count", query = "SELECT COUNT(a) FROM Account a")
@NamedQuery(name = "Contact.accountIdsByAddress",
        query = "SELECT DISTINCT c.account.id FROM Contact c WHERE c.address = :address ORDER BY c.account.id")
public class Account {

    @Id
    @SequenceGenerator(name = "account_seq", sequenceName = "account_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_seq")
    private Long id;

    @Column(nullable = false)
    private String name;

    @ElementCollection
    @CollectionTable(name = "account_domain", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "domain")
    private Set<String> domains = new LinkedHashSet<>();

    @OneToMany(mappedBy = "account", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<Contact> contacts = new ArrayList<>();

    @ManyToOne(cascade = CascadeType.PERSIST)
    @JoinColumn(name = "manager_id")
    private PersonalManager manager;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Where the customer is: business hours for notices count there. Null: the gateway's zone. */
    @Column(name = "time_zone")
    private String timeZone;

    /** The customer's own business hours, such as 08:00-17:00; null: the gateway's. */
    @Column(name = "business_hours")
    private String businessHours;

    @Version
    private long version;

    protected Account() {
    }

    public Account(String name, Instant createdAt) {
        this.name = PersonalManager.requireText(name, "account name");
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public void rename(String newName) {
        this.name = PersonalManager.requireText(newName, "account name");
    }

    public Set<String> domains() {
        return Collections.unmodifiableSet(domains);
    }

    /** Adds a mail domain of the customer's own (never a public mail service; that check is policy, not here). */
    public void addDomain(String domain) {
        domains.add(normalizeDomain(domain));
    }

    public void replaceDomains(Iterable<String> newDomains) {
        domains.clear();
        newDomains.forEach(this::addDomain);
    }

    public static String normalizeDomain(String domain) {
        String d = PersonalManager.requireText(domain, "domain").toLowerCase(Locale.ROOT);
        if (d.startsWith("@")) {
            d = d.substring(1);
        }
        return EmailAddress.parse("x@" + d)
                .map(EmailAddress::domain)
                .orElseThrow(() -> new IllegalArgumentException("not a mail domain: \"" + domain + "\""));
    }

    public List<Contact> contacts() {
        return Collections.unmodifiableList(contacts);
    }

    public Optional<Contact> contact(EmailAddress address) {
        return contacts.stream().filter(c -> c.address().equals(address)).findFirst();
    }

    /** Authorizes {@code address} for this account; answers the existing contact when it is already there. */
    public Contact authorize(EmailAddress address, String contactName, Locale locale, Instant now) {
        return contact(address).orElseGet(() -> {
            Contact c = new Contact(this, address, contactName, locale, now);
            contacts.add(c);
            return c;
        });
    }

    public void removeContacts() {
        contacts.clear();
    }

    /** Takes one contact's authorization away; answers the contact removed, none when it is not one of this account's. */
    public Optional<Contact> removeContact(long contactId) {
        Optional<Contact> c = contacts.stream().filter(x -> x.id() != null && x.id() == contactId).findFirst();
        c.ifPresent(contacts::remove);
        return c;
    }

    public Optional<PersonalManager> manager() {
        return Optional.ofNullable(manager);
    }

    public void assignManager(PersonalManager personalManager) {
        this.manager = personalManager;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<java.time.ZoneId> timeZone() {
        return Optional.ofNullable(timeZone).map(java.time.ZoneId::of);
    }

    public void moveTo(java.time.ZoneId zone) {
        this.timeZone = zone == null ? null : zone.getId();
    }

    public Optional<String> businessHours() {
        return Optional.ofNullable(businessHours);
    }

    /** Sets the customer's business hours, written HH:MM-HH:MM (null: the gateway's). */
    public void workHours(String hours) {
        this.businessHours = hours == null ? null : app.frontdesk.domain.model.calendar.BusinessHours.parse(hours).toString();
    }
}
