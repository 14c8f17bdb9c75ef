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
        return new SignIn.Welcome(user.get().viewer(), user.get().credentialsStamp());
    }

    /** The person behind a signed-in principal (our form, or an identity provider that vouches for the address). */
    public Optional<Viewer> viewer(String email) {
        return viewer(email, null);
    }

    /**
     * The person behind a session opened with a password: nobody once they are disabled, or once their password was changed
     * or reset since (the stamp the session kept no longer matches), so every other open session ends at its next request.
     * A null stamp (an identity provider's session) is not checked.
     */
    public Optional<Viewer> viewer(String email, String credentials) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return transactions.inTransaction(r -> r.staff().findByEmail(email).filter(u -> !u.disabled())
                .filter(u -> credentials == null || credentials.equals(u.credentialsStamp())).map(StaffUser::viewer));
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

    /**
     * An administrator disables a person (they cannot sign in, and their open sessions end at their next request: the
     * console reads the person afresh each time) or enables them again; audited. Empty for no such person.
     */
    public Optional<StaffUser> setDisabled(Viewer admin, long userId, boolean disabled) {
        requireAdmin(admin);
        return transactions.inTransaction(r -> r.staff().find(userId).map(u -> {
            if (disabled && u.id() == admin.userId()) {
                throw new StaffChangeRefused(StaffChangeRefused.Why.NOT_YOURSELF);
            }
            if (disabled && u.roles().contains(StaffRole.ADMIN) && otherAdministrators(r, u) == 0) {
                throw new StaffChangeRefused(StaffChangeRefused.Why.LAST_ADMINISTRATOR);
            }
            if (u.disabled() != disabled) {
                if (disabled) {
                    u.disable();
                } else {
                    u.enable();
                }
                r.audit().record(new AuditEvent(clock.instant(), admin.email(), disabled ? "staff-disabled" : "staff-enabled", "staff",
                        u.id(), u.email()));
            }
            return u;
        }));
    }

    /** An administrator changes what a person does here; counts from their next request; audited with before and after. */
    public Optional<StaffUser> changeRoles(Viewer admin, long userId, Set<StaffRole> roles) {
        requireAdmin(admin);
        if (roles.isEmpty()) {
            throw new StaffChangeRefused(StaffChangeRefused.Why.NO_ROLE);
        }
        return transactions.inTransaction(r -> r.staff().find(userId).map(u -> {
            Set<StaffRole> before = u.roles();
            if (before.contains(StaffRole.ADMIN) && !roles.contains(StaffRole.ADMIN) && !u.disabled() && otherAdministrators(r, u) == 0) {
                throw new StaffChangeRefused(StaffChangeRefused.Why.LAST_ADMINISTRATOR);
            }
            if (!before.equals(roles)) {
                u.changeRoles(roles);
                r.audit().record(new AuditEvent(clock.instant(), admin.email(), "staff-roles-changed", "staff", u.id(),
                        u.email() + ": " + ids(before) + " -> " + ids(roles)));
            }
            return u;
        }));
    }

    /**
     * An administrator sets a person's password: the one given, or (none given) a generated one, answered to be shown
     * once and stored nowhere but as its hash; audited without it.
     *
     * @return the password set, for the administrator to hand over; empty for no such person
     */
    public Optional<String> resetPassword(Viewer admin, long userId, String password) {
        requireAdmin(admin);
        boolean generate = password == null || password.isEmpty();
        String chosen = generate ? generated() : password;
        if (chosen.length() < MIN_PASSWORD) {
            throw new StaffChangeRefused(StaffChangeRefused.Why.PASSWORD_TOO_SHORT);
        }
        String hash = hashes.hash(chosen); // 600,000 rounds: outside the transaction
        return transactions.inTransaction(r -> r.staff().find(userId).map(u -> {
            u.changePassword(hash);
            r.audit().record(new AuditEvent(clock.instant(), admin.email(), "staff-password-reset", "staff", u.id(),
                    u.email() + (generate ? ": a generated password" : ": a password the administrator chose")));
            return chosen;
        }));
    }

    /**
     * Everyone changes their own password, giving the current one; a wrong one counts with the sign-in throttle (else this
     * form would be a way round it), and a throttled person is not even checked. Audited.
     */
    /** @return the new password's stamp, for the session that changed it to keep (the person's other sessions end) */
    public String changeOwnPassword(Viewer me, String current, String password, String clientAddress) {
        if (throttle.blockedUntil(me.email(), clientAddress).isPresent()) {
            throw new StaffChangeRefused(StaffChangeRefused.Why.THROTTLED);
        }
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new StaffChangeRefused(StaffChangeRefused.Why.PASSWORD_TOO_SHORT);
        }
        String stored = transactions.inTransaction(r -> r.staff().find(me.userId()).filter(u -> !u.disabled()).map(StaffUser::passwordHash))
                .orElse(null);
        if (stored == null || current == null || !hashes.matches(current, stored)) {
            if (stored == null) {
                hashes.spendTime(current);
            }
            throttle.failed(me.email(), clientAddress);
            throw new StaffChangeRefused(StaffChangeRefused.Why.WRONG_PASSWORD);
        }
        String hash = hashes.hash(password);
        return transactions.inTransaction(r -> r.staff().find(me.userId()).map(u -> {
            u.changePassword(hash);
            r.audit().record(new AuditEvent(clock.instant(), me.email(), "password-changed", "staff", u.id(), u.email()));
            return u.credentialsStamp();
        }).orElseThrow(() -> new StaffChangeRefused(StaffChangeRefused.Why.WRONG_PASSWORD)));
    }

    private static long otherAdministrators(app.frontdesk.application.Repositories r, StaffUser u) {
        return r.staff().list(500).stream().filter(x -> !x.id().equals(u.id()) && !x.disabled() && x.roles().contains(StaffRole.ADMIN)).count();
    }

    private static String ids(Set<StaffRole> roles) {
        return String.join(",", roles.stream().sorted().map(StaffRole::id).toList());
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
