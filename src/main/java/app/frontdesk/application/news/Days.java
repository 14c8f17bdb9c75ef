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

    /**
     * When a person can call, in words: "today" while at least two business hours are left of today,
     * else the next business day by name ("в понедельник, 30 ноября", "on Monday, 30 November").
     */
    public static String callDay(BusinessCalendar calendar, Instant now, Locale lang) {
        boolean ru = lang.getLanguage().equals("ru");
        java.time.Duration room = java.time.Duration.ofHours(2);
        if (calendar.isBusinessTime(now) && calendar.isBusinessTime(now.plus(room))
                && now.atZone(calendar.zone()).toLocalDate().equals(now.plus(room).atZone(calendar.zone()).toLocalDate())) {
            return ru ? "сегодня" : "today";
        }
        java.time.LocalDate today = now.atZone(calendar.zone()).toLocalDate();
        java.time.LocalDate day = calendar.nextBusinessTime(now.plus(calendar.isBusinessTime(now) ? room : java.time.Duration.ZERO))
                .atZone(calendar.zone()).toLocalDate();
        if (!day.isAfter(today)) {
            return ru ? "сегодня" : "today"; // before opening on a business day: later today
        }
        if (ru) {
            return RU_ON_DAY[day.getDayOfWeek().getValue() - 1] + ", " + java.time.format.DateTimeFormatter.ofPattern("d MMMM", lang).format(day);
        }
        return "on " + java.time.format.DateTimeFormatter.ofPattern("EEEE, d MMMM", Locale.ENGLISH).format(day);
    }
}
