package app.frontdesk.domain.model.calendar;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/** Opening and closing time of a business day, written {@code 09:00-18:00}. */
public record BusinessHours(LocalTime opens, LocalTime closes) {

    public BusinessHours {
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("business hours must open before they close: " + opens + "-" + closes);
        }
    }

    public static BusinessHours parse(String text) {
        String[] parts = text == null ? new String[0] : text.strip().split("-");
        try {
            if (parts.length == 2) {
                return new BusinessHours(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()));
            }
        } catch (DateTimeParseException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("business hours must look like 09:00-18:00 (was \"" + text + "\")");
    }

    @Override
    public String toString() {
        return opens + "-" + closes;
    }
}
