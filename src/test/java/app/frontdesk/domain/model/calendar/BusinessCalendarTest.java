package app.frontdesk.domain.model.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private final BusinessCalendar calendar = new BusinessCalendar(MOSCOW, LocalTime.of(9, 0), LocalTime.of(18, 0),
            Set.of(LocalDate.of(2026, 11, 4)));

    private static Instant msk(String local) {
        return java.time.LocalDateTime.parse(local).atZone(MOSCOW).toInstant();
    }

    @Test
    void fourBusinessHoursFromFridayAfternoonEndOnMonday() {
        assertEquals(msk("2026-11-23T12:00"), calendar.plusBusinessTime(msk("2026-11-20T17:00"), Duration.ofHours(4)));
    }

    @Test
    void fromSaturdayTheClockStartsOnMondayMorning() {
        assertEquals(msk("2026-11-23T13:00"), calendar.plusBusinessTime(msk("2026-11-21T10:00"), Duration.ofHours(4)));
    }

    @Test
    void withinTheDayItIsPlainAddition() {
        assertEquals(msk("2026-11-23T14:30"), calendar.plusBusinessTime(msk("2026-11-23T10:30"), Duration.ofHours(4)));
    }

    @Test
    void holidaysAreSkipped() {
        assertFalse(calendar.isBusinessDay(LocalDate.of(2026, 11, 4)));
        assertEquals(msk("2026-11-05T13:00"), calendar.plusBusinessTime(msk("2026-11-03T17:00"), Duration.ofHours(5)));
        assertTrue(calendar.isBusinessTime(msk("2026-11-05T09:00")));
        assertFalse(calendar.isBusinessTime(msk("2026-11-05T18:00")));
    }

    @Test
    void businessDaysCountFromTheNextDay() {
        assertEquals(msk("2026-11-25T18:00"), calendar.plusBusinessDays(msk("2026-11-20T11:00"), 3));
    }
}
