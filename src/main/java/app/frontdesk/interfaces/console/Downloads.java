package app.frontdesk.interfaces.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * How an attachment leaves the console: always as a download (Content-Disposition: attachment), never
 * sniffed (nosniff), and with its declared type only when that type is passive: a browser that ignored
 * the disposition could render HTML, SVG or XML with script in our origin, so anything not on the list is
 * application/octet-stream. The declared type is the sender's claim, which is why it is not trusted.
 */
final class Downloads {

    /** Types a browser shows or hands to an application without running anything of ours. */
    private static final Set<String> PASSIVE = Set.of("application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp",
            "text/plain", "text/csv", "application/zip", "application/msword", "application/vnd.ms-excel",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet");

    private Downloads() {
    }

    /** The Content-Type to serve a part with: its declared type when passive (text without any charset guess), else octet-stream. */
    static String contentType(String declared) {
        String t = declared == null ? "" : declared.strip().toLowerCase(Locale.ROOT);
        int semi = t.indexOf(';');
        if (semi >= 0) {
            t = t.substring(0, semi).strip();
        }
        return PASSIVE.contains(t) ? t : "application/octet-stream";
    }

    /**
     * Content-Disposition: attachment with the file's name (RFC 6266): an ASCII fallback and the UTF-8 name.
     * Path separators, quotes and control characters are taken out, so the name is only ever a name.
     */
    static String disposition(String filename, int index) {
        String name = filename == null ? "" : filename.replaceAll("[\\p{Cntrl}\"\\\\/:*?<>|]", "_").strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.isEmpty()) {
            name = "attachment-" + index;
        }
        if (name.length() > 200) {
            name = name.substring(0, 200);
        }
        String ascii = name.replaceAll("[^\\x20-\\x7E]", "_");
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
