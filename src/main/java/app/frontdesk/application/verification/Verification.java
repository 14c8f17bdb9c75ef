package app.frontdesk.application.verification;

/**
 * What our own mail server's results say about the From domain of one message.
 *
 * @param status   the verdict
 * @param evidence the result that decided it, or why nothing did, in words for the record
 */
public record Verification(Status status, String evidence) {

    public enum Status {
        /** dmarc=pass for the From domain, or an aligned dkim=pass, from a trusted authserv-id. */
        VERIFIED,
        /** Nothing trusted vouches for the From domain: treat the address as anyone's. */
        UNVERIFIED,
        /** Not checked: FRONTDESK_SENDER_POLICY=trust-from takes From at its word. */
        TRUSTED_BY_POLICY,
        /**
         * Cannot be checked: no authserv-id is trusted yet. A gap in our configuration, never evidence
         * against the sender: the message waits until the configuration is complete.
         */
        NOT_CONFIGURED
    }

    /** True when mail may be acted on and answered as coming from its From address. */
    public boolean passed() {
        return status == Status.VERIFIED || status == Status.TRUSTED_BY_POLICY;
    }
}
