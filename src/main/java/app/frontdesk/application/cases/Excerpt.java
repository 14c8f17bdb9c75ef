package app.frontdesk.application.cases;

import java.util.ArrayList;
import java.util.List;

/** The first lines of a message's text, for people who decide about it without opening it. */
final class Excerpt {

    static final int MAX_LINES = 8;
    static final int MAX_CHARS = 600;

    private Excerpt() {
    }

    static String of(String text) {
        List<String> lines = new ArrayList<>();
        int chars = 0;
        for (String line : text.split("\\r?\\n")) {
            String l = line.strip();
            if (l.isEmpty() && lines.isEmpty()) {
                continue;
            }
            if (l.startsWith(">")) {
                break; // the quoted mail below is not what this person wrote
            }
            if (lines.size() >= MAX_LINES || chars + l.length() > MAX_CHARS) {
                lines.add("...");
                break;
            }
            lines.add(l);
            chars += l.length();
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return String.join("\n", lines);
    }
}
