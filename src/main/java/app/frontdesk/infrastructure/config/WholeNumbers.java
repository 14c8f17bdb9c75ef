package app.frontdesk.infrastructure.config;

import java.util.List;
import java.util.Optional;

/**
 * Whole-number settings, read one way wherever they come from (the environment, the configuration file, a
 * mailbox's properties). A value out of range or not a number is a mistake that ends the start with one line
 * naming the setting and the range it allows; it is never used, not even until the start ends: a number past
 * the range turned into a duration overflowed ({@code FRONTDESK_LINK_TTL_DAYS=9223372036854775807}) and the
 * start ended with that overflow instead of the setting's name.
 */
final class WholeNumbers {

    private WholeNumbers() {
    }

    /**
     * @param value    the setting's text, stripped; empty when it is not set
     * @param name     how the mistake names the setting
     * @param fallback the value when it is not set, and what the caller gets back after a mistake
     * @param errors   where a mistake goes
     */
    static long read(Optional<String> value, String name, long fallback, long min, long max, List<String> errors) {
        if (value.isEmpty()) {
            return fallback;
        }
        String v = value.get();
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            errors.add(v.matches("[+-]?[0-9]+")
                    ? name + " must be between " + min + " and " + max + " (was " + v + ")"
                    : name + " must be a whole number between " + min + " and " + max + " (was \"" + v + "\")");
            return fallback;
        }
        if (n < min || n > max) {
            errors.add(name + " must be between " + min + " and " + max + " (was " + n + ")");
            return fallback;
        }
        return n;
    }
}
