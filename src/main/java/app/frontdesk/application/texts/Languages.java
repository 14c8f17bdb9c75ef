package app.frontdesk.application.texts;

import java.util.Locale;
import java.util.Optional;

/** Which of our languages a person wrote in: Content-Language if it names one, else the letters of the text. */
public final class Languages {

    private static final Locale RU = Locale.forLanguageTag("ru");

    private Languages() {
    }

    /**
     * The first of our languages a browser asks for ({@code Accept-Language}), else {@code fallback}. A
     * header that does not parse is the browser's problem, not a reason to fail the page: it counts as absent.
     */
    public static Locale fromAcceptLanguage(String header, Locale fallback) {
        if (header == null || header.isBlank()) {
            return fallback;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                String tag = range.getRange().toLowerCase(Locale.ROOT);
                if (tag.startsWith("ru")) {
                    return RU;
                }
                if (tag.startsWith("en")) {
                    return Locale.ENGLISH;
                }
            }
        } catch (IllegalArgumentException e) {
            // malformed: as if absent
        }
        return fallback;
    }

    /** Russian or English when the message tells; empty when it does not (no letters, no header). */
    public static Optional<Locale> detect(Optional<String> contentLanguage, String text) {
        if (contentLanguage.isPresent()) {
            for (String tag : contentLanguage.get().split(",")) {
                String t = tag.strip().toLowerCase(Locale.ROOT);
                if (t.startsWith("ru")) {
                    return Optional.of(RU);
                }
                if (t.startsWith("en")) {
                    return Optional.of(Locale.ENGLISH);
                }
            }
        }
        int cyrillic = 0;
        int latin = 0;
        int n = Math.min(text.length(), 4000);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC) {
                cyrillic++;
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                latin++;
            }
        }
        if (cyrillic + latin < 3) {
            return Optional.empty();
        }
        return Optional.of(cyrillic * 2 >= latin ? RU : Locale.ENGLISH);
    }
}
