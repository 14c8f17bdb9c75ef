package app.frontdesk.domain.model.billing;

import java.time.LocalDate;
import java.util.Currency;

/**
 * An invoice as the gate sees it, with what is paid on it: read as plain columns in one statement
 * (no entity per invoice), because a file of notices names hundreds of thousands of them.
 */
public record InvoiceState(String number, long accountId, Money amount, InvoiceStatus status, LocalDate dueDate, Money paid) {

    public Currency currency() {
        return amount.currency();
    }
}
