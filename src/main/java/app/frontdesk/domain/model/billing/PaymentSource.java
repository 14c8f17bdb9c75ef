package app.frontdesk.domain.model.billing;

/** Where a payment record came from. */
public enum PaymentSource {
    API, CSV, CLIENT_BANK_1C, CAMT_053, CAMT_054
}
