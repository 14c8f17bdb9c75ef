package app.frontdesk.interfaces.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DownloadsTest {

    @Test
    void anythingActiveIsServedAsOctetStreamAndPassiveTypesKeepTheirs() {
        for (String active : new String[] {"text/html", "image/svg+xml", "application/xhtml+xml", "text/xml", "application/javascript",
                "TEXT/HTML; charset=utf-8", "message/rfc822", "", null}) {
            assertEquals("application/octet-stream", Downloads.contentType(active), String.valueOf(active));
        }
        assertEquals("application/pdf", Downloads.contentType("Application/PDF; name=x.pdf"));
        assertEquals("image/png", Downloads.contentType("image/png"));
        assertEquals("text/plain", Downloads.contentType("text/plain; charset=koi8-r"), "no charset guess rides along");
    }

    @Test
    void theNameIsOnlyANameInBothForms() {
        String d = Downloads.disposition("../../рисунок \"1\".svg", 3);
        assertTrue(d.startsWith("attachment; filename=\""), d);
        assertFalse(d.contains("/") || d.contains("\\\""), d);
        assertTrue(d.contains("filename*=UTF-8''_.._%D1%80%D0%B8%D1%81%D1%83%D0%BD%D0%BE%D0%BA%20_1_.svg"), d);
        assertEquals("attachment; filename=\"attachment-2\"; filename*=UTF-8''attachment-2", Downloads.disposition("", 2));
        assertFalse(Downloads.disposition("a\r\nSet-Cookie: x", 0).contains("\n"), "no header injection");
    }
}
