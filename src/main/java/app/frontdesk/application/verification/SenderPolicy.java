package app.frontdesk.application.verification;

import java.util.Locale;

/** How much From is trusted: {@code FRONTDESK_SENDER_POLICY}. */
public enum SenderPolicy {
    /** From counts only when our mail server verified its domain (the default). */
    VERIFIED,
    /** From is believed as written. Weaker: anyone can write any From; for mail servers that add no results. */
    TRUST_FROM;

    public static SenderPolicy parse(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "verified" -> VERIFIED;
            case "trust-from" -> TRUST_FROM;
            default -> throw new IllegalArgumentException("must be verified or trust-from (was \"" + value + "\")");
        };
    }
}
