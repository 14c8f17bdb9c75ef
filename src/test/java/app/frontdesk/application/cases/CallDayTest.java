package app.frontdesk.application.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.frontdesk.domain.model.calendar.BusinessCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, item 3 (first part): a promised call names a day the manager works. The red-flag
 * paragraph said "позвонит вам сегодня" on a Saturday.
 */
class CallDayTest {

    private static final Locale RU = Locale.forLanguageTag("ru");
    private static final BusinessCalendar MOSCOW = new BusinessCalendar(ZoneId.of("Europe/Moscow"), LocalTime.of(9, 0), LocalTime.of(18, 0),
            Set.of(LocalDate.of(2026, 12, 31)));

    @Test
    void onASaturdayTheCallIsPromisedForMonday() {
        Instant saturday = Instant.parse("2026-11-28T07:00:00Z"); // 10:00 in Moscow
        assertEquals("в понедельник, 30 ноября", CaseTexts.callDay(MOSCOW, saturday, RU));
        assertEquals("on Monday, 30 November", CaseTexts.callDay(MOSCOW, saturday, Locale.ENGLISH));
    }

    @Test
    void duringABusinessDayWithTimeLeftItIsToday() {
        assertEquals("сегодня", CaseTexts.callDay(MOSCOW, Instant.parse("2026-11-27T08:00:00Z"), RU)); // Friday 11:00
        assertEquals("today", CaseTexts.callDay(MOSCOW, Instant.parse("2026-11-27T06:30:00Z"), Locale.ENGLISH)); // Friday 09:30
    }

    @Test
    void lateOnFridayOrBeforeAHolidayItIsTheNextBusinessDay() {
        assertEquals("в понедельник, 30 ноября", CaseTexts.callDay(MOSCOW, Instant.parse("2026-11-27T14:30:00Z"), RU)); // Friday 17:30
        assertEquals("в пятницу, 1 января", CaseTexts.callDay(MOSCOW, Instant.parse("2026-12-30T16:00:00Z"), RU)); // Wednesday 19:00, 31st off
    }

    @Test
    void beforeOpeningOnABusinessDayItIsStillToday() {
        assertEquals("сегодня", CaseTexts.callDay(MOSCOW, Instant.parse("2026-11-27T04:00:00Z"), RU)); // Friday 07:00
    }

    @Test
    void theCallIsDueTwoBusinessHoursLaterAndTheWordsNameThatDay() {
        Instant saturday = Instant.parse("2026-11-28T07:00:00Z");
        Instant due = app.frontdesk.application.news.Days.callDue(MOSCOW, saturday);
        assertEquals(Instant.parse("2026-11-30T08:00:00Z"), due, "Monday 11:00 in Moscow");
        assertEquals("в понедельник, 30 ноября", app.frontdesk.application.news.Days.callDay(MOSCOW.zone(), saturday, due, RU));
        Instant fridayEvening = Instant.parse("2026-11-27T16:30:00Z"); // 19:30, after closing
        assertEquals("в понедельник, 30 ноября", CaseTexts.callDay(MOSCOW, fridayEvening, RU));
        assertEquals("on Monday, 30 November", CaseTexts.callDay(MOSCOW, Instant.parse("2026-11-29T18:00:00Z"), Locale.ENGLISH)); // Sunday
    }
}
