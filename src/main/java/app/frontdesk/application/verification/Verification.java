package app.frontdesk.application.verification;

import java.util.List;

/**
 * What our own mail server's results say about the From domain of one message.
 *
 * @param status   the verdict
 * @param evidence the result that decided it, or why nothing did, as the verifier wrote it (for the record and
 *                 as a detail line for staff; people read {@link VerificationWords})
 * @param checks   the results our server reported for this message when none verified it, in its order
 */
public record Verification(Status status, String evidence, List<Check> checks) {

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

    /**
     * One result of our mail server's: {@code dkim=fail}, {@code spf=softfail}.
     *
     * @param method lower case: dkim, spf, dmarc, ...
     * @param result lower case: pass, fail, softfail, none, ...
     * @param domain the domain it is about (header.from, header.d, smtp.mailfrom), or empty
     */
    public record Check(String method, String result, String domain) {
    }

    public Verification {
        checks = checks == null ? List.of() : List.copyOf(checks);
    }

    public Verification(Status status, String evidence) {
        this(status, evidence, List.of());
    }

    /** True when mail may be acted on and answered as coming from its From address. */
    public boolean passed() {
        return status == Status.VERIFIED || status == Status.TRUSTED_BY_POLICY;
    }
}
