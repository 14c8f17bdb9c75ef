package app.frontdesk.application.verification;

import app.frontdesk.application.mail.ParsedMail;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether the From domain of a message is verified, from the Authentication-Results that our
 * own mail server wrote, and from nothing else.
 *
 * <p>Which fields count: only those whose authserv-id is in the trusted list, only the topmost one
 * per authserv-id, and only inside the trace block that our servers prepend (Received, Return-Path,
 * Authentication-Results, ARC ... above the first field the sender wrote). A sender can put any field
 * into its own message, including one that claims our authserv-id; such a field sits below ours, and
 * below the trace block when the sender's own headers come first. Parts inside attachments are never
 * looked at: {@link ParsedMail#headers()} holds the top-level fields only.
 *
 * <p>Trust only what we can read: when our topmost field cannot be parsed, the verdict is UNVERIFIED
 * and no lower field is looked at (the review of 2026-11-28 had an unreadable field of ours skipped
 * and a forged one below it believed). The milter order this assumes (Postfix and sendmail alike: a
 * milter's header inserted at the top lands below the MTA's own Received): Received, our results,
 * then the sender's header. A sender's first line that starts with white space continues our last
 * field; so when our only field is folded its end may be the sender's, and it does not verify.
 *
 * <p>What verifies: {@code dmarc=pass} whose {@code header.from} equals the From domain, or
 * {@code dkim=pass} whose {@code header.d} is aligned with it (same organizational domain).
 * {@code spf=pass} alone never does: SPF checks the envelope sender, which need not be From.
 */
public final class SenderVerifier {

    /** Fields that mail servers add on the way in, above the message as the sender wrote it. */
    private static final Set<String> TRACE = Set.of("received", "return-path", "authentication-results",
            "delivered-to", "x-original-to", "x-original-recipient", "received-spf", "x-envelope-from", "x-envelope-to");
    private static final List<String> TRACE_PREFIXES = List.of("arc-", "x-spam", "x-virus", "x-rspamd");

    private final SenderPolicy policy;
    private final Set<String> trustedIds;
    private final boolean trustFolded;

    public SenderVerifier(SenderPolicy policy, Set<String> trustedAuthservIds) {
        this(policy, trustedAuthservIds, false);
    }

    /**
     * @param trustFolded believe a folded field of ours right above the sender's header: only for a mail server
     *                    that writes another field of its own below its results (see docs/operations.md)
     */
    public SenderVerifier(SenderPolicy policy, Set<String> trustedAuthservIds, boolean trustFolded) {
        this.trustFolded = trustFolded;
        this.policy = policy;
        Set<String> ids = new HashSet<>();
        trustedAuthservIds.forEach(id -> ids.add(id.strip().toLowerCase(Locale.ROOT)));
        this.trustedIds = Set.copyOf(ids);
    }

    public SenderPolicy policy() {
        return policy;
    }

    public Set<String> trustedIds() {
        return trustedIds;
    }

    /** False while no authserv-id is trusted (and From is not taken at its word): then nothing can be verified. */
    public boolean configured() {
        return policy == SenderPolicy.TRUST_FROM || !trustedIds.isEmpty();
    }

    public Verification verify(List<ParsedMail.Header> headers, String fromDomain) {
        if (policy == SenderPolicy.TRUST_FROM) {
            return new Verification(Verification.Status.TRUSTED_BY_POLICY, "not checked: FRONTDESK_SENDER_POLICY=trust-from");
        }
        if (trustedIds.isEmpty()) {
            return new Verification(Verification.Status.NOT_CONFIGURED, "cannot verify: configuration (no authserv-id is trusted)");
        }
        String domain = fromDomain.toLowerCase(Locale.ROOT);
        List<AuthenticationResults> trusted = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String folded = null; // the id of a topmost field of ours that spans several lines
        for (ParsedMail.Header h : headers) {
            String name = h.name().toLowerCase(Locale.ROOT);
            if (!isTrace(name)) {
                break;
            }
            if (!name.equals("authentication-results")) {
                continue;
            }
            String id = AuthenticationResults.leadingId(h.value());
            if (!trustedIds.contains(id) || seen.contains(id)) {
                continue; // another server's field, or one below our topmost: never read
            }
            seen.add(id);
            try {
                trusted.add(AuthenticationResults.parse(h.value()));
                folded = h.folded() && folded == null ? id : folded;
            } catch (IllegalArgumentException e) {
                // Our own topmost field, unreadable: a lower one with our id is the sender's, so nothing verifies.
                return new Verification(Verification.Status.UNVERIFIED, "our Authentication-Results from " + id
                        + " is unreadable, so nothing below it counts: " + e.getMessage());
            }
        }
        if (trusted.isEmpty()) {
            return new Verification(Verification.Status.UNVERIFIED,
                    "no Authentication-Results from " + String.join(", ", trustedIds.stream().sorted().toList()));
        }
        if (folded != null && !trustFolded) {
            // Our MX writes its Received, then the milters' results, then the sender's header follows. A line of the
            // sender's that starts with white space continues the field just above it, our last one. Fields with our id
            // below this one prove nothing (the sender can write them too), so folded, its last lines may be the sender's;
            // one line long, it is all ours.
            return new Verification(Verification.Status.UNVERIFIED, "our Authentication-Results from " + folded
                    + " spans several lines and may be the last field above the sender's header, so its last lines may be the sender's"
                    + " (configure the milter to write one line, or see FRONTDESK_TRUST_FOLDED_RESULTS in docs/operations.md)");
        }
        List<String> seenResults = new ArrayList<>();
        List<Verification.Check> checks = new ArrayList<>();
        for (AuthenticationResults ar : trusted) {
            for (AuthenticationResults.Result r : ar.results()) {
                String from = r.property("header.from").orElse("").toLowerCase(Locale.ROOT);
                if (r.method().equals("dmarc") && r.result().equals("pass") && from.equals(domain)) {
                    return new Verification(Verification.Status.VERIFIED, "dmarc=pass header.from=" + from + " by " + ar.authservId());
                }
                if (r.method().equals("dkim") && r.result().equals("pass")) {
                    String d = r.property("header.d").or(() -> r.property("header.i").map(SenderVerifier::domainOf)).orElse("");
                    if (!d.isEmpty() && OrganizationalDomain.aligned(d, domain)) {
                        return new Verification(Verification.Status.VERIFIED, "dkim=pass header.d=" + d.toLowerCase(Locale.ROOT)
                                + " aligned with " + domain + " by " + ar.authservId());
                    }
                }
                seenResults.add(r.method() + "=" + r.result()
                        + r.property("header.from").or(() -> r.property("header.d")).map(v -> " (" + v + ")").orElse(""));
                checks.add(new Verification.Check(r.method(), r.result(), r.property("header.from").or(() -> r.property("header.d"))
                        .or(() -> r.property("smtp.mailfrom").map(SenderVerifier::domainOf)).orElse("").toLowerCase(Locale.ROOT)));
            }
        }
        String said = seenResults.isEmpty() ? "no results" : String.join(", ", seenResults);
        boolean spfOnly = seenResults.stream().anyMatch(s -> s.startsWith("spf=pass"));
        return new Verification(Verification.Status.UNVERIFIED, "not verified for " + domain + ": " + said
                + (spfOnly ? "; spf=pass alone does not verify From" : ""), checks);
    }

    private static boolean isTrace(String name) {
        return TRACE.contains(name) || TRACE_PREFIXES.stream().anyMatch(name::startsWith);
    }

    private static String domainOf(String identity) {
        int at = identity.lastIndexOf('@');
        return at < 0 ? identity : identity.substring(at + 1);
    }
}
