package app.frontdesk.application;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where Frontdesk may post a webhook: public http(s) addresses only, unless configuration allows
 * private ones ({@code FRONTDESK_WEBHOOK_ALLOW_PRIVATE}, for a receiver inside one's own network).
 * A URL that an account record or billing gives us is the caller's choice of target for a request
 * made from inside our network: pointed at loopback, a private range or the cloud metadata address
 * (169.254.169.254) it would reach what only we can reach (review of 2026-11-28). The URL is checked
 * when it is given, for a clear answer, and its resolved addresses again when it is posted to,
 * because a public name can resolve to a private address later.
 */
public final class WebhookTargets {

    private final boolean allowPrivate;

    public WebhookTargets(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** What is wrong with {@code url} as a webhook target, in words; empty when it may be used. Resolves no names. */
    public Optional<String> problem(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (java.net.URISyntaxException e) {
            return Optional.of("not a URL: \"" + url + "\"");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            return Optional.of("not an http(s) URL with a host: \"" + url + "\"");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT).replaceAll("^\\[|\\]$", "");
        if (host.equals("localhost") || host.endsWith(".localhost") || host.endsWith(".local") || host.endsWith(".internal")) {
            return Optional.of(refusal(url));
        }
        if (host.matches("[0-9.]+") || host.contains(":")) { // an address literal: classified without a look-up
            try {
                return isPrivate(InetAddress.getByName(host)) ? Optional.of(refusal(url)) : Optional.empty();
            } catch (UnknownHostException e) {
                return Optional.of("not an address: \"" + host + "\"");
            }
        }
        return Optional.empty();
    }

    /** Before a post: every address the host resolves to must be public (unless allowed); else an IOException. */
    public void checkResolved(URI uri) throws IOException {
        Optional<String> p = problem(uri.toString());
        if (p.isPresent()) {
            throw new IOException(p.get());
        }
        if (allowPrivate) {
            return;
        }
        for (InetAddress a : InetAddress.getAllByName(uri.getHost())) {
            if (isPrivate(a)) {
                throw new IOException("webhook host " + uri.getHost() + " resolves to " + a.getHostAddress()
                        + ", a private address; not posted (FRONTDESK_WEBHOOK_ALLOW_PRIVATE allows it)");
            }
        }
    }

    private static String refusal(String url) {
        return "a loopback, link-local or private address: \"" + url + "\" (allowed only with FRONTDESK_WEBHOOK_ALLOW_PRIVATE=true)";
    }

    /** Loopback, link-local (metadata services), private and shared ranges, unspecified and multicast, in IPv4 and IPv6. */
    public static boolean isPrivate(InetAddress a) {
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress() || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second < 128) // "this network", carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) || first >= 240; // IETF protocol, reserved
        }
        if (a instanceof Inet6Address) {
            boolean mapped = true; // ::ffff:a.b.c.d carries an IPv4 address
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return isPrivate(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
            return (b[0] & 0xfe) == 0xfc; // fc00::/7 unique local
        }
        return true;
    }
}
