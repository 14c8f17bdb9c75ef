package app.frontdesk.domain.model.billing;

/** Where an invoice stands, from the payments allocated to it. */
public enum InvoiceStatus {
    OPEN, PARTIALLY_PAID, PAID, CANCELLED
}
