package app.frontdesk.application.texts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * Who reads a mail to staff: their language (one of ours) and the time zone they read times in. Times
 * come out as a person reads them, never as UTC ISO strings: "понедельник, 30 ноября 2026, 10:00 (МСК)",
 * "Monday, 30 November 2026, 10:00 (MSK)". Russian readers get the zone as Russia says it, relative to
 * Moscow (МСК, МСК+2), whatever the zone's name.
 */
public record StaffReader(Locale language, ZoneId zone) {

    public StaffReader {
        language = TemplateLibrary.language(language);
        Objects.requireNonNull(zone);
    }

    public boolean ru() {
        return language.getLanguage().equals("ru");
    }

    /** A moment with its weekday and zone: "понедельник, 30 ноября 2026, 10:00 (МСК)". */
    public String moment(Instant t) {
        ZonedDateTime z = t.atZone(zone);
        return DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy, HH:mm", language).format(z) + " (" + zoneLabel(z) + ")";
    }

    private static final String[] RU_ON = {"в понедельник", "во вторник", "в среду", "в четверг", "в пятницу", "в субботу", "в воскресенье"};
    private static final String[] RU_UNTIL = {"до понедельника", "до вторника", "до среды", "до четверга", "до пятницы", "до субботы",
        "до воскресенья"};

    /** When something happens, after a verb: "в пятницу, 20 ноября 2026, 16:00 (МСК)", "on Friday, 20 November 2026, 16:00 (MSK)". */
    public String on(Instant t) {
        return withPreposition(t, RU_ON, "on ");
    }

    /** Until when: "до среды, 25 ноября 2026, 18:00 (МСК)", "until Wednesday, 25 November 2026, 18:00 (MSK)". */
    public String until(Instant t) {
        return withPreposition(t, RU_UNTIL, "until ");
    }

    private String withPreposition(Instant t, String[] ru, String en) {
        if (!ru()) {
            return en + moment(t);
        }
        ZonedDateTime z = t.atZone(zone);
        return ru[z.getDayOfWeek().getValue() - 1] + ", " + DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", language).format(z)
                + " (" + zoneLabel(z) + ")";
    }

    /** A date: "20 ноября 2026", "20 November 2026". */
    public String date(LocalDate day) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy", language).format(day);
    }

    /** An amount as the reader writes it: "1 500,00 ₽", "RUB 1,500.00". */
    public String money(BigDecimal amount, Currency currency) {
        int scale = Math.max(currency.getDefaultFractionDigits(), 0);
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(language);
        if (ru()) {
            symbols.setGroupingSeparator(' ');
            symbols.setDecimalSeparator(',');
        }
        DecimalFormat f = new DecimalFormat(scale == 0 ? "#,##0" : "#,##0." + "0".repeat(scale), symbols);
        String n = f.format(amount.setScale(scale, RoundingMode.HALF_UP));
        if (ru()) {
            return n + " " + (currency.getCurrencyCode().equals("RUB") ? "₽" : currency.getCurrencyCode());
        }
        return currency.getCurrencyCode() + " " + n;
    }

    private String zoneLabel(ZonedDateTime z) {
        if (!ru()) {
            return DateTimeFormatter.ofPattern("z", Locale.ENGLISH).format(z);
        }
        int diff = z.getOffset().getTotalSeconds() - ZoneId.of("Europe/Moscow").getRules().getOffset(z.toInstant()).getTotalSeconds();
        if (diff == 0) {
            return "МСК";
        }
        int minutes = Math.abs(diff) / 60;
        return "МСК" + (diff > 0 ? "+" : "−") + (minutes / 60) + (minutes % 60 == 0 ? "" : String.format(":%02d", minutes % 60));
    }
}
