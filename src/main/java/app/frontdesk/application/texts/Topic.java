package app.frontdesk.application.texts;

import java.util.regex.Pattern;

/**
 * What a person's message is about, from its Subject, to take it up in our answer ("Мы получили ваше
 * письмо «Уведомление о приостановке?»"): reply and forward prefixes dropped, whitespace and control
 * characters folded, at most {@value #MAX_LENGTH} characters. Empty when the subject says nothing.
 */
public final class Topic {

    static final int MAX_LENGTH = 80;

    private static final Pattern PREFIX = Pattern.compile("(?iu)^\\s*(re|fwd?|fw|aw|wg|tr|sv|ответ|отв|пересл|переслать|rv)\\s*(\\[\\d+]|\\(\\d+\\))?\\s*:\\s*");

    private Topic() {
    }

    public static String of(String subject) {
        if (subject == null) {
            return "";
        }
        String s = subject.replaceAll("[\\p{Cc}\\p{Cf}\\uFFFD]+", " ").replaceAll("\\s+", " ").strip();
        String before;
        do {
            before = s;
            s = PREFIX.matcher(s).replaceFirst("").strip();
        } while (!s.equals(before));
        if (s.length() > MAX_LENGTH) {
            int cut = s.lastIndexOf(' ', MAX_LENGTH - 1);
            s = s.substring(0, cut > MAX_LENGTH / 2 ? cut : MAX_LENGTH - 1).strip() + "…";
        }
        return s;
    }
}
