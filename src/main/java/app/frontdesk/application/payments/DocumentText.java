package app.frontdesk.application.payments;

/** Reads the text of an attached document (a PDF payment order); implemented with Apache PDFBox in infrastructure. */
@FunctionalInterface
public interface DocumentText {

    /** The document's text; empty when it has none that can be read (a scan, a broken file). Never throws. */
    String text(byte[] document);
}
