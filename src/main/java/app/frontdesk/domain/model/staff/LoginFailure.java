package app.frontdesk.domain.model.staff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;

/**
 * One wrong password at the console's sign-in, counted twice: once for the login that was tried and once for
 * the client address it came from. In the database, so that every instance over it counts the same failures.
 */
@Entity
@Table(name = "login_failure")
public class LoginFailure {

    /** What a failure is counted against. */
    public enum Kind {
        LOGIN, ADDRESS
    }

    /** The column's width, and the longest address a staff member can have (64 + 1 + 255). */
    public static final int MAX_KEY = 320;

    @Id
    @SequenceGenerator(name = "login_failure_seq", sequenceName = "login_failure_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "login_failure_seq")
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Column(name = "failure_key", nullable = false)
    private String key;

    @Column(name = "failed_at", nullable = false)
    private Instant failedAt;

    protected LoginFailure() {
    }

    public LoginFailure(Kind kind, String typed, Instant failedAt) {
        this.kind = kind;
        this.key = key(typed);
        this.failedAt = failedAt;
    }

    /**
     * A login or an address as it is counted: one spelling (stripped, lower case), empty for none, and cut to
     * {@link #MAX_KEY}: anything longer is no staff member's login, and invented logins that share their first
     * 320 characters only count together.
     */
    public static String key(String typed) {
        String k = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        return k.length() > MAX_KEY ? k.substring(0, MAX_KEY) : k;
    }

    public Kind kind() {
        return kind;
    }

    public String key() {
        return key;
    }

    public Instant failedAt() {
        return failedAt;
    }
}
