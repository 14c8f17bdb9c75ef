package app.frontdesk.infrastructure.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.domain.model.calendar.BusinessCalendar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Russian calendar shipped in server-config, read through the settings as the gateway reads it. */
class ShippedCalendarTest {

    /** With a company name, so that only the calendar can warn. */
    private static Settings settings(Map<String, String> env) {
        return new Settings(name -> Optional.ofNullable(env.get(name)).or(() -> name.equals("FRONTDESK_COMPANY_NAME")
                ? Optional.of("Test company") : Optional.empty()));
    }

    @Test
    void decreedTransfersAndHolidaysAreThere() {
        BusinessCalendar ru = settings(Map.of()).calendar();
        assertTrue(ru.isBusinessDay(LocalDate.of(2025, 11, 1)), "Saturday 1 Nov 2025 was a working day");
        assertFalse(ru.isBusinessDay(LocalDate.of(2025, 11, 3)), "its day off moved to Monday 3 Nov");
        assertFalse(ru.isBusinessDay(LocalDate.of(2025, 5, 2)), "4 Jan 2025 moved to Friday 2 May");
        assertFalse(ru.isBusinessDay(LocalDate.of(2025, 12, 31)));
        assertFalse(ru.isBusinessDay(LocalDate.of(2026, 1, 9)), "3 Jan 2026 moved to Friday 9 Jan");
        assertFalse(ru.isBusinessDay(LocalDate.of(2026, 3, 9)), "8 Mar 2026 (Sunday) moved to Monday");
        assertTrue(ru.isBusinessDay(LocalDate.of(2026, 11, 23)));
        assertFalse(ru.isBusinessDay(LocalDate.of(2026, 11, 21)), "an ordinary Saturday");
    }

    @Test
    void aBadLineStopsTheStartNamingFileAndLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cal.txt");
        Files.writeString(file, "2026-01-01 holiday\n2026-13-01 holiday\n2026-01-02 party\n2027 maybe\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> settings(Map.of("FRONTDESK_CALENDAR_FILE", file.toString())));
        assertTrue(e.getMessage().contains(file + " line 2"), e.getMessage());
        assertTrue(e.getMessage().contains(file + " line 3: \"party\" is neither holiday nor workday"), e.getMessage());
        assertTrue(e.getMessage().contains(file + " line 4: a year line reads like \"2027 provisional\""), e.getMessage());
    }

    @Test
    void theShippedFileCoversTheYearsItIsFinalFor() {
        Settings s = settings(Map.of("FRONTDESK_TRUSTED_AUTHSERV_IDS", "mx.example"));
        assertEquals(java.util.List.of(), s.warnings(LocalDate.of(2025, 6, 1)));
        assertEquals(java.util.List.of(), s.warnings(LocalDate.of(2026, 3, 1)), "2027 is not asked about before October");
    }

    @Test
    void aProvisionalYearAndAMissingYearAreWarnedAboutUntilTheFileIsCompleted(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cal.txt");
        Files.writeString(file, "2026-12-31 holiday\n2027 provisional   # Labour Code days only\n2027-01-01 holiday\n");
        Settings s = settings(Map.of("FRONTDESK_CALENDAR_FILE", file.toString(), "FRONTDESK_TRUSTED_AUTHSERV_IDS", "mx.example"));
        assertEquals(java.util.List.of(), s.warnings(LocalDate.of(2026, 9, 30)), "2026 is complete; the next year is not asked about yet");
        var october = s.warnings(LocalDate.of(2026, 10, 1));
        assertEquals(1, october.size(), october.toString());
        assertTrue(october.get(0).contains("2027 is provisional"), october.get(0));
        var inTheYear = s.warnings(LocalDate.of(2027, 2, 1));
        assertEquals(1, inTheYear.size(), inTheYear.toString());
        assertTrue(inTheYear.get(0).contains("2027 is provisional"), "still provisional while it runs");
        var late = s.warnings(LocalDate.of(2027, 11, 1));
        assertEquals(2, late.size(), late.toString());
        assertTrue(late.get(1).contains("has no days for 2028"), late.get(1));
        // the provisional days still count: the file's 1 January is a day off
        assertFalse(s.calendar().isBusinessDay(LocalDate.of(2027, 1, 1)));
    }
}
