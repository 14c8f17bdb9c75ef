package app.frontdesk.application.mailbox;

import app.frontdesk.application.Meter;
import app.frontdesk.application.Transactions;
import app.frontdesk.application.intake.IntakeResult;
import app.frontdesk.application.intake.MessageIntake;
import app.frontdesk.application.intake.MessageTooLargeException;
import app.frontdesk.application.mailbox.RemoteMailbox.Listed;
import app.frontdesk.application.mailbox.RemoteMailbox.MailboxException;
import app.frontdesk.domain.model.inbound.Envelope;
import app.frontdesk.domain.model.inbound.MailboxPosition;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Takes what is ours out of one remote mailbox: each message is stored through {@link MessageIntake}
 * (the same store-first intake {@code /api/inbound} uses), and only after its commit is it moved to the
 * processed folder. A crash anywhere leaves a message either in the mailbox (taken again; intake's
 * SHA-256 index answers "duplicate", so it is stored once) or stored and moved: never moved unstored.
 *
 * <p>Mail read by someone else (\Seen) is taken like any other: what decides is the UID and the arrival
 * time ({@link MailboxPosition#takes}), never a flag another client may set.
 */
public final class MailboxDrain {

    private static final Logger LOG = Logger.getLogger(MailboxDrain.class.getName());

    /** Messages fetched in one round trip and moved in one command: few enough that a crash repeats little. */
    private static final int CHUNK = 50;
    /** And no more bytes than this per fetch, so that a chunk of large messages does not fill the heap. */
    private static final long CHUNK_BYTES = 16L * 1024 * 1024;

    private final MessageIntake intake;
    private final Transactions transactions;
    private final Clock clock;
    private final Meter meter;

    public MailboxDrain(MessageIntake intake, Transactions transactions, Clock clock, Meter meter) {
        this.intake = intake;
        this.transactions = transactions;
        this.clock = clock;
        this.meter = meter;
    }

    /** What one drain did. */
    public record Result(int stored, int duplicates, int tooLarge, boolean uidValidityChanged) {
    }

    /**
     * Reads {@code box} once.
     *
     * @param name     the mailbox's name in the configuration (its position's key)
     * @param envelope what intake records as the envelope (the mailbox's address as recipient)
     * @param since    the cut-off for the first run; empty: the moment the mailbox is first seen
     * @param resync   look at every message in the mailbox, not only those above the last UID (leftovers
     *                 of a crash between store and move, or of a move the server refused)
     */
    public Result drain(String name, Envelope envelope, Optional<Instant> since, RemoteMailbox box, boolean resync) throws MailboxException {
        long validity = box.uidValidity();
        long highest = box.uidNext() - 1;
        boolean[] changed = {false};
        boolean[] created = {false};
        MailboxPosition position = transactions.inTransaction(r -> {
            Instant now = clock.instant();
            Optional<MailboxPosition> found = r.mailboxPositions().lock(name);
            if (found.isEmpty()) {
                MailboxPosition first = new MailboxPosition(name, validity, Math.max(0, highest), since.orElse(now), now);
                r.mailboxPositions().add(first);
                created[0] = true;
                return first;
            }
            MailboxPosition p = found.get();
            if (p.uidValidity() != validity) {
                changed[0] = true;
                p.restartAt(validity, Math.max(0, highest), now);
            }
            return p;
        });
        if (changed[0]) {
            LOG.warning("IMAP mailbox " + name + ": the server changed its UIDVALIDITY to " + validity
                    + "; every message in it is looked at again (copies already stored are recognised and only moved)");
            meter.increment("imap_uidvalidity_changes", "mailbox", name);
        }
        List<Listed> listed = box.listFrom(resync || changed[0] || created[0] ? 1 : position.lastUid() + 1);
        List<Listed> take = new ArrayList<>();
        int tooLarge = 0;
        int older = 0;
        for (Listed m : listed) {
            if (!position.takes(m.uid(), m.arrived())) {
                older++;
                continue;
            }
            if (m.size() > intake.maxBytes()) {
                tooLarge++;
                if (m.uid() > position.lastUid() || created[0] || changed[0]) {
                    // left where it is, for a person to see: nothing is lost, and it is not fetched again and again
                    LOG.warning("IMAP mailbox " + name + ": message UID " + m.uid() + " has " + m.size() + " bytes, over the cap of "
                            + intake.maxBytes() + " (FRONTDESK_MAX_MESSAGE_BYTES); it stays in the mailbox");
                    meter.increment("imap_too_large", "mailbox", name);
                }
                continue;
            }
            take.add(m);
        }
        if (older > 0 && (created[0] || changed[0])) {
            LOG.info("IMAP mailbox " + name + ": " + older + " messages that arrived before " + position.takingSince()
                    + " stay in the mailbox untouched (FRONTDESK_IMAP_SINCE takes earlier mail)");
        }
        int stored = 0;
        int duplicates = 0;
        for (List<Long> chunk : chunks(take)) {
            Map<Long, byte[]> bytes = box.fetch(chunk);
            List<Long> done = new ArrayList<>();
            for (Long uid : chunk) {
                byte[] raw = bytes.get(uid);
                if (raw == null) {
                    continue; // gone meanwhile (another client moved it): not ours to look for
                }
                IntakeResult result;
                try {
                    result = intake.accept(raw, envelope); // committed when it returns
                } catch (MessageTooLargeException e) {
                    continue; // its size grew between listing and fetch; it stays, as above
                }
                done.add(uid);
                if (result.duplicate()) {
                    duplicates++;
                } else {
                    stored++;
                }
            }
            box.moveToDone(done);
            pass(name, chunk.get(chunk.size() - 1));
        }
        if (!listed.isEmpty()) {
            pass(name, listed.get(listed.size() - 1).uid());
        }
        meter.add("imap_stored", stored, "mailbox", name);
        meter.add("imap_duplicates", duplicates, "mailbox", name);
        return new Result(stored, duplicates, tooLarge, changed[0]);
    }

    private void pass(String name, long uid) {
        transactions.run(r -> r.mailboxPositions().lock(name).ifPresent(p -> p.passed(uid, clock.instant())));
    }

    private static List<List<Long>> chunks(List<Listed> take) {
        List<List<Long>> chunks = new ArrayList<>();
        List<Long> current = new ArrayList<>();
        long bytes = 0;
        for (Listed m : take) {
            if (!current.isEmpty() && (current.size() == CHUNK || bytes + m.size() > CHUNK_BYTES)) {
                chunks.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(m.uid());
            bytes += m.size();
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }
}
