package app.frontdesk.domain.model.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * A number or name that belongs to an account (an invoice, a contract, its INN ...), normalized as
 * {@link #normalize} writes it. Kept apart from the Account aggregate: an account can have
 * thousands of invoices and loading it must not load them.
 */
@Entity
@Table(name = "account_reference")
@IdClass(AccountReference.Key.class)
public class AccountReference {

    @Id
    @Column(name = "ref_value")
    private String value;

    @Id
    @Enumerated(EnumType.STRING)
    private ReferenceKind kind;

    @Id
    @Column(name = "account_id")
    private Long accountId;

    protected AccountReference() {
    }

    public AccountReference(long accountId, ReferenceKind kind, String value) {
        this.accountId = accountId;
        this.kind = kind;
        this.value = normalize(kind, value);
        if (this.value.isEmpty()) {
            throw new IllegalArgumentException("an empty " + kind + " reference");
        }
    }

    /** Upper case without spaces for numbers, digits only for phones (8 -> 7 for Russian numbers), names as {@link CompanyName}. */
    public static String normalize(ReferenceKind kind, String raw) {
        String s = raw.strip();
        return switch (kind) {
            case PHONE -> {
                String digits = s.replaceAll("\\D", "");
                yield digits.length() == 11 && digits.startsWith("8") ? "7" + digits.substring(1) : digits;
            }
            case NAME -> CompanyName.normalize(s);
            default -> s.replaceAll("\\s", "").toUpperCase(java.util.Locale.ROOT);
        };
    }

    public Key key() {
        return new Key(value, kind, accountId);
    }

    public String value() {
        return value;
    }

    public ReferenceKind kind() {
        return kind;
    }

    public long accountId() {
        return accountId;
    }

    public static final class Key implements Serializable {
        private String value;
        private ReferenceKind kind;
        private Long accountId;

        public Key() {
        }

        public Key(String value, ReferenceKind kind, Long accountId) {
            this.value = value;
            this.kind = kind;
            this.accountId = accountId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(value, k.value) && kind == k.kind && Objects.equals(accountId, k.accountId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(value, kind, accountId);
        }
    }
}
