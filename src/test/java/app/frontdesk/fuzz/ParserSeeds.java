package app.frontdesk.fuzz;

import app.frontdesk.application.verification.AuthenticationResultsTableTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Seeds for the fuzz targets, read or made when the tests run (never copied into the repository): Jazzer runs
 * each one as a regression case and, when fuzzing, starts its corpus from them ({@code @MethodSource} in front of
 * {@code @FuzzTest}).
 *
 * <ul>
 *   <li>MIME: every message of the shared real-mail corpus, by the path in {@code frontdesk.corpus} (none when it
 *       is absent);</li>
 *   <li>Authentication-Results: the real-world values of {@link AuthenticationResultsTableTest};</li>
 *   <li>PDF: small documents made here with PDFBox, one for each structure a reader walks (text in a standard and
 *       an embedded font, several pages, an image, a form, an outline, encryption, compressed object streams);</li>
 *   <li>bank files: our test payment files (1C, CSV, camt).</li>
 * </ul>
 */
public final class ParserSeeds {

    private ParserSeeds() {
    }

    /** The shared mail corpus, each file named by its path below the corpus. */
    public static Stream<Arguments> mailCorpus() throws IOException {
        String dir = System.getProperty("frontdesk.corpus", "../shared/mail-corpus");
        Path root = Path.of(dir);
        if (!Files.isDirectory(root)) {
            return Stream.empty();
        }
        List<Arguments> seeds = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).filter(ParserSeeds::isMessage).sorted().toList()) {
                seeds.add(seed(root.relativize(f).toString(), Files.readAllBytes(f)));
            }
        }
        return seeds.stream();
    }

    private static boolean isMessage(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".eml") || name.endsWith(".msg");
    }

    /** The real-world Authentication-Results values of the table test, as the parser gets them. */
    public static Stream<Arguments> authenticationResults() throws IOException {
        return AuthenticationResultsTableTest.realWorld().map(a -> {
            String value = (String) a.get()[1];
            return seed(value.length() > 60 ? value.substring(0, 60) + "..." : value, value.getBytes(StandardCharsets.UTF_8));
        });
    }

    /** 1C statements from the test resources. */
    public static Stream<Arguments> oneC() {
        return resources("statement-", ".txt");
    }

    public static Stream<Arguments> csv() {
        return resources("", ".csv");
    }

    public static Stream<Arguments> camt() {
        return resources("camt", ".xml");
    }

    private static Stream<Arguments> resources(String prefix, String suffix) {
        try {
            Path dir = Path.of(ParserSeeds.class.getResource("/payments").toURI());
            try (Stream<Path> files = Files.list(dir)) {
                List<Arguments> seeds = new ArrayList<>();
                for (Path f : files.filter(f -> f.getFileName().toString().startsWith(prefix) && f.getFileName().toString().endsWith(suffix))
                        .sorted().toList()) {
                    seeds.add(seed(f.getFileName().toString(), Files.readAllBytes(f)));
                }
                return seeds.stream();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Small PDF documents, made with PDFBox. */
    public static Stream<Arguments> pdfs() throws IOException {
        return Stream.of(
                seed("payment order, Helvetica", pdf(doc -> page(doc, standard(), "PAYMENT ORDER No. 118 of 27.11.2026",
                        "Payer: Romashka LLC, INN 7701234567", "Amount: 118 000.00 RUB", "Purpose: invoice INV-2026-0042"))),
                seed("payment order, embedded Cyrillic font", pdf(doc -> page(doc, liberation(doc), "ПЛАТЕЖНОЕ ПОРУЧЕНИЕ № 118",
                        "27.11.2026", "Плательщик: ООО «Ромашка», ИНН 7701234567", "Сумма: 118000-00", "Назначение: оплата по счёту 42"))),
                seed("three pages and more", pdf(doc -> {
                    for (int i = 1; i <= 5; i++) {
                        page(doc, standard(), "Page " + i, "Invoice INV-2026-00" + i);
                    }
                })),
                seed("an empty page", pdf(doc -> doc.addPage(new PDPage()))),
                seed("an image", pdf(ParserSeeds::image)),
                seed("a form field", pdf(ParserSeeds::form)),
                seed("an outline", pdf(ParserSeeds::outline)),
                seed("encrypted, empty user password", pdf(doc -> {
                    page(doc, standard(), "Confidential payment order 7");
                    StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "", new AccessPermission());
                    policy.setEncryptionKeyLength(128);
                    doc.protect(policy);
                })),
                seed("no compression", pdf(doc -> page(doc, standard(), "Plain objects"), false)));
    }

    private interface Build {
        void into(PDDocument doc) throws IOException;
    }

    private static byte[] pdf(Build build) throws IOException {
        return pdf(build, true);
    }

    /** @param compressed PDFBox 3 writes object streams and a cross-reference stream by default; false writes a plain table */
    private static byte[] pdf(Build build, boolean compressed) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            build.into(doc);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (compressed) {
                doc.save(out);
            } else {
                doc.save(out, org.apache.pdfbox.pdfwriter.compress.CompressParameters.NO_COMPRESSION);
            }
            return out.toByteArray();
        }
    }

    private static PDFont standard() {
        return new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    }

    /** The Liberation Sans that PDFBox carries for its own use, embedded as a subset: Cyrillic through a TrueType font. */
    private static PDFont liberation(PDDocument doc) throws IOException {
        try (InputStream ttf = PDDocument.class.getResourceAsStream("/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
            return PDType0Font.load(doc, ttf);
        }
    }

    private static void page(PDDocument doc, PDFont font, String... lines) throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
            s.beginText();
            s.setFont(font, 11);
            s.newLineAtOffset(50, 780);
            for (String line : lines) {
                s.showText(line);
                s.newLineAtOffset(0, -15);
            }
            s.endText();
        }
    }

    private static void image(PDDocument doc) throws IOException {
        PDPage page = new PDPage();
        doc.addPage(page);
        BufferedImage stamp = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < 16; i++) {
            stamp.setRGB(i, i, 0x1f4e79);
        }
        try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
            s.drawImage(LosslessFactory.createFromImage(doc, stamp), 50, 600, 64, 64);
            s.beginText();
            s.setFont(standard(), 10);
            s.newLineAtOffset(50, 580);
            s.showText("Bank stamp: executed 27.11.2026");
            s.endText();
        }
    }

    private static void form(PDDocument doc) throws IOException {
        PDPage page = new PDPage();
        doc.addPage(page);
        PDAcroForm form = new PDAcroForm(doc);
        doc.getDocumentCatalog().setAcroForm(form);
        org.apache.pdfbox.pdmodel.PDResources resources = new org.apache.pdfbox.pdmodel.PDResources();
        resources.put(org.apache.pdfbox.cos.COSName.getPDFName("Helv"), standard());
        form.setDefaultResources(resources);
        PDTextField amount = new PDTextField(form);
        amount.setPartialName("amount");
        form.setDefaultAppearance("/Helv 0 Tf 0 g");
        form.getFields().add(amount);
        var widget = amount.getWidgets().get(0);
        widget.setRectangle(new PDRectangle(50, 700, 200, 20));
        widget.setPage(page);
        page.getAnnotations().add(widget);
        amount.setValue("118000.00");
    }

    private static void outline(PDDocument doc) throws IOException {
        page(doc, standard(), "Statement", "Payment 1", "Payment 2");
        PDDocumentOutline outline = new PDDocumentOutline();
        doc.getDocumentCatalog().setDocumentOutline(outline);
        PDOutlineItem item = new PDOutlineItem();
        item.setTitle("Payments");
        item.setDestination(doc.getPage(0));
        outline.addLast(item);
    }

    private static Arguments seed(String name, byte[] bytes) {
        return Arguments.of(Named.of(name, bytes));
    }
}
