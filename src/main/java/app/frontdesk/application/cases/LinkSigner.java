package app.frontdesk.application.cases;

import app.frontdesk.domain.model.supportcase.LinkAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs one-click links with HMAC-SHA256, so that a link cannot be made up or altered (another case,
 * another action, a later expiry) without our key. The token carries link id, action and expiry;
 * single use is the database's part (the link row).
 */
public final class LinkSigner {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final byte[] key;

    public LinkSigner(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the link key must have at least 32 bytes");
        }
        this.key = key.clone();
    }

    /** What a valid token says. */
    public record Claim(long linkId, LinkAction action, Instant expiresAt) {
    }

    public String sign(long linkId, LinkAction action, Instant expiresAt) {
        String payload = linkId + "." + action.name() + "." + expiresAt.getEpochSecond();
        return B64.encodeToString(payload.getBytes(StandardCharsets.US_ASCII)) + "." + B64.encodeToString(mac(payload));
    }

    /** The claim of a token whose signature is ours; empty for anything else (never an exception). */
    public Optional<Claim> verify(String token) {
        try {
            int dot = token == null ? -1 : token.indexOf('.');
            if (dot <= 0 || token.length() > 300) {
                return Optional.empty();
            }
            String payload = new String(B64D.decode(token.substring(0, dot)), StandardCharsets.US_ASCII);
            byte[] given = B64D.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(mac(payload), given)) {
                return Optional.empty();
            }
            String[] parts = payload.split("\\.");
            return Optional.of(new Claim(Long.parseLong(parts[0]), LinkAction.valueOf(parts[1]),
                    Instant.ofEpochSecond(Long.parseLong(parts[2]))));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
