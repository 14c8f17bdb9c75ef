package app.frontdesk.infrastructure.mime;

import app.frontdesk.application.dunning.DocumentText;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** PDF text with Apache PDFBox: the first pages only (a payment order is one page); a scan or a broken file gives no text. */
public final class PdfBoxText implements DocumentText {

    private static final Logger LOG = Logger.getLogger(PdfBoxText.class.getName());
    private static final int MAX_PAGES = 5;

    @Override
    public String text(byte[] document) {
        try (PDDocument pdf = Loader.loadPDF(document)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setEndPage(MAX_PAGES);
            return stripper.getText(pdf);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "no text from an attached PDF", e);
            return "";
        }
    }
}
