package app.frontdesk.infrastructure.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PdfBoxTextTest {

    static byte[] pdf(String line) throws Exception {
        return app.frontdesk.testkit.TestPdf.of(line);
    }

    /** A PDF whose catalog holds {@code depth} arrays, each inside the one before (274 KB sent to us held ~137,000). */
    static byte[] nestedArrays(int depth) {
        String body = "1 0 obj\n<< /Type /Catalog /Pages 2 0 R /X " + "[".repeat(depth) + "]".repeat(depth) + " >>\nendobj\n"
                + "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n";
        String head = "%PDF-1.4\n";
        String trailer = "trailer\n<< /Root 1 0 R /Size 3 >>\n%%EOF\n";
        return (head + body + trailer).getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void deeplyNestedArraysGiveNoTextAndLeaveTheCallerAndTheNextDocumentUnharmed() throws Exception {
        PdfBoxText reader = new PdfBoxText();
        assertEquals("", reader.text(nestedArrays(137_000)));
        assertTrue(reader.text(pdf("Payment order 118")).contains("Payment order 118"));
    }

    @Test
    void aDocumentOverTheSizeLimitIsNotRead() throws Exception {
        byte[] doc = pdf("Payment order 118");
        assertEquals("", new PdfBoxText(doc.length - 1, 3, Duration.ofSeconds(5)).text(doc));
        assertTrue(new PdfBoxText(doc.length, 3, Duration.ofSeconds(5)).text(doc).contains("118"));
    }
}
