package app.frontdesk.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * A bearer token, kept only as its SHA-256 and compared in constant time. When none is configured,
 * one is generated and written (owner-readable only) to {@code data/secrets/NAME.token}, so that a
 * fresh install is never open and the operator can read the token from that file.
 */
public final class Tokens {

    private static final Logger LOG = Logger.getLogger(Tokens.class.getName());

    private final byte[] hash;

    private Tokens(byte[] hash) {
        this.hash = hash;
    }

    public static Tokens of(Optional<String> configured, Path secretsDir, String name) {
        String token = configured.orElseGet(() -> generated(secretsDir, name));
        return new Tokens(sha256(token));
    }

    /**
     * A signing key: the configured value, or one generated once into {@code data/secrets/NAME.token}
     * and read from there on, so that links mailed before a restart still verify after it.
     */
    public static byte[] key(Optional<String> configured, Path secretsDir, String name) {
        byte[] key = configured.orElseGet(() -> generated(secretsDir, name)).getBytes(StandardCharsets.UTF_8);
        if (key.length < 32) {
            throw new IllegalArgumentException("the " + name + " secret must be at least 32 characters");
        }
        return key;
    }

    /** True when {@code presented} is the token; the time taken does not depend on where they differ. */
    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(hash, sha256(presented));
    }

    private static String generated(Path dir, String name) {
        Path file = dir.resolve(name + ".token");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            Files.createDirectories(dir);
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String token = HexFormat.of().formatHex(random);
            Files.writeString(file, token + "\n", StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system; the directory's own permissions apply
            }
            LOG.warning("No " + name.toUpperCase().replace('-', '_') + " configured: generated one in " + file);
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the " + name + " token in " + dir, e);
        }
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
