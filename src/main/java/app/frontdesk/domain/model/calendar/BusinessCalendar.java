package app.frontdesk.domain.model.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Set;

/**
 * Business days (Monday to Friday, minus holidays) and business hours in one time zone. A promise
 * "within 4 business hours" made on Friday at 17:00 falls due on Monday at 12:00, not at 21:00.
 */
public final class BusinessCalendar {

    private final ZoneId zone;
    private final LocalTime opens;
    private final LocalTime closes;
    private final Set<LocalDate> holidays;
    /** Weekend days that are working days by decree (transfer days, such as Saturday 2025-11-01 in Russia). */
    private final Set<LocalDate> workingWeekendDays;

    public BusinessCalendar(ZoneId zone, LocalTime opens, LocalTime closes, Set<LocalDate> holidays) {
        this(zone, opens, closes, holidays, Set.of());
    }

    public BusinessCalendar(ZoneId zone, LocalTime opens, LocalTime closes, Set<LocalDate> holidays, Set<LocalDate> workingWeekendDays) {
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("business hours must open before they close: " + opens + "-" + closes);
        }
        this.zone = Objects.requireNonNull(zone);
        this.opens = opens;
        this.closes = closes;
        this.holidays = Set.copyOf(holidays);
        this.workingWeekendDays = Set.copyOf(workingWeekendDays);
    }

    /** The same days, with another business day (an account's own hours); null keeps these. */
    public BusinessCalendar withHours(BusinessHours hours) {
        return hours == null ? this : new BusinessCalendar(zone, hours.opens(), hours.closes(), holidays, workingWeekendDays);
    }

    /** The same days and hours, counted in another time zone (an account's). */
    public BusinessCalendar inZone(ZoneId other) {
        return other == null || other.equals(zone) ? this : new BusinessCalendar(other, opens, closes, holidays, workingWeekendDays);
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isBusinessDay(LocalDate day) {
        if (workingWeekendDays.contains(day)) {
            return true;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    public boolean isBusinessTime(Instant t) {
        ZonedDateTime z = t.atZone(zone);
        return isBusinessDay(z.toLocalDate()) && !z.toLocalTime().isBefore(opens) && z.toLocalTime().isBefore(closes);
    }

    /** {@code t} itself when it is business time, else the next opening. */
    public Instant nextBusinessTime(Instant t) {
        ZonedDateTime z = t.atZone(zone);
        if (isBusinessDay(z.toLocalDate()) && z.toLocalTime().isBefore(opens)) {
            return z.with(opens).toInstant();
        }
        if (isBusinessTime(t)) {
            return t;
        }
        LocalDate day = z.toLocalDate().plusDays(1);
        while (!isBusinessDay(day)) {
            day = day.plusDays(1);
        }
        return day.atTime(opens).atZone(zone).toInstant();
    }

    /** The moment {@code amount} of business time after {@code start}. */
    public Instant plusBusinessTime(Instant start, Duration amount) {
        Instant t = nextBusinessTime(start);
        Duration left = amount;
        while (true) {
            ZonedDateTime z = t.atZone(zone);
            Duration today = Duration.between(z.toLocalTime(), closes);
            if (left.compareTo(today) <= 0) {
                return t.plus(left);
            }
            left = left.minus(today);
            t = nextBusinessTime(z.with(closes).toInstant());
        }
    }

    /** The end of the {@code days}-th business day after the day of {@code start}. */
    public Instant plusBusinessDays(Instant start, int days) {
        LocalDate day = start.atZone(zone).toLocalDate();
        for (int i = 0; i < days; ) {
            day = day.plusDays(1);
            if (isBusinessDay(day)) {
                i++;
            }
        }
        return day.atTime(closes).atZone(zone).toInstant();
    }
}
