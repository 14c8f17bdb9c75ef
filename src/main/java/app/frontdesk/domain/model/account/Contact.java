package app.frontdesk.domain.model.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;

/** An authorized contact of an account: a person whose verified mail may act for the account. */
@Entity
@Table(name = "contact")
public class Contact {

    @Id
    @SequenceGenerator(name = "contact_seq", sequenceName = "contact_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contact_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "account_id")
    private Account account;

    @Column(nullable = false)
    private String address;

    private String name;

    @Column(nullable = false)
    private String locale;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ContactChannel channel;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "webhook_url")
    private String webhookUrl;

    protected Contact() {
    }

    Contact(Account account, EmailAddress address, String name, Locale locale, Instant createdAt) {
        this.account = account;
        this.address = address.value();
        this.name = name == null || name.isBlank() ? null : name.strip();
        this.locale = locale.toLanguageTag();
        this.channel = ContactChannel.EMAIL;
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public Account account() {
        return account;
    }

    public EmailAddress address() {
        return EmailAddress.of(address);
    }

    public String name() {
        return name;
    }

    public Locale locale() {
        return Locale.forLanguageTag(locale);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public ContactChannel channel() {
        return channel;
    }

    public java.util.Optional<String> webhookUrl() {
        return java.util.Optional.ofNullable(webhookUrl);
    }

    /** Asks this contact through a webhook instead of mail (null: back to mail). */
    public void useWebhook(String url) {
        this.webhookUrl = url;
        this.channel = url == null ? ContactChannel.EMAIL : ContactChannel.WEBHOOK;
    }
}
