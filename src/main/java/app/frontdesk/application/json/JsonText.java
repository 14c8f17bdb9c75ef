package app.frontdesk.application.json;

/**
 * A small JSON writer for what the gate stores with every decision (its reasons and the data it
 * saw). Jakarta JSON builders made a map per object and a generator with its own buffers for each
 * record: a fifth of the CPU of a 100,000-row batch. This appends to one {@link StringBuilder};
 * strings are escaped as RFC 8259 requires. Each value method writes its own separating comma.
 */
public final class JsonText {

    private final StringBuilder out = new StringBuilder(512);
    /** Bit n: the container at depth n already has a member, so the next one needs a comma. */
    private long hasMember;
    private int depth;
    /** A member name was just written: its value takes no comma. */
    private boolean afterName;

    public JsonText beginObject() {
        separator();
        out.append('{');
        open();
        return this;
    }

    public JsonText endObject() {
        depth--;
        out.append('}');
        return this;
    }

    public JsonText beginArray() {
        separator();
        out.append('[');
        open();
        return this;
    }

    public JsonText endArray() {
        depth--;
        out.append(']');
        return this;
    }

    /** A member name; its value follows with one of the value or begin methods. */
    public JsonText name(String name) {
        separator();
        string(name);
        out.append(':');
        afterName = true;
        return this;
    }

    public JsonText value(String s) {
        separator();
        string(s);
        return this;
    }

    public JsonText value(long n) {
        separator();
        out.append(n);
        return this;
    }

    public JsonText value(boolean b) {
        separator();
        out.append(b);
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void open() {
        depth++;
        hasMember &= ~(1L << depth);
    }

    private void separator() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (depth > 0) {
            if ((hasMember & (1L << depth)) != 0) {
                out.append(',');
            }
            hasMember |= 1L << depth;
        }
    }

    /** Appends runs that need no escaping in one piece: most strings are one such run. */
    private void string(String s) {
        out.append('"');
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(s, run, i);
            run = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
            }
        }
        out.append(s, run, s.length()).append('"');
    }
}
