package app.frontdesk.application.staff;

import app.frontdesk.application.Repositories;
import app.frontdesk.application.Transactions;
import app.frontdesk.domain.model.staff.LoginFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Slows down password guessing: after {@link #MAX_FAILURES} wrong passwords for one login, or
 * {@link #MAX_FAILURES_PER_ADDRESS} from one client address, within {@link #WINDOW}, further attempts
 * are refused until the oldest failure ages out. Kept per login and per address because an attacker
 * either tries many passwords for one person or one password for many people; the address allows more,
 * because a whole office may sign in from one address and one typo must not lock out the colleagues.
 *
 * <p>The failures are rows in the database ({@code login_failure}), not memory: every instance over one
 * database counts the same ones, so several instances do not multiply an attacker's attempts, and a restart
 * forgives nothing. Two attempts checked at the same moment (on one instance or two) may both pass the check
 * before either failure is written, as they could in memory; the count is exact again at the next one.
 *
 * <p>Bounded: housekeeping ({@link #forgetOld()}) deletes every failure older than the window, so the table
 * holds the last 15 minutes (and up to one housekeeping turn more); and every row pair written cost the
 * gateway one PBKDF2 computation first (a wrong login is hashed like a right one), so a flood of invented
 * logins fills it no faster than the processors hash.
 */
public final class LoginThrottle {

    static final int MAX_FAILURES = 5;
    static final int MAX_FAILURES_PER_ADDRESS = 30;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Transactions transactions;
    private final Clock clock;

    public LoginThrottle(Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /** When attempts for this login or from this address may start again; empty when they may now. */
    public Optional<Instant> blockedUntil(String login, String address) {
        Instant now = clock.instant();
        return transactions.inTransaction(r -> {
            Optional<Instant> a = until(r, LoginFailure.Kind.LOGIN, login, now, MAX_FAILURES);
            Optional<Instant> b = until(r, LoginFailure.Kind.ADDRESS, address, now, MAX_FAILURES_PER_ADDRESS);
            if (a.isPresent() && b.isPresent()) {
                return Optional.of(a.get().isAfter(b.get()) ? a.get() : b.get());
            }
            return a.isPresent() ? a : b;
        });
    }

    public void failed(String login, String address) {
        Instant now = clock.instant();
        transactions.run(r -> {
            r.staff().add(new LoginFailure(LoginFailure.Kind.LOGIN, login, now));
            r.staff().add(new LoginFailure(LoginFailure.Kind.ADDRESS, address, now));
        });
    }

    /** A right password clears the login's count (not the address's: one right guess must not reset a spray). */
    public void succeeded(String login) {
        transactions.run(r -> r.staff().forgetLoginFailures(LoginFailure.Kind.LOGIN, login));
    }

    /** Deletes the failures that no longer count (housekeeping); answers how many went. */
    public int forgetOld() {
        Instant now = clock.instant();
        return transactions.inTransaction(r -> r.staff().pruneLoginFailures(now.minus(WINDOW)));
    }

    private static Optional<Instant> until(Repositories r, LoginFailure.Kind kind, String key, Instant now, int max) {
        // newest first: the max-th newest is the failure that made the count reach the limit; blocked until it ages out
        List<Instant> recent = r.staff().loginFailures(kind, key, now.minus(WINDOW), max);
        return recent.size() >= max ? Optional.of(recent.get(max - 1).plus(WINDOW)) : Optional.empty();
    }
}
