package app.frontdesk.domain.model.billing;

/** A payment is matched to invoices, or waits for a person; a pending bank entry is not money yet. */
public enum PaymentState {
    /** Booked and allocated to invoices of its account. */
    ALLOCATED,
    /** Booked, the account is known, but not (fully) allocated: it may cover a claim, so dunning holds. */
    UNALLOCATED,
    /** Booked, but neither invoice nor account could be told: listed for a person. */
    UNMATCHED,
    /** Reported by the bank as pending (camt.054 PDNG): announced, not booked. */
    PENDING
}
