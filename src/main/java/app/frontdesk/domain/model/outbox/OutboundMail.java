package app.frontdesk.domain.model.outbox;

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
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A mail Frontdesk sends. It is written in the transaction of the decision that causes it and sent
 * afterwards by the outbox worker; its Message-ID is fixed when it is written, so that a resend
 * after a crash is recognisably the same mail.
 */
@Entity
@Table(name = "outbox")
@NamedQuery(name = "OutboundMail.countInState", query = "SELECT COUNT(o) FROM OutboundMail o WHERE o.state = :state")
@NamedQuery(name = "OutboundMail.findByCase", query = "SELECT o FROM OutboundMail o WHERE o.caseId = :caseId ORDER BY o.id")
@NamedQuery(name = "OutboundMail.findByInbound", query = "SELECT o FROM OutboundMail o WHERE o.inboundId = :inboundId ORDER BY o.id")
public class OutboundMail {

    @Id
    @SequenceGenerator(name = "outbox_seq", sequenceName = "outbox_seq", allocationSize = 500) // = INCREMENT BY (V7)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_seq")
    private Long id;

    @Column(name = "message_id", nullable = false)
    private String messageId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MailKind kind;

    /** Null means the null reverse-path {@code <>}, as automatic replies must use. */
    @Column(name = "envelope_from")
    private String envelopeFrom;

    /** Envelope recipients, comma separated. */
    @Column(nullable = false)
    private String recipients;

    /** The mail's bytes; for a mail that carries an original, the bytes around it (see {@link #originalAt}). */
    @Column(nullable = false)
    private byte[] raw;

    /** The inbound message whose stored bytes go into this mail at {@link #originalAt} when it is sent; null for none. */
    @Column(name = "original_inbound_id")
    private Long originalInboundId;

    /** Where in {@link #raw} the original goes. */
    @Column(name = "original_at")
    private Integer originalAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OutboxState state;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_error")
    private String lastError;

    /** Its last attempt found the relay unreachable: due again as soon as the relay answers (not so after a 4xx). */
    @Column(name = "relay_away", nullable = false)
    private boolean relayAway;

    @Column(name = "inbound_id")
    private Long inboundId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    /** The account this mail was about: a customer's reply to it is evidence for that account. */
    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "case_id")
    private Long caseId;

    protected OutboundMail() {
    }

    public OutboundMail(MailKind kind, String messageId, String envelopeFrom, List<String> recipients,
                        byte[] raw, Long inboundId, Instant now) {
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("a mail needs at least one recipient");
        }
        this.kind = Objects.requireNonNull(kind);
        this.messageId = Objects.requireNonNull(messageId);
        this.envelopeFrom = envelopeFrom;
        this.recipients = String.join(",", recipients);
        this.raw = Objects.requireNonNull(raw);
        this.inboundId = inboundId;
        this.state = OutboxState.PENDING;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    /** A mail that carries a received message as it is stored, between the bytes of {@code body}. */
    public OutboundMail(MailKind kind, String messageId, String envelopeFrom, List<String> recipients,
                        AroundOriginal body, Long inboundId, Instant now) {
        this(kind, messageId, envelopeFrom, recipients, concat(body.before(), body.after()), inboundId, now);
        this.originalInboundId = body.originalInboundId();
        this.originalAt = body.before().length;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** Records what this mail is about; answers this mail for chaining. */
    public OutboundMail about(Long account, Long supportCase) {
        this.accountId = account;
        this.caseId = supportCase;
        return this;
    }

    public Long accountId() {
        return accountId;
    }

    public Long caseId() {
        return caseId;
    }

    public void sent(Instant now) {
        this.state = OutboxState.SENT;
        this.sentAt = now;
        this.attempts++;
        this.lastError = null;
        this.relayAway = false;
    }

    public boolean relayAway() {
        return relayAway;
    }

    public void cancel(String why, Instant now) {
        this.state = OutboxState.CANCELLED;
        this.lastError = why == null ? null : why.substring(0, Math.min(why.length(), 2000));
        this.sentAt = null;
        this.nextAttemptAt = now;
    }

    /**
     * The mail must not go as it is (for example, its recipient's address needs SMTPUTF8 and the relay does not offer
     * it): it is given up at once, with why, never sent in a changed form.
     */
    public void refused(String why, Instant now) {
        this.attempts++;
        this.state = OutboxState.FAILED;
        this.lastError = why == null ? null : why.substring(0, Math.min(why.length(), 2000));
        this.nextAttemptAt = now;
    }

    /** True when an address of the envelope has a non-ASCII local part: only SMTPUTF8 (RFC 6531) can deliver it. */
    public boolean needsSmtpUtf8() {
        return !isAscii(recipients) || (envelopeFrom != null && !isAscii(envelopeFrom));
    }

    private static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 0x80);
    }

    /**
     * Records a failed attempt; after {@code maxAttempts} the mail is given up as FAILED.
     *
     * @param relayAway whether the relay could not be reached (rather than answering this mail with a temporary refusal)
     */
    public void failed(String error, Duration backoff, int maxAttempts, Instant now, boolean relayAway) {
        this.attempts++;
        this.relayAway = relayAway;
        this.lastError = error == null ? null : error.substring(0, Math.min(error.length(), 2000));
        if (attempts >= maxAttempts) {
            this.state = OutboxState.FAILED;
        } else {
            this.nextAttemptAt = now.plus(backoff);
        }
    }

    public Long id() {
        return id;
    }

    public String messageId() {
        return messageId;
    }

    public MailKind kind() {
        return kind;
    }

    public String envelopeFrom() {
        return envelopeFrom;
    }

    public List<String> recipients() {
        return Arrays.asList(recipients.split(","));
    }

    /** The stored bytes: the whole mail, or, when it {@link #carriesOriginal() carries an original}, the bytes around it. */
    public byte[] raw() {
        return raw;
    }

    /** The inbound message whose stored bytes this mail carries, if any. */
    public java.util.Optional<Long> carriesOriginal() {
        return java.util.Optional.ofNullable(originalInboundId);
    }

    /** The stored bytes that go before the original (all of them when it carries none). */
    public byte[] before() {
        return originalAt == null ? raw : Arrays.copyOf(raw, originalAt);
    }

    /** The stored bytes that go after the original (none when it carries none). */
    public byte[] after() {
        return originalAt == null ? new byte[0] : Arrays.copyOfRange(raw, originalAt, raw.length);
    }

    public OutboxState state() {
        return state;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public String lastError() {
        return lastError;
    }

    public Long inboundId() {
        return inboundId;
    }
}
