package app.frontdesk.application.staff;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 password hashes in a self-describing form, {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}
 * (base64, 16-byte salt, 32-byte hash), so the work factor can be raised later and old hashes still verify.
 * 600,000 iterations is OWASP's figure for this function (2023); the JDK has it, no library needed.
 */
public final class PasswordHashes {

    public static final int ITERATIONS = 600_000;
    private static final String PREFIX = "pbkdf2-sha256";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final int iterations;
    /** Verified when there is no such user, so an unknown login costs as long as a known one. */
    private final String decoy;

    public PasswordHashes() {
        this(ITERATIONS);
    }

    /** Fewer iterations only for tests of this class's form; the gateway always uses {@link #ITERATIONS}. */
    PasswordHashes(int iterations) {
        this.iterations = iterations;
        this.decoy = hash("decoy-" + RANDOM.nextLong());
    }

    public String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return PREFIX + "$" + iterations + "$" + b64(salt) + "$" + b64(derive(password, salt, iterations));
    }

    /** Constant-time comparison; a malformed stored value never matches. */
    public boolean matches(String password, String stored) {
        if (password == null || stored == null) {
            return false;
        }
        String[] p = stored.split("\\$");
        if (p.length != 4 || !p[0].equals(PREFIX)) {
            return false;
        }
        try {
            int n = Integer.parseInt(p[1]);
            if (n < 1 || n > 10_000_000) {
                return false;
            }
            byte[] expected = Base64.getDecoder().decode(p[3]);
            return MessageDigest.isEqual(expected, derive(password, Base64.getDecoder().decode(p[2]), n));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Spends the time of one verification, for a login nobody has. */
    public void spendTime(String password) {
        matches(password == null ? "" : password, decoy);
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17 runtime", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().withoutPadding().encodeToString(b);
    }
}
