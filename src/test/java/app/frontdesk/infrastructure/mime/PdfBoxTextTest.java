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

    /**
     * A page in two fonts; the second one's ToUnicode map names a range of 2^28 four-byte codes, which PDFBox expands
     * one entry at a time (the fuzzer found it: a 10 KB document filled a 256 MB heap); a one-byte destination never
     * stops the expansion early.
     */
    static byte[] characterMapBomb() throws Exception {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
            var page = new org.apache.pdfbox.pdmodel.PDPage();
            doc.addPage(page);
            var resources = new org.apache.pdfbox.pdmodel.PDResources();
            resources.put(org.apache.pdfbox.cos.COSName.getPDFName("F1"),
                    new org.apache.pdfbox.pdmodel.font.PDType1Font(org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA));
            // the second font only as COS objects: a PDFont made of it would expand the map right here
            var bomb = new org.apache.pdfbox.cos.COSDictionary();
            bomb.setName(org.apache.pdfbox.cos.COSName.TYPE, "Font");
            bomb.setName(org.apache.pdfbox.cos.COSName.SUBTYPE, "Type1");
            bomb.setName(org.apache.pdfbox.cos.COSName.BASE_FONT, "Courier");
            var map = doc.getDocument().createCOSStream();
            try (var out = map.createOutputStream(org.apache.pdfbox.cos.COSName.FLATE_DECODE)) {
                out.write(("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Bomb def 1 begincodespacerange"
                        + " <00000000> <FFFFFFFF> endcodespacerange 1 beginbfrange <00000000> <0FFFFFFF> <41> endbfrange endcmap"
                        + " CMapName currentdict /CMap defineresource pop end end").getBytes(StandardCharsets.US_ASCII));
            }
            bomb.setItem(org.apache.pdfbox.cos.COSName.TO_UNICODE, map);
            resources.getCOSObject().getCOSDictionary(org.apache.pdfbox.cos.COSName.FONT)
                    .setItem(org.apache.pdfbox.cos.COSName.getPDFName("F2"), bomb);
            page.setResources(resources);
            var content = new org.apache.pdfbox.pdmodel.common.PDStream(doc);
            try (var out = content.createOutputStream()) {
                out.write("BT /F1 12 Tf 50 700 Td (Payment order 118) Tj /F2 12 Tf 0 -20 Td (AB) Tj ET".getBytes(StandardCharsets.US_ASCII));
            }
            page.setContents(content);
            var out = new java.io.ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void aCharacterMapOfHundredsOfMillionsOfCodesIsDefusedAndTheRestOfTheDocumentIsRead() throws Exception {
        PdfBoxText reader = new PdfBoxText(5 * 1024 * 1024, 3, Duration.ofSeconds(20));
        long start = System.nanoTime();
        String text = reader.text(characterMapBomb());
        assertTrue(text.contains("Payment order 118"), text);
        assertEquals(0, reader.busyReaders(), "no reader left running");
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "read in seconds, not abandoned");
    }

    @Test
    void anOrdinaryCharacterMapIsLeftAlone() {
        assertEquals(256, CMapGuard.mappings("1 beginbfrange <00> <FF> <0041> endbfrange"));
        assertEquals(2L + 65_536, CMapGuard.mappings("2 beginbfrange <0001> <0002> [<0041> <0042>] <0000> <FFFF> <0041> endbfrange"));
        assertTrue(CMapGuard.mappings("1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange") > CMapGuard.MAX_MAPPINGS);
    }

    @Test
    void aDocumentOverTheSizeLimitIsNotRead() throws Exception {
        byte[] doc = pdf("Payment order 118");
        assertEquals("", new PdfBoxText(doc.length - 1, 3, Duration.ofSeconds(5)).text(doc));
        assertTrue(new PdfBoxText(doc.length, 3, Duration.ofSeconds(5)).text(doc).contains("118"));
    }
}
