package app.frontdesk.application.texts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Times, dates and amounts as staff read them: in their language and zone, never as UTC ISO strings. */
class StaffReaderTest {

    private static final Locale RU = Locale.forLanguageTag("ru");
    private static final Instant MONDAY_0700_UTC = Instant.parse("2026-11-30T07:00:00Z");

    @Test
    void aMomentHasItsWeekdayAndTheZoneAsTheReaderSaysIt() {
        assertEquals("понедельник, 30 ноября 2026, 10:00 (МСК)", new StaffReader(RU, ZoneId.of("Europe/Moscow")).moment(MONDAY_0700_UTC));
        assertEquals("понедельник, 30 ноября 2026, 12:00 (МСК+2)", new StaffReader(RU, ZoneId.of("Asia/Yekaterinburg")).moment(MONDAY_0700_UTC));
        assertEquals("понедельник, 30 ноября 2026, 08:00 (МСК−2)", new StaffReader(RU, ZoneId.of("Europe/Berlin")).moment(MONDAY_0700_UTC));
        assertEquals("понедельник, 30 ноября 2026, 12:30 (МСК+2:30)", new StaffReader(RU, ZoneId.of("Asia/Kolkata")).moment(MONDAY_0700_UTC));
        assertEquals("Monday, 30 November 2026, 10:00 (MSK)", new StaffReader(Locale.ENGLISH, ZoneId.of("Europe/Moscow")).moment(MONDAY_0700_UTC));
        assertEquals("Monday, 30 November 2026, 10:00 (MSK)", new StaffReader(Locale.GERMAN, ZoneId.of("Europe/Moscow")).moment(MONDAY_0700_UTC),
                "any other language reads English, one of ours");
    }

    @Test
    void aMomentAfterAPrepositionIsDeclined() {
        StaffReader ru = new StaffReader(RU, ZoneId.of("Europe/Moscow"));
        StaffReader en = new StaffReader(Locale.ENGLISH, ZoneId.of("Europe/Moscow"));
        Instant wednesday = Instant.parse("2026-11-25T15:00:00Z");
        assertEquals("до среды, 25 ноября 2026, 18:00 (МСК)", ru.until(wednesday));
        assertEquals("в среду, 25 ноября 2026, 18:00 (МСК)", ru.on(wednesday));
        assertEquals("во вторник, 1 декабря 2026, 10:00 (МСК)", ru.on(MONDAY_0700_UTC.plusSeconds(86_400)));
        assertEquals("until Wednesday, 25 November 2026, 18:00 (MSK)", en.until(wednesday));
        assertEquals("on Wednesday, 25 November 2026, 18:00 (MSK)", en.on(wednesday));
    }

    @Test
    void datesAndAmounts() {
        StaffReader ru = new StaffReader(RU, ZoneId.of("Europe/Moscow"));
        StaffReader en = new StaffReader(Locale.ENGLISH, ZoneId.of("Europe/Moscow"));
        assertEquals("20 ноября 2026", ru.date(LocalDate.of(2026, 11, 20)));
        assertEquals("20 November 2026", en.date(LocalDate.of(2026, 11, 20)));
        assertEquals("1 500,00 ₽", ru.money(new BigDecimal("1500.00"), Currency.getInstance("RUB")));
        assertEquals("1 234 567,50 EUR", ru.money(new BigDecimal("1234567.5"), Currency.getInstance("EUR")));
        assertEquals("RUB 1,500.00", en.money(new BigDecimal("1500"), Currency.getInstance("RUB")));
    }
}
