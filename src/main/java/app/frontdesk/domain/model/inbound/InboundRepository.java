package app.frontdesk.domain.model.inbound;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Received messages. */
public interface InboundRepository {

    /** Stores a new message with its raw bytes (streamed to the database, not copied); the message gets its id. */
    void store(InboundMessage message, byte[] raw);

    /**
     * Stores several new messages with their raw bytes in the caller's transaction, as {@link #store} does one by one,
     * in fewer round trips where the database allows (intake's group commit).
     */
    default void storeAll(List<InboundMessage> messages, List<byte[]> raws) {
        for (int i = 0; i < messages.size(); i++) {
            store(messages.get(i), raws.get(i));
        }
    }

    Optional<InboundMessage> find(long id);

    Optional<InboundMessage> findBySha256(String sha256);

    /** The raw bytes of a message, read into one array of their size. */
    byte[] rawBytes(long id);

    /** The raw bytes of several messages in one read, by message id, each in one array of its size. */
    Map<Long, byte[]> rawBytes(List<Long> ids);

    /**
     * Hands the raw bytes of message {@code id} to {@code reader} as a stream, valid only during the call:
     * where the database can (embedded H2) they are never all in memory at once.
     *
     * @throws IllegalStateException when no bytes are stored for {@code id}
     * @throws java.io.UncheckedIOException when the reader fails
     */
    <T> T readRaw(long id, RawReader<T> reader);

    /** Reads a stored message's bytes from a stream. */
    @FunctionalInterface
    interface RawReader<T> {
        T read(InputStream raw) throws IOException;
    }

    long countInState(InboundState state);

    /** Held messages on {@code route}. */
    long countHeldOn(Route route);

    /**
     * Puts every message held on {@code route} back before the pipeline, as if just received (attempts
     * start again): for mail that waited for something of ours, such as the configuration.
     *
     * @return how many
     */
    int decideAgain(Route route, Instant now);

    /** The messages of a case that are still held, oldest first, locked for this transaction. */
    List<InboundMessage> heldInCase(long caseId);

    /**
     * Held or quarantined messages (both when {@code state} is empty) the viewer may see, newest first: a
     * lead or an administrator every one, a manager those of the accounts they look after.
     */
    List<InboundMessage> waitingForPeople(app.frontdesk.domain.model.staff.Viewer viewer, java.util.Optional<InboundState> state, int limit);

    /**
     * Messages among {@code ids} that are in state {@code from} (held or quarantined) and that the viewer may see (the
     * narrowing of {@link #waitingForPeople}) go back before the pipeline, as if just received, attempts reset.
     *
     * @return the ids that went back, so that only those are audited
     */
    List<Long> sendBack(app.frontdesk.domain.model.staff.Viewer viewer, java.util.Collection<Long> ids, InboundState from, Instant now);

    /** Messages routed to an account since {@code since}, newest first, at most {@code limit}. */
    List<InboundMessage> ofAccountSince(long accountId, Instant since, int limit);

    /** All messages of a case, oldest first. */
    List<InboundMessage> inCase(long caseId);

    /**
     * Locks up to {@code limit} messages that wait for the pipeline and are due, skipping rows that
     * another worker holds; the locks last until the caller's transaction ends.
     */
    List<InboundMessage> claimDue(Instant now, int limit);

    /** The messages among {@code ids} that still wait for the pipeline, locked for this transaction, by id. */
    List<InboundMessage> lockAttempted(List<Long> ids);

    /** When the longest-waiting message that the pipeline has not decided yet was received; empty when none waits. */
    Optional<Instant> oldestWaiting();

    /** The same, only messages whose sender key falls in {@code slot} of {@code slots} (sender key mod slots). */
    List<InboundMessage> claimDue(Instant now, int limit, int slot, int slots);
}
