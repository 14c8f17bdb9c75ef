package app.frontdesk.domain.model.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;

/**
 * A payment order the customer sent us (by mail, or a manager recorded it): money is on its way.
 * It holds dunning for the clearing window, until a bank payment confirms it or the window ends.
 */
@Entity
@Table(name = "payment_evidence")
public class PaymentEvidence {

    public enum State {
        UNCONFIRMED, CONFIRMED
    }

    @Id
    @SequenceGenerator(name = "payment_evidence_seq", sequenceName = "payment_evidence_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "payment_evidence_seq")
    private Long id;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(name = "order_number")
    private String number;

    @Column(name = "order_date", nullable = false)
    private LocalDate orderDate;

    private BigDecimal amount;

    private String currency;

    @Column(name = "inbound_id")
    private Long inboundId;

    @Column(nullable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private State state;

    @Column(name = "payment_id")
    private Long paymentId;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    protected PaymentEvidence() {
    }

    public PaymentEvidence(long accountId, String number, LocalDate orderDate, Money amount, Long inboundId, Instant receivedAt) {
        this.accountId = accountId;
        this.number = number;
        this.orderDate = orderDate;
        this.amount = amount == null ? null : amount.amount();
        this.currency = amount == null ? null : amount.currency().getCurrencyCode();
        this.inboundId = inboundId;
        this.state = State.UNCONFIRMED;
        this.receivedAt = receivedAt;
    }

    /** An unconfirmed payment order as the gate's fact read found it (SqlGateFacts): to look at, not to change. */
    public static PaymentEvidence seen(long id, long accountId, String number, LocalDate orderDate, BigDecimal amount, String currency,
                                       Instant receivedAt) {
        PaymentEvidence e = new PaymentEvidence();
        e.id = id;
        e.accountId = accountId;
        e.number = number;
        e.orderDate = orderDate;
        e.amount = amount;
        e.currency = currency == null ? null : currency.strip();
        e.state = State.UNCONFIRMED;
        e.receivedAt = receivedAt;
        return e;
    }

    public void confirmedBy(long payment) {
        this.state = State.CONFIRMED;
        this.paymentId = payment;
    }

    public Long id() {
        return id;
    }

    public long accountId() {
        return accountId;
    }

    public String number() {
        return number;
    }

    public LocalDate orderDate() {
        return orderDate;
    }

    public Optional<Money> amount() {
        return amount == null ? Optional.empty() : Optional.of(new Money(amount, Currency.getInstance(currency)));
    }

    public Long inboundId() {
        return inboundId;
    }

    public State state() {
        return state;
    }

    public Instant receivedAt() {
        return receivedAt;
    }
}
