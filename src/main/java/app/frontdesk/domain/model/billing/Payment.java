package app.frontdesk.domain.model.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;

/** Money the bank says arrived (or is on its way, when pending). */
@Entity
@Table(name = "payment")
public class Payment {

    @Id
    @SequenceGenerator(name = "payment_seq", sequenceName = "payment_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "payment_seq")
    private Long id;

    @Column(name = "external_id", nullable = false)
    private String externalId;

    @Column(nullable = false)
    private BigDecimal amount;

    @Column(nullable = false)
    private String currency;

    @Column(name = "booking_date")
    private LocalDate bookingDate;

    @Column(name = "value_date")
    private LocalDate valueDate;

    @Column(name = "payer_inn")
    private String payerInn;

    @Column(name = "payer_account")
    private String payerAccount;

    private String purpose;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PaymentSource source;

    @Column(name = "account_id")
    private Long accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PaymentState state;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    protected Payment() {
    }

    public Payment(String externalId, Money amount, LocalDate bookingDate, LocalDate valueDate, String payerInn, String payerAccount,
                   String purpose, PaymentSource source, Instant receivedAt) {
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a payment must be for a positive amount");
        }
        this.externalId = externalId;
        this.amount = amount.amount();
        this.currency = amount.currency().getCurrencyCode();
        this.bookingDate = bookingDate;
        this.valueDate = valueDate;
        this.payerInn = payerInn == null || payerInn.isBlank() ? null : payerInn.strip();
        this.payerAccount = payerAccount == null || payerAccount.isBlank() ? null : payerAccount.strip();
        this.purpose = purpose == null ? null : purpose.strip().substring(0, Math.min(purpose.strip().length(), 2000));
        this.source = source;
        this.receivedAt = receivedAt;
        this.state = bookingDate == null ? PaymentState.PENDING : PaymentState.UNMATCHED;
    }

    public void matched(Long account, PaymentState newState) {
        if (state == PaymentState.PENDING) {
            this.accountId = account;
            return;
        }
        this.accountId = account;
        this.state = newState;
    }

    public Long id() {
        return id;
    }

    public String externalId() {
        return externalId;
    }

    public Money amount() {
        return new Money(amount, Currency.getInstance(currency));
    }

    public LocalDate bookingDate() {
        return bookingDate;
    }

    public LocalDate valueDate() {
        return valueDate;
    }

    public String payerInn() {
        return payerInn;
    }

    public String payerAccount() {
        return payerAccount;
    }

    public String purpose() {
        return purpose == null ? "" : purpose;
    }

    public PaymentSource source() {
        return source;
    }

    public Long accountId() {
        return accountId;
    }

    public PaymentState state() {
        return state;
    }

    public Instant receivedAt() {
        return receivedAt;
    }
}
