package app.frontdesk.application.intake;

import app.frontdesk.application.Meter;
import app.frontdesk.application.Transactions;
import app.frontdesk.domain.model.inbound.Envelope;
import app.frontdesk.domain.model.inbound.InboundMessage;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;

/**
 * Stores a message exactly as received, before anything else happens to it, and answers only after
 * the commit. Concurrent messages share a commit ({@link GroupCommit}); every caller still waits for
 * the one that holds its own message. The same bytes twice (same SHA-256, hence same Message-ID) are stored and processed
 * once; the second delivery is answered "duplicate" with the first one's id.
 */
public final class MessageIntake {

    private final GroupCommit commits;
    private final Clock clock;
    private final Meter meter;
    private final long maxBytes;
    private final Runnable onAccepted;
    private final IntakePressure pressure = new IntakePressure();

    /**
     * Shared commits under way at once by default (FRONTDESK_INTAKE_LANES). In the packaged gateway on this 2-core VM,
     * LMTP accepted 1,134 msg/s with one lane, 1,123 with two and 1,436 with four (docs/benchmarks.md): a single
     * leader preempted by the pipeline or the database held every caller up behind it.
     */
    public static final int DEFAULT_LANES = 4;

    /**
     * How long a shared commit runs before a waiting caller may start another in the next lane (FRONTDESK_INTAKE_LANE_WAIT_MS).
     * A commit of a batch takes well under a millisecond when nothing preempts it; a preempted leader, several.
     */
    public static final java.time.Duration DEFAULT_LANE_WAIT = java.time.Duration.ofMillis(2);

    /**
     * @param onAccepted called after a new message is committed (wakes the pipeline worker)
     */
    public MessageIntake(Transactions transactions, Clock clock, Meter meter, long maxBytes, Runnable onAccepted) {
        this(transactions, clock, meter, maxBytes, onAccepted, 1);
    }

    /**
     * @param maxBatch how many concurrent messages may share one commit (1: each its own, as before group commit)
     */
    public MessageIntake(Transactions transactions, Clock clock, Meter meter, long maxBytes, Runnable onAccepted, int maxBatch) {
        this(transactions, clock, meter, maxBytes, onAccepted, maxBatch, DEFAULT_LANES);
    }

    /**
     * @param lanes how many shared commits may run at once (docs/benchmarks.md: one at a time left the database idle
     *     while a commit's round trips were under way)
     */
    public MessageIntake(Transactions transactions, Clock clock, Meter meter, long maxBytes, Runnable onAccepted, int maxBatch,
                         int lanes) {
        this(transactions, clock, meter, maxBytes, onAccepted, maxBatch, lanes, DEFAULT_LANE_WAIT);
    }

    /** @param laneWait how long a shared commit runs before another lane may open ({@link GroupCommit}) */
    public MessageIntake(Transactions transactions, Clock clock, Meter meter, long maxBytes, Runnable onAccepted, int maxBatch,
                         int lanes, java.time.Duration laneWait) {
        this(new GroupCommit(transactions, maxBatch, lanes, GroupCommit.AfterCommit.NONE, laneWait.toNanos()), clock, meter, maxBytes,
                onAccepted);
    }

    MessageIntake(Transactions transactions, Clock clock, Meter meter, long maxBytes, Runnable onAccepted, int maxBatch,
                  GroupCommit.AfterCommit afterCommit) {
        this(transactions, clock, meter, maxBytes, onAccepted, maxBatch, DEFAULT_LANES, afterCommit);
    }

    MessageIntake(Transactions transactions, Clock clock, Meter meter, long maxBytes, Runnable onAccepted, int maxBatch, int lanes,
                  GroupCommit.AfterCommit afterCommit) {
        this(new GroupCommit(transactions, maxBatch, lanes, afterCommit), clock, meter, maxBytes, onAccepted);
    }

    private MessageIntake(GroupCommit commits, Clock clock, Meter meter, long maxBytes, Runnable onAccepted) {
        this.commits = commits;
        this.clock = clock;
        this.meter = meter;
        this.maxBytes = maxBytes;
        this.onAccepted = onAccepted;
    }

    public IntakeResult accept(InputStream body, Envelope envelope) throws IOException, MessageTooLargeException {
        return accept(body, -1, envelope);
    }

    /** The same, with the length the sender declared ({@code -1}: not declared): then the bytes are read into one array. */
    public IntakeResult accept(InputStream body, long declaredLength, Envelope envelope) throws IOException, MessageTooLargeException {
        pressure.enter(); // reading the body is part of answering the mail server
        try {
            return store(declaredLength >= 0 ? readExactly(body, declaredLength) : readCapped(body), envelope);
        } finally {
            pressure.leave();
        }
    }

    /**
     * What the mail server (or an administrator) posts: refused when it is recognisably not a message,
     * else stored as {@link #accept(byte[], Envelope)} does.
     *
     * @param contentType the declared type of the body (may be null)
     */
    public IntakeResult accept(InputStream body, long declaredLength, Envelope envelope, String contentType)
            throws IOException, MessageTooLargeException, NotAMessageException {
        pressure.enter();
        try {
            byte[] raw = declaredLength >= 0 ? readExactly(body, declaredLength) : readCapped(body);
            var refusal = MessageShape.refusal(contentType, raw);
            if (refusal.isPresent()) {
                throw new NotAMessageException(refusal.get());
            }
            return store(raw, envelope);
        } finally {
            pressure.leave();
        }
    }

    public IntakeResult accept(byte[] raw, Envelope envelope) throws MessageTooLargeException {
        pressure.enter();
        try {
            return store(raw, envelope);
        } finally {
            pressure.leave();
        }
    }

    private IntakeResult store(byte[] raw, Envelope envelope) throws MessageTooLargeException {
        if (raw.length > maxBytes) {
            throw new MessageTooLargeException(maxBytes);
        }
        // What can be read from the bytes is read here, in the caller's thread; the commit is shared (GroupCommit).
        IntakeResult result = commits.store(new GroupCommit.Store(sha256(raw), HeaderScanner.messageId(raw), envelope, raw,
                clock.instant(), SenderKey.of(raw, envelope)));
        if (result.duplicate()) {
            meter.increment("inbound_duplicates");
        } else {
            meter.increment("inbound_accepted");
            onAccepted.run();
        }
        return result;
    }

    /** Whether a mail server waits on intake now: the pipeline gives way to it for a bounded time (ADR 0016). */
    public IntakePressure pressure() {
        return pressure;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * A declared length is read into one array of that size: a 25 MB message costs 25 MB. A growing buffer and its
     * final copy cost three times that, and {@code InputStream.readNBytes(int)} twice (it reads into small buffers and
     * copies them into the result; HeapBenchmark with a flight recording, 2026-11-28). A body that does not match what
     * was declared is refused.
     */
    private byte[] readExactly(InputStream in, long length) throws IOException, MessageTooLargeException {
        if (length > maxBytes) {
            throw new MessageTooLargeException(maxBytes);
        }
        byte[] raw = new byte[(int) length];
        int read = in.readNBytes(raw, 0, raw.length);
        if (read != length || in.read() != -1) {
            throw new IOException("the body is not the " + length + " bytes its Content-Length declares");
        }
        return raw;
    }

    /** A body of unknown length: read in small buffers and copied once into the result (twice its size at the peak). */
    private byte[] readCapped(InputStream in) throws IOException, MessageTooLargeException {
        byte[] raw = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (raw.length > maxBytes) {
            throw new MessageTooLargeException(maxBytes);
        }
        return raw;
    }

    static String sha256(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
