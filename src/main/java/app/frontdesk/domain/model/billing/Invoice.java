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
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;

/** An invoice billing issued to an account. */
@Entity
@Table(name = "invoice")
public class Invoice {

    @Id
    @SequenceGenerator(name = "invoice_seq", sequenceName = "invoice_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "invoice_seq")
    private Long id;

    @Column(name = "invoice_number", nullable = false)
    private String number;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(nullable = false)
    private BigDecimal amount;

    @Column(nullable = false)
    private String currency;

    @Column(name = "issue_date", nullable = false)
    private LocalDate issueDate;

    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InvoiceStatus status;

    @Version
    private long version;

    protected Invoice() {
    }

    public Invoice(String number, long accountId, Money amount, LocalDate issueDate, LocalDate dueDate) {
        if (dueDate.isBefore(issueDate)) {
            throw new IllegalArgumentException("invoice " + number + " falls due before it was issued");
        }
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("invoice " + number + " must be for a positive amount");
        }
        this.number = number.strip();
        this.accountId = accountId;
        this.amount = amount.amount();
        this.currency = amount.currency().getCurrencyCode();
        this.issueDate = issueDate;
        this.dueDate = dueDate;
        this.status = InvoiceStatus.OPEN;
    }

    /** Records what is paid so far (the sum of allocations). */
    public void paid(Money paidSoFar) {
        if (status == InvoiceStatus.CANCELLED) {
            return;
        }
        int c = paidSoFar.compareTo(amount());
        status = paidSoFar.isZeroOrLess() ? InvoiceStatus.OPEN : c >= 0 ? InvoiceStatus.PAID : InvoiceStatus.PARTIALLY_PAID;
    }

    public void cancel() {
        status = InvoiceStatus.CANCELLED;
    }

    public Long id() {
        return id;
    }

    public String number() {
        return number;
    }

    public long accountId() {
        return accountId;
    }

    public Money amount() {
        return new Money(amount, Currency.getInstance(currency));
    }

    public Currency currency() {
        return Currency.getInstance(currency);
    }

    public LocalDate issueDate() {
        return issueDate;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public InvoiceStatus status() {
        return status;
    }
}
