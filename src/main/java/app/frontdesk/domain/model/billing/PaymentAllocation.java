package app.frontdesk.domain.model.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** The part of a payment that pays one invoice (in the invoice's currency, which the payment's must be). */
@Entity
@Table(name = "payment_allocation")
public class PaymentAllocation {

    @Id
    @SequenceGenerator(name = "payment_allocation_seq", sequenceName = "payment_allocation_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "payment_allocation_seq")
    private Long id;

    @Column(name = "payment_id", nullable = false)
    private Long paymentId;

    @Column(name = "invoice_id", nullable = false)
    private Long invoiceId;

    @Column(nullable = false)
    private BigDecimal amount;

    protected PaymentAllocation() {
    }

    public PaymentAllocation(long paymentId, long invoiceId, Money amount) {
        this.paymentId = paymentId;
        this.invoiceId = invoiceId;
        this.amount = amount.amount();
    }

    public long paymentId() {
        return paymentId;
    }

    public long invoiceId() {
        return invoiceId;
    }

    public BigDecimal amount() {
        return amount;
    }
}
