package app.frontdesk.application.payments;

import app.frontdesk.application.Repositories;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Until when an account's payment orders keep reminders and notices away, as the dunning gate counts
 * it (its clearing window): what the acknowledgement of a payment order promises. Payments know
 * nothing of notices; the gate answers here (wired in bootstrap, like {@link PaymentsChanged}).
 */
@FunctionalInterface
public interface ReminderPause {

    /** The last day of the pause in the account's time zone, read in the caller's transaction; empty when nothing is paused. */
    Optional<LocalDate> until(Repositories repos, long accountId, Instant now);
}
