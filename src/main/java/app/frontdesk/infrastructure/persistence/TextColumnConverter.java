package app.frontdesk.infrastructure.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Every text column holds text: control characters (NUL above all, which PostgreSQL refuses in text)
 * are replaced by U+FFFD on the way in; tab and line breaks stay. Text columns are derived from what
 * people sent (a subject, a display name, a payment's purpose); the bytes as received stay untouched
 * in raw_message. Before this, a NUL in a Subject made every attempt fail on PostgreSQL until the
 * message was quarantined and never delivered (review of 2026-11-28). One converter for all String
 * attributes, so no new column can forget it.
 */
@Converter(autoApply = true)
public class TextColumnConverter implements AttributeConverter<String, String> {

    private static final TextColumnConverter INSTANCE = new TextColumnConverter();

    /** The same for a column written by JDBC, past JPA (intake's rows: a NUL in a Message-ID failed every try). */
    static String text(String value) {
        return INSTANCE.convertToDatabaseColumn(value);
    }

    @Override
    public String convertToDatabaseColumn(String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            if (isControl(value.charAt(i))) {
                return replace(value);
            }
        }
        return value; // the common case: no copy
    }

    @Override
    public String convertToEntityAttribute(String value) {
        return value;
    }

    private static boolean isControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f;
    }

    private static String replace(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            out.append(isControl(c) ? '\uFFFD' : c);
        }
        return out.toString();
    }
}
