package app.frontdesk.application.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows down password guessing: after {@link #MAX_FAILURES} wrong passwords for one login, or
 * {@link #MAX_FAILURES_PER_ADDRESS} from one client address, within {@link #WINDOW}, further attempts
 * are refused until the oldest failure ages out. Kept per login and per address because an attacker
 * either tries many passwords for one person or one password for many people; the address allows more,
 * because a whole office may sign in from one address and one typo must not lock out the colleagues. In memory, per instance: a restart forgives, which PBKDF2's cost makes
 * cheap to accept; bounded so a flood of invented logins cannot fill the heap.
 */
public final class LoginThrottle {

    static final int MAX_FAILURES = 5;
    static final int MAX_FAILURES_PER_ADDRESS = 30;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_KEYS = 10_000;

    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
            return size() > MAX_KEYS;
        }
    };

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** When attempts for this login or from this address may start again; empty when they may now. */
    public synchronized Optional<Instant> blockedUntil(String login, String address) {
        Instant now = clock.instant();
        Optional<Instant> a = until(key("login", login), now, MAX_FAILURES);
        Optional<Instant> b = until(key("addr", address), now, MAX_FAILURES_PER_ADDRESS);
        if (a.isPresent() && b.isPresent()) {
            return Optional.of(a.get().isAfter(b.get()) ? a.get() : b.get());
        }
        return a.isPresent() ? a : b;
    }

    public synchronized void failed(String login, String address) {
        Instant now = clock.instant();
        for (String k : new String[] {key("login", login), key("addr", address)}) {
            Deque<Instant> d = failures.computeIfAbsent(k, x -> new ArrayDeque<>());
            prune(d, now);
            d.addLast(now);
            while (d.size() > MAX_FAILURES_PER_ADDRESS) {
                d.removeFirst();
            }
        }
    }

    /** A right password clears the login's count (not the address's: one right guess must not reset a spray). */
    public synchronized void succeeded(String login) {
        failures.remove(key("login", login));
    }

    private Optional<Instant> until(String k, Instant now, int max) {
        Deque<Instant> d = failures.get(k);
        if (d == null) {
            return Optional.empty();
        }
        prune(d, now);
        // blocked until the failure that made the count reach the limit ages out
        return d.size() >= max ? Optional.of(d.stream().skip(d.size() - max).findFirst().orElseThrow().plus(WINDOW)) : Optional.empty();
    }

    private static void prune(Deque<Instant> d, Instant now) {
        while (!d.isEmpty() && !d.peekFirst().plus(WINDOW).isAfter(now)) {
            d.removeFirst();
        }
    }

    private static String key(String kind, String value) {
        return kind + ":" + (value == null ? "" : value.strip().toLowerCase(java.util.Locale.ROOT));
    }
}
