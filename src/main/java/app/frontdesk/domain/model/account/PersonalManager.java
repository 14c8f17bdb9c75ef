package app.frontdesk.domain.model.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** The person at our company who looks after an account; one manager may look after many. */
@Entity
@Table(name = "personal_manager")
public class PersonalManager {

    @Id
    @SequenceGenerator(name = "personal_manager_seq", sequenceName = "personal_manager_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "personal_manager_seq")
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String address;

    protected PersonalManager() {
    }

    public PersonalManager(String name, EmailAddress address) {
        this.name = requireText(name, "manager name");
        this.address = address.value();
    }

    static String requireText(String s, String what) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        return s.strip();
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public EmailAddress address() {
        return EmailAddress.of(address);
    }

    public void rename(String newName) {
        this.name = requireText(newName, "manager name");
    }
}
