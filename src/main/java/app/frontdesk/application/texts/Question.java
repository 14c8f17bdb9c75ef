package app.frontdesk.application.texts;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a person asks in their message, to quote it to staff ("Отправитель спрашивает: «Почему нам
 * грозит приостановка?»"): the first sentences that end in a question mark, from their own text (quoted
 * lines and what follows "-----Original Message-----" or "... wrote:" are someone else's), at most
 * {@value #MAX_LENGTH} characters; empty when they ask nothing (their subject is shown beside it anyway).
 */
public final class Question {

    static final int MAX_LENGTH = 300;
    private static final int MAX_QUESTIONS = 2;
    private static final Pattern QUOTE_START = Pattern.compile(
            "(?iu)^\\s*(-{2,}\\s*(original message|исходное сообщение|пересылаемое сообщение|forwarded message)|on .{3,200} wrote:|.{3,200} (написал|пишет)\\s*\\(?а?\\)?:)\\s*-*\\s*$");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])\\s+");

    private Question() {
    }

    public static String of(String text) {
        List<String> own = new ArrayList<>();
        for (String line : (text == null ? "" : text).split("\\R")) {
            if (QUOTE_START.matcher(line).matches()) {
                break;
            }
            if (!line.stripLeading().startsWith(">")) {
                own.add(line.strip());
            }
        }
        List<String> questions = new ArrayList<>();
        for (String paragraph : String.join("\n", own).split("\\n\\s*\\n|\\n")) {
            for (String sentence : SENTENCE_END.split(paragraph.replaceAll("\\s+", " ").strip())) {
                if (sentence.endsWith("?") && sentence.codePoints().filter(Character::isLetter).count() >= 3
                        && questions.size() < MAX_QUESTIONS) {
                    questions.add(sentence.replaceAll("^[-–—*•\\s]+", ""));
                }
            }
        }
        String q = String.join(" ", questions);
        if (q.length() > MAX_LENGTH) {
            int cut = q.lastIndexOf(' ', MAX_LENGTH - 1);
            q = q.substring(0, cut > MAX_LENGTH / 2 ? cut : MAX_LENGTH - 1).strip() + "…";
        }
        return q;
    }
}
