package app.frontdesk.application.verification;

import app.frontdesk.application.pipeline.ParsedMail;
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

    public SenderVerifier(SenderPolicy policy, Set<String> trustedAuthservIds) {
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

    public Verification verify(List<ParsedMail.Header> headers, String fromDomain) {
        if (policy == SenderPolicy.TRUST_FROM) {
            return new Verification(Verification.Status.TRUSTED_BY_POLICY, "not checked: FRONTDESK_SENDER_POLICY=trust-from");
        }
        String domain = fromDomain.toLowerCase(Locale.ROOT);
        List<AuthenticationResults> trusted = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ParsedMail.Header h : headers) {
            String name = h.name().toLowerCase(Locale.ROOT);
            if (!isTrace(name)) {
                break;
            }
            if (!name.equals("authentication-results")) {
                continue;
            }
            AuthenticationResults ar;
            try {
                ar = AuthenticationResults.parse(h.value());
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
                continue;
            }
            if (trustedIds.contains(ar.authservId()) && seen.add(ar.authservId())) {
                trusted.add(ar);
            }
        }
        if (trusted.isEmpty()) {
            return new Verification(Verification.Status.UNVERIFIED, trustedIds.isEmpty()
                    ? "no authserv-id is trusted (FRONTDESK_TRUSTED_AUTHSERV_IDS is empty)"
                    : "no Authentication-Results from " + String.join(", ", trustedIds.stream().sorted().toList())
                            + (problems.isEmpty() ? "" : " (unreadable: " + problems.get(0) + ")"));
        }
        List<String> seenResults = new ArrayList<>();
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
            }
        }
        String said = seenResults.isEmpty() ? "no results" : String.join(", ", seenResults);
        boolean spfOnly = seenResults.stream().anyMatch(s -> s.startsWith("spf=pass"));
        return new Verification(Verification.Status.UNVERIFIED, "not verified for " + domain + ": " + said
                + (spfOnly ? "; spf=pass alone does not verify From" : ""));
    }

    private static boolean isTrace(String name) {
        return TRACE.contains(name) || TRACE_PREFIXES.stream().anyMatch(name::startsWith);
    }

    private static String domainOf(String identity) {
        int at = identity.lastIndexOf('@');
        return at < 0 ? identity : identity.substring(at + 1);
    }
}
