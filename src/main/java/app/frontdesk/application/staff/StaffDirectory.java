package app.frontdesk.application.staff;

import app.frontdesk.application.Transactions;
import app.frontdesk.domain.model.audit.AuditEvent;
import app.frontdesk.domain.model.staff.StaffRole;
import app.frontdesk.domain.model.staff.StaffUser;
import app.frontdesk.domain.model.staff.Viewer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Who may sign in to the console, as what; the first administrator; users created and listed by administrators. */
public final class StaffDirectory {

    /** Long enough that the throttle, not luck, is what stops a guesser. */
    public static final int MIN_PASSWORD = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Transactions transactions;
    private final Clock clock;
    private final PasswordHashes hashes;
    private final LoginThrottle throttle;

    public StaffDirectory(Transactions transactions, Clock clock, PasswordHashes hashes, LoginThrottle throttle) {
        this.transactions = transactions;
        this.clock = clock;
        this.hashes = hashes;
        this.throttle = throttle;
    }

    /** Checks a password; the throttle first, so a blocked guesser does not even cost us a hash. */
    public SignIn signIn(String email, String password, String clientAddress) {
        Optional<java.time.Instant> blocked = throttle.blockedUntil(email, clientAddress);
        if (blocked.isPresent()) {
            return new SignIn.Throttled(blocked.get());
        }
        Optional<StaffUser> user = email == null || email.isBlank() ? Optional.empty()
                : transactions.inTransaction(r -> r.staff().findByEmail(email));
        boolean ok;
        if (user.isEmpty() || user.get().disabled() || user.get().passwordHash() == null) {
            hashes.spendTime(password);
            ok = false;
        } else {
            ok = hashes.matches(password, user.get().passwordHash());
        }
        if (!ok) {
            throttle.failed(email, clientAddress);
            return new SignIn.Refused();
        }
        throttle.succeeded(email);
        return new SignIn.Welcome(user.get().viewer());
    }

    /** The person behind a signed-in principal (our form, or an identity provider that vouches for the address). */
    public Optional<Viewer> viewer(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return transactions.inTransaction(r -> r.staff().findByEmail(email).filter(u -> !u.disabled()).map(StaffUser::viewer));
    }

    /** A new staff member, by an administrator; audited. */
    public Viewer create(Viewer admin, String email, String name, Set<StaffRole> roles, Locale locale, String password) {
        requireAdmin(admin);
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new IllegalArgumentException("the password must be at least " + MIN_PASSWORD + " characters");
        }
        String hash = hashes.hash(password);
        return transactions.inTransaction(r -> {
            if (r.staff().findByEmail(email == null ? "" : email).isPresent()) {
                throw new IllegalArgumentException(email + " already has an account");
            }
            StaffUser u = new StaffUser(email, name, roles, locale, hash, clock.instant());
            r.staff().add(u);
            r.audit().record(new AuditEvent(clock.instant(), admin.email(), "staff-created", "staff", u.id(),
                    u.email() + " as " + String.join(",", roles.stream().sorted().map(StaffRole::id).toList())));
            return u.viewer();
        });
    }

    /** Whom a lead can hand a case to: everyone who can sign in. */
    public List<Viewer> colleagues(Viewer lead) {
        if (!lead.seesAllCases()) {
            return List.of();
        }
        return transactions.inTransaction(r -> r.staff().list(500).stream().filter(u -> !u.disabled()).map(StaffUser::viewer).toList());
    }

    public List<StaffUser> list(Viewer admin) {
        requireAdmin(admin);
        return transactions.inTransaction(r -> r.staff().list(500));
    }

    /**
     * The first administrator, when nobody can sign in yet: the password from FRONTDESK_ADMIN_PASSWORD,
     * else a generated one written to {@code secrets/admin-password} (owner-only) for the operator.
     *
     * @return the generated password, to be printed once; empty when none was generated
     */
    public Optional<String> ensureFirstAdmin(String email, Optional<String> configured, Path secretsDir, Locale locale) {
        if (transactions.inTransaction(r -> r.staff().count()) > 0) {
            return Optional.empty();
        }
        String password = configured.filter(p -> !p.isBlank()).orElseGet(StaffDirectory::generated);
        if (password.length() < MIN_PASSWORD) {
            throw new IllegalArgumentException("FRONTDESK_ADMIN_PASSWORD must be at least " + MIN_PASSWORD + " characters");
        }
        String hash = hashes.hash(password);
        transactions.run(r -> {
            StaffUser u = new StaffUser(email, "Administrator", Set.of(StaffRole.ADMIN), locale, hash, clock.instant());
            r.staff().add(u);
            r.audit().record(new AuditEvent(clock.instant(), "frontdesk", "staff-created", "staff", u.id(), u.email() + " as admin (first start)"));
        });
        if (configured.filter(p -> !p.isBlank()).isPresent()) {
            return Optional.empty();
        }
        write(secretsDir.resolve("admin-password"), password);
        return Optional.of(password);
    }

    private static void requireAdmin(Viewer v) {
        if (!v.is(StaffRole.ADMIN)) {
            throw new SecurityException("only an administrator manages staff");
        }
    }

    private static String generated() {
        // 20 characters from an alphabet without look-alikes (0/O, 1/l/I): read off a terminal, typed by hand.
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            s.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private static void write(Path file, String password) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory's own permissions must do
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
