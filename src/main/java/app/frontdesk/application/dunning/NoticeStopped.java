package app.frontdesk.application.dunning;

import app.frontdesk.application.Repositories;
import app.frontdesk.domain.model.billing.Notice;
import java.time.Instant;

/**
 * Who must know, in the same transaction, that a notice was held or blocked because the customer
 * paid or sent a payment order: the people of the customer's who already wrote to us about it are
 * told (the unknown-sender cases and the contacts who wrote since the notice was submitted answer here;
 * wired in bootstrap, so dunning knows nothing of cases).
 */
@FunctionalInterface
public interface NoticeStopped {

    /** Nobody listens (tests that build the gate alone). */
    NoticeStopped NOBODY = (repos, notice, now) -> { };

    /** @param notice the notice just held or blocked: its account, and when it was submitted (who wrote since then wrote about it) */
    void stoppedForPayment(Repositories repos, Notice notice, Instant now);
}
