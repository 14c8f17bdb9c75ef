package app.frontdesk.infrastructure.mime;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Decoding text whose charset is missing, misspelled or wrong, as real mail is.
 *
 * <p>Order of trust: valid UTF-8 first (it almost never validates by accident), then the declared
 * charset when Java knows it, then windows-1251, the usual 8-bit charset of our Russian-speaking
 * customers; KOI8-R is only used when it is declared.
 */
public final class Charsets {

    static final Charset FALLBACK = Charset.forName("windows-1251");

    private Charsets() {
    }

    public static Optional<Charset> lookup(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String n = name.strip().replace("\"", "").toLowerCase(Locale.ROOT);
        n = switch (n) {
            case "utf8", "unicode-1-1-utf-8" -> "utf-8";
            case "cp1251", "win-1251", "win1251", "x-cp1251" -> "windows-1251";
            case "koi8", "koi8r" -> "koi8-r";
            case "ascii", "us_ascii", "ansi_x3.4-1968" -> "us-ascii";
            default -> n;
        };
        try {
            return Optional.of(Charset.forName(n));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static String decode(byte[] bytes, String declared) {
        if (isAscii(bytes)) {
            return new String(bytes, StandardCharsets.US_ASCII);
        }
        Optional<String> utf8 = strictUtf8(bytes);
        if (utf8.isPresent()) {
            return utf8.get();
        }
        return new String(bytes, lookup(declared).filter(c -> !c.equals(StandardCharsets.UTF_8)).orElse(FALLBACK));
    }

    static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    static Optional<String> strictUtf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
