package app.frontdesk.domain.model.inbound;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One message as the mail server handed it to us. The raw bytes live apart ({@link RawMessage}), stored
 * in the same transaction, so that reading a status never loads megabytes.
 */
@Entity
@Table(name = "inbound_message")
@NamedQuery(name = "InboundMessage.findBySha256", query = "SELECT m FROM InboundMessage m WHERE m.sha256 = :sha256")
@NamedQuery(name = "InboundMessage.heldInCase", query = "SELECT m FROM InboundMessage m WHERE m.caseId = :caseId AND m.state = app.frontdesk.domain.model.inbound.InboundState.HELD ORDER BY m.id")
@NamedQuery(name = "InboundMessage.inCase", query = "SELECT m FROM InboundMessage m WHERE m.caseId = :caseId ORDER BY m.id")
@NamedQuery(name = "InboundMessage.countInState", query = "SELECT COUNT(m) FROM InboundMessage m WHERE m.state = :state")
public class InboundMessage {

    /** Header values are cut to what fits the column, never rejected for length. */
    private static final int MAX_HEADER_VALUE = 998;

    @Id
    @SequenceGenerator(name = "inbound_message_seq", sequenceName = "inbound_message_seq", allocationSize = 500) // = INCREMENT BY (V7)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "inbound_message_seq")
    private Long id;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(name = "message_id")
    private String messageId;

    @Column(name = "envelope_sender")
    private String envelopeSender;

    @Column(name = "envelope_recipient")
    private String envelopeRecipient;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InboundState state;

    @Enumerated(EnumType.STRING)
    private Route route;

    private String reason;

    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "from_address")
    private String fromAddress;

    private String subject;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "processed_at")
    private Instant processedAt;

    /** The unknown-sender case this message belongs to, if any. */
    /** Which pipeline worker takes it first: a hash of the sender's address (see SenderKey). */
    @Column(name = "sender_key", nullable = false)
    private int senderKey;

    @Column(name = "case_id")
    private Long caseId;

    protected InboundMessage() {
    }

    public InboundMessage(String sha256, String messageId, Envelope envelope, long sizeBytes, Instant receivedAt) {
        this(sha256, messageId, envelope, sizeBytes, receivedAt, 0);
    }

    public InboundMessage(String sha256, String messageId, Envelope envelope, long sizeBytes, Instant receivedAt, int senderKey) {
        if (senderKey < 0) {
            throw new IllegalArgumentException("a sender key is not negative: " + senderKey);
        }
        this.senderKey = senderKey;
        this.sha256 = Objects.requireNonNull(sha256);
        this.messageId = cut(messageId, MAX_HEADER_VALUE);
        this.envelopeSender = cut(envelope.sender(), 320);
        this.envelopeRecipient = cut(envelope.recipient(), 320);
        this.sizeBytes = sizeBytes;
        this.state = InboundState.RECEIVED;
        this.receivedAt = receivedAt;
        this.nextAttemptAt = receivedAt;
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** The pipeline read these from the message; kept for the console and the API. */
    public void describe(String from, String subjectLine) {
        this.fromAddress = cut(from, 320);
        this.subject = cut(subjectLine, 1000);
    }

    public void route(Route newRoute, InboundState newState, Long account, String why, Instant now) {
        this.route = newRoute;
        this.state = newState;
        this.accountId = account;
        this.reason = cut(why, 1000);
        this.processedAt = now;
    }

    /**
     * An attempt starts: it is counted now, before the work, and the message is not due again until
     * {@code lease} has passed, which is also the backoff if the attempt fails or never ends.
     */
    public void startAttempt(Duration lease, Instant now) {
        if (state != InboundState.RECEIVED) {
            throw new IllegalStateException("message " + id + " is " + state + ", not waiting for the pipeline");
        }
        this.attempts++;
        this.nextAttemptAt = now.plus(lease);
    }

    /** The attempt counted by {@link #startAttempt} failed for a reason of ours; it is tried again when its lease ends. */
    public void attemptFailed(String error) {
        this.reason = cut("attempt " + attempts + " failed: " + error, 1000);
    }

    public void joinCase(long supportCase) {
        this.caseId = supportCase;
    }

    public Long caseId() {
        return caseId;
    }

    /** A held message goes on after all (its sender was authorized): the route changes, the history stays in the case. */
    public void release(Route newRoute, Long account, String why, Instant now) {
        if (state != InboundState.HELD) {
            throw new IllegalStateException("message " + id + " is " + state + ", not held");
        }
        route(newRoute, InboundState.ROUTED, account, why, now);
    }

    public void quarantine(String why, Instant now) {
        route(Route.QUARANTINE, InboundState.QUARANTINED, accountId, why, now);
    }

    public Long id() {
        return id;
    }

    /**
     * Gives a new message the id a repository drew from the message sequence, for a repository that inserts the
     * row itself (intake's insert by JDBC, cheaper than the persistence context's for a row nobody changes in the
     * same transaction). A message has one id for life.
     */
    public void identify(long newId) {
        if (id != null) {
            throw new IllegalStateException("message " + id + " has its id already");
        }
        this.id = newId;
    }

    public String sha256() {
        return sha256;
    }

    public int senderKey() {
        return senderKey;
    }

    public String messageId() {
        return messageId;
    }

    public Envelope envelope() {
        return new Envelope(envelopeSender, envelopeRecipient);
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public InboundState state() {
        return state;
    }

    public Route route() {
        return route;
    }

    public String reason() {
        return reason;
    }

    public Long accountId() {
        return accountId;
    }

    public String fromAddress() {
        return fromAddress;
    }

    public String subject() {
        return subject;
    }

    public int attempts() {
        return attempts;
    }

    /** When the pipeline may take it next (at intake: when it was received). */
    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public Instant processedAt() {
        return processedAt;
    }
}
