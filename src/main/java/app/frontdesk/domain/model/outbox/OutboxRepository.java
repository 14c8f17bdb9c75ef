package app.frontdesk.domain.model.outbox;

import java.time.Instant;
import java.util.List;

/** The outbox. */
public interface OutboxRepository {

    void add(OutboundMail mail);

    /** Locks up to {@code limit} due mails, skipping rows another worker holds, until the transaction ends. */
    List<OutboundMail> claimDue(Instant now, int limit);

    List<OutboundMail> causedBy(long inboundId);

    List<OutboundMail> ofCase(long caseId);

    java.util.Optional<OutboundMail> byId(long id);

    long countInState(OutboxState state);

    /**
     * Makes every mail that waits out a retry because the relay could not be reached due now (the relay answers again:
     * their backoff no longer means anything). A mail the relay refused for now (4xx, greylisting) keeps its own backoff.
     *
     * @return how many
     */
    int retryNow(Instant now);
}
