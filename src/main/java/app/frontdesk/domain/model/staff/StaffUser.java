package app.frontdesk.domain.model.staff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A person who signs in to the console. The e-mail address is the login and ties a personal manager
 * to the accounts they look after (the account's manager has the same address), so an identity
 * provider that vouches for the address (OpenID Connect) needs nothing else.
 */
@Entity
@Table(name = "staff_user")
public class StaffUser {

    @Id
    @SequenceGenerator(name = "staff_user_seq", sequenceName = "staff_user_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "staff_user_seq")
    private Long id;

    @Column(nullable = false)
    private String email;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    /** PBKDF2 in its self-describing form; null for a user who signs in only through an identity provider. */
    @Column(name = "password_hash")
    private String passwordHash;

    @Column(nullable = false)
    private String roles;

    @Column(nullable = false)
    private String locale;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private boolean disabled;

    @Version
    private long version;

    protected StaffUser() {
    }

    public StaffUser(String email, String displayName, Set<StaffRole> roles, Locale locale, String passwordHash, Instant createdAt) {
        if (email == null || !email.matches("[^@\\s]{1,64}@[^@\\s]{1,255}")) {
            throw new IllegalArgumentException("a staff member's login is their e-mail address");
        }
        if (displayName == null || displayName.isBlank()) {
            throw new IllegalArgumentException("a staff member needs a name");
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("a staff member needs at least one role");
        }
        this.email = email.strip().toLowerCase(Locale.ROOT);
        this.displayName = displayName.strip();
        this.roles = roles.stream().sorted().map(StaffRole::id).collect(Collectors.joining(","));
        this.locale = locale.toLanguageTag();
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Set<StaffRole> roles() {
        return Arrays.stream(roles.split(",")).map(StaffRole::of).collect(Collectors.toCollection(() -> EnumSet.noneOf(StaffRole.class)));
    }

    public Locale locale() {
        return Locale.forLanguageTag(locale);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public boolean disabled() {
        return disabled;
    }

    /**
     * Which password a session was opened with: a digest of the stored hash, so it changes with every new password (each
     * hash has its own salt, even for the same password) and reveals nothing of it. A session opened under another
     * stamp ends at its next request (StaffDirectory#viewer).
     */
    public String credentialsStamp() {
        if (passwordHash == null) {
            return "";
        }
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(passwordHash.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d, 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public void changePassword(String newHash) {
        this.passwordHash = newHash;
    }

    public void disable() {
        this.disabled = true;
    }

    public void enable() {
        this.disabled = false;
    }

    /** What the person does here from now on; read again on their next request, so it counts at once. */
    public void changeRoles(Set<StaffRole> newRoles) {
        if (newRoles.isEmpty()) {
            throw new IllegalArgumentException("a staff member needs at least one role");
        }
        this.roles = newRoles.stream().sorted().map(StaffRole::id).collect(Collectors.joining(","));
    }

    public Viewer viewer() {
        return new Viewer(id, email, displayName, roles(), locale());
    }
}
