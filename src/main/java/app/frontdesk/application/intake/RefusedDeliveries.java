package app.frontdesk.application.intake;

import app.frontdesk.application.Transactions;
import app.frontdesk.application.outbox.AdminAlert;
import app.frontdesk.domain.model.supportcase.SenderThrottle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Deliveries refused for a wrong token. The mail server keeps such mail and retries (the pipe exits
 * 75), so nothing is lost, but nothing arrives either, and only the mail log would say why: the
 * administrator is told, at most once an hour, and /health/ready warns.
 */
public final class RefusedDeliveries {

    private static final Duration ALERT_EVERY = Duration.ofHours(1);
    /** The throttle row's key (a sender column, but no address can look like this). */
    static final String THROTTLE = "(deliveries refused)";
    private static final Duration WARN_FOR = Duration.ofHours(24);

    private final Transactions transactions;
    private final Clock clock;
    private final AdminAlert alert;
    private final AtomicLong count = new AtomicLong();
    private volatile Instant last;
    private Instant alerted;

    public RefusedDeliveries(Transactions transactions, Clock clock, AdminAlert alert) {
        this.transactions = transactions;
        this.clock = clock;
        this.alert = alert;
    }

    /** A delivery to intake was refused: no token, or not the mail server's. */
    public void refused() {
        Instant now = clock.instant();
        long n = count.incrementAndGet();
        last = now;
        synchronized (this) {
            if (alerted != null && now.isBefore(alerted.plus(ALERT_EVERY))) {
                return;
            }
            alerted = now;
        }
        try {
            // once an hour across every instance over this database, not once per instance: the throttle row is locked
            // (of two instances inserting it at once, one inserts and the other finds it and sends nothing)
            transactions.run(r -> {
                if (!r.cases().addThrottleIfAbsent(new SenderThrottle(THROTTLE, SenderThrottle.Kind.OPERATOR, null, now))
                        && !r.cases().lockThrottle(THROTTLE, SenderThrottle.Kind.OPERATOR).orElseThrow().tryPass(ALERT_EVERY, null, now)) {
                    return;
                }
                r.outbox().add(alert.deliveriesRefused(r, n, now));
            });
        } catch (RuntimeException e) {
            // the database is away, or another instance alerted this very moment: the readiness warning still says it
        }
    }

    /** What /health/ready warns about, while refusals are recent. */
    public Optional<String> warning() {
        Instant l = last;
        if (l == null || l.isBefore(clock.instant().minus(WARN_FOR))) {
            return Optional.empty();
        }
        return Optional.of(count.get() + " deliveries to /api/inbound refused for a wrong or missing token since start, the last at " + l
                + "; the mail server keeps that mail and retries: check the token its pipe uses (FRONTDESK_MTA_TOKEN_FILE)");
    }
}
