package app.frontdesk.application.dunning;

import app.frontdesk.application.Repositories;
import java.time.Instant;

/**
 * Who must know, in the same transaction, that a notice was held or blocked because the customer
 * paid or sent a payment order: the people of the customer's who already wrote to us about it are
 * told (the unknown-sender cases answer here; wired in bootstrap, so dunning knows nothing of cases).
 */
@FunctionalInterface
public interface NoticeStopped {

    /** Nobody listens (tests that build the gate alone). */
    NoticeStopped NOBODY = (repos, accountId, now) -> { };

    void stoppedForPayment(Repositories repos, long accountId, Instant now);
}
