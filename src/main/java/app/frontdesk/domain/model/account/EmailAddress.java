package app.frontdesk.domain.model.account;

import java.net.IDN;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A mailbox address in the one form we compare by: trimmed, without angle brackets, lower case,
 * with an internationalized domain in its ASCII (punycode) form.
 *
 * <p>The local part is lower-cased too: RFC 5321 allows case-sensitive local parts, but no
 * mail system our customers use relies on that, and a contact must not be missed because one
 * mail said "Ivan.Petrov" and the register says "ivan.petrov". Dots and "+tags" are kept:
 * folding them would merge addresses that belong to different people.
 */
public final class EmailAddress {

    private static final int MAX_LENGTH = 320;

    private final String value;

    private EmailAddress(String value) {
        this.value = value;
    }

    /** Normalizes {@code raw}, or throws {@link IllegalArgumentException} saying what is wrong. */
    public static EmailAddress of(String raw) {
        return parse(raw).orElseThrow(() -> new IllegalArgumentException(
                "not a mail address: \"" + (raw == null ? "" : raw.strip()) + "\""));
    }

    /** Normalizes {@code raw}, or answers empty when it is not a single mailbox address. */
    public static Optional<EmailAddress> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.strip();
        if (s.startsWith("<") && s.endsWith(">")) {
            s = s.substring(1, s.length() - 1).strip();
        }
        int at = s.lastIndexOf('@');
        if (at <= 0 || at == s.length() - 1 || s.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String local = s.substring(0, at);
        String domain = s.substring(at + 1);
        if (local.indexOf('@') >= 0 && !(local.startsWith("\"") && local.endsWith("\""))) {
            return Optional.empty();
        }
        if (local.contains("=?") && local.contains("?=")) {
            return Optional.empty(); // an encoded word is never an address (RFC 2047 section 5): a parser mangled it
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || c == '<' || c == '>' || c == ',') {
                return Optional.empty();
            }
        }
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        String asciiDomain;
        try {
            asciiDomain = IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (asciiDomain.isEmpty() || asciiDomain.startsWith(".") || asciiDomain.contains("..")) {
            return Optional.empty();
        }
        return Optional.of(new EmailAddress(local.toLowerCase(Locale.ROOT) + "@" + asciiDomain.toLowerCase(Locale.ROOT)));
    }

    public String value() {
        return value;
    }

    public String localPart() {
        return value.substring(0, value.lastIndexOf('@'));
    }

    public String domain() {
        return value.substring(value.lastIndexOf('@') + 1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EmailAddress other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
