package app.frontdesk.domain.model.inbound;

/** The way the pipeline sent a message on. */
public enum Route {
    /** A known contact wrote: passed on to the helpdesk address. */
    HELPDESK,
    /** Automatic mail (bounce, auto-reply, list mail, our own mail): recorded, never answered. */
    AUTOMATIC,
    /** The sender is not an authorized contact: held for the unknown-sender handling. */
    UNKNOWN_SENDER,
    /** A personal manager passed on a customer's payment order: recorded as payment evidence, not a helpdesk matter. */
    PAYMENT_ORDER,
    /**
     * Our configuration cannot verify senders yet (no authserv-id is trusted): held, and decided again
     * once it can. A gap of ours, never held against the sender.
     */
    AWAITING_CONFIGURATION,
    /** Unparseable or failing again and again: quarantined with a reason. */
    QUARANTINE
}
