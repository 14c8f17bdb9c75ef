package app.frontdesk.application.news;

import app.frontdesk.application.texts.TemplateLibrary;
import app.frontdesk.domain.model.calendar.BusinessCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Days and moments as people read them in our two languages. */
public final class Days {

    private Days() {
    }

    /** A business day with its weekday: "25 ноября (среда)", "Wednesday, 25 November". */
    public static String day(LocalDate day, Locale lang) {
        Locale l = TemplateLibrary.language(lang);
        if (l.getLanguage().equals("ru")) {
            return DateTimeFormatter.ofPattern("d MMMM", l).format(day) + " (" + DateTimeFormatter.ofPattern("EEEE", l).format(day) + ")";
        }
        return DateTimeFormatter.ofPattern("EEEE, d MMMM", l).format(day);
    }

    /** A date without a weekday: "20 ноября 2026", "20 November 2026". */
    public static String date(LocalDate day, Locale lang) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy", TemplateLibrary.language(lang)).format(day);
    }

    /** A moment as the unknown-sender mails write it: "23 ноября 2026, 13:00 (MSK)", "Monday, 23 November 2026, 13:00 (MSK)". */
    public static String moment(Instant t, ZoneId zone, Locale lang) {
        Locale l = TemplateLibrary.language(lang);
        String pattern = l.getLanguage().equals("ru") ? "d MMMM yyyy, HH:mm (z)" : "EEEE, d MMMM yyyy, HH:mm (z)";
        return DateTimeFormatter.ofPattern(pattern, l).format(t.atZone(zone));
    }

    private static final String[] RU_ON_DAY = {"в понедельник", "во вторник", "в среду", "в четверг", "в пятницу", "в субботу", "в воскресенье"};

    /** The business time a promised call may take: the call is due two business hours from the promise. */
    public static final java.time.Duration CALL_ROOM = java.time.Duration.ofHours(2);

    /**
     * When a call promised at {@code now} is due: two business hours later (a Saturday's promise is due on
     * Monday at 11:00 when the day opens at 09:00; Friday 17:30's on Monday at 10:30). The task that tracks
     * the promise and the words that make it (see {@link #callDay}) both come from here.
     */
    public static Instant callDue(BusinessCalendar calendar, Instant now) {
        return calendar.plusBusinessTime(now, CALL_ROOM);
    }

    /**
     * When a person can call, in words: "today" when the call falls due today (two business hours are left
     * of it, or it is a business day not open yet), else that business day by name ("в понедельник, 30
     * ноября", "on Monday, 30 November"). Never "today" on a day nobody works.
     */
    public static String callDay(BusinessCalendar calendar, Instant now, Locale lang) {
        return callDay(calendar.zone(), now, callDue(calendar, now), lang);
    }

    /** The day of a call due at {@code due}, in words, as said at {@code now} (see {@link #callDay(BusinessCalendar, Instant, Locale)}). */
    public static String callDay(ZoneId zone, Instant now, Instant due, Locale lang) {
        boolean ru = lang.getLanguage().equals("ru");
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate day = due.atZone(zone).toLocalDate();
        if (!day.isAfter(today)) {
            return ru ? "сегодня" : "today";
        }
        if (ru) {
            return RU_ON_DAY[day.getDayOfWeek().getValue() - 1] + ", " + DateTimeFormatter.ofPattern("d MMMM", TemplateLibrary.language(lang)).format(day);
        }
        return "on " + DateTimeFormatter.ofPattern("EEEE, d MMMM", Locale.ENGLISH).format(day);
    }
}
