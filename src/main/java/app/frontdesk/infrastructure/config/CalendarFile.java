package app.frontdesk.infrastructure.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The business calendar file ({@code server-config/calendar/ru.txt}): {@code 2026-12-31 holiday} or
 * {@code 2025-11-01 workday} per line, # starts a comment. A line {@code 2027 provisional} marks a
 * year whose days are not final yet (Russia's transfer decree for a year comes out in the autumn
 * before it): the gateway counts with what the file has and warns until the year is completed, so
 * that nobody mistakes a guess for the decree. A missing file means weekends only.
 */
public final class CalendarFile {

    private final Path path;
    private final String shown;
    private final Set<LocalDate> holidays = new HashSet<>();
    private final Set<LocalDate> workdays = new HashSet<>();
    private final Set<Integer> years = new TreeSet<>();
    private final Set<Integer> provisional = new TreeSet<>();

    private CalendarFile(Path path) {
        this.path = path;
        // /health/ready is read by anyone who can reach it: it names the file, not where the server keeps it
        this.shown = path.getParent() != null && path.getParent().getFileName() != null
                ? path.getParent().getFileName() + "/" + path.getFileName() : String.valueOf(path.getFileName());
    }

    /** Reads the file; every bad line is added to {@code errors} with its number. */
    public static CalendarFile read(Path path, List<String> errors) {
        CalendarFile f = new CalendarFile(path);
        if (!Files.isRegularFile(path)) {
            return f;
        }
        try {
            int n = 0;
            for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                n++;
                String d = line.replaceAll("#.*", "").strip();
                if (!d.isEmpty()) {
                    f.line(d, n, errors);
                }
            }
        } catch (IOException e) {
            errors.add("cannot read " + path + ": " + e.getMessage());
        }
        return f;
    }

    private void line(String d, int n, List<String> errors) {
        String[] parts = d.split("\\s+");
        String kind = parts.length > 1 ? parts[1].toLowerCase(Locale.ROOT) : "holiday";
        if (parts[0].matches("\\d{4}")) {
            if (kind.equals("provisional") && parts.length == 2) {
                provisional.add(Integer.parseInt(parts[0]));
            } else {
                errors.add(path + " line " + n + ": a year line reads like \"2027 provisional\" (was \"" + d + "\")");
            }
            return;
        }
        try {
            LocalDate day = LocalDate.parse(parts[0]);
            switch (kind) {
                case "holiday" -> holidays.add(day);
                case "workday" -> workdays.add(day);
                default -> {
                    errors.add(path + " line " + n + ": \"" + parts[1] + "\" is neither holiday nor workday");
                    return;
                }
            }
            years.add(day.getYear());
        } catch (java.time.format.DateTimeParseException e) {
            errors.add(path + " line " + n + ": \"" + parts[0] + "\" is not a date like 2026-12-31");
        }
    }

    public Set<LocalDate> holidays() {
        return Set.copyOf(holidays);
    }

    /** Weekend days that are working days by decree. */
    public Set<LocalDate> workdays() {
        return Set.copyOf(workdays);
    }

    /**
     * What the operators must hear about on {@code today}: this year or, from October, next year is
     * marked provisional or has no days at all (then only weekends and the hours count).
     */
    public List<String> warnings(LocalDate today) {
        List<String> w = new ArrayList<>();
        List<Integer> ahead = today.getMonthValue() >= 10 ? List.of(today.getYear(), today.getYear() + 1) : List.of(today.getYear());
        for (int year : ahead) {
            if (provisional.contains(year)) {
                w.add("business calendar " + shown + ": " + year + " is provisional (no transfer decree in the file yet);"
                        + " add the decree's days and remove the line \"" + year + " provisional\"");
            } else if (!years.contains(year)) {
                w.add("business calendar " + shown + " has no days for " + year + ": only weekends count as days off;"
                        + " add the year's holidays and transfer days");
            }
        }
        return w;
    }
}
