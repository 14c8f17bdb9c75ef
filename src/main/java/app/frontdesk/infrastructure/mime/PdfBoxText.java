package app.frontdesk.infrastructure.mime;

import app.frontdesk.application.payments.DocumentText;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * PDF text with Apache PDFBox, bounded: a payment order is one small page, so only documents up to
 * {@code maxBytes} are read, only their first pages, with PDFBox's scratch memory capped, on a thread
 * of its own with a bounded stack, for at most {@code timeout}. A PDF of deeply nested arrays overflowed
 * the pipeline worker's stack inside PDFBox (review of 2026-11-28); here it overflows a reader thread,
 * which answers "no text". PDFBox does not listen to interrupts, so a reader that runs over its time is
 * abandoned; while {@value #MAX_ABANDONED} are still running, documents are not read at all, so that a
 * flood of hostile PDFs cannot take every core. An abandoned reader cannot be stopped either, so what could make it
 * allocate without bound is taken out before PDFBox reads the text ({@link CMapGuard}: a character map of four-byte
 * ranges filled the heap).
 */
public final class PdfBoxText implements DocumentText {

    private static final Logger LOG = Logger.getLogger(PdfBoxText.class.getName());
    private static final int MAX_ABANDONED = 2;
    private static final long STACK_BYTES = 4L * 1024 * 1024;

    private final int maxBytes;
    private final int maxPages;
    private final Duration timeout;
    private final AtomicInteger running = new AtomicInteger();
    private final ExecutorService readers;

    public PdfBoxText() {
        this(5 * 1024 * 1024, 3, Duration.ofSeconds(10));
    }

    public PdfBoxText(int maxBytes, int maxPages, Duration timeout) {
        this.maxBytes = maxBytes;
        this.maxPages = maxPages;
        this.timeout = timeout;
        AtomicInteger n = new AtomicInteger();
        this.readers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(null, r, "frontdesk-pdf-" + n.incrementAndGet(), STACK_BYTES);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public String text(byte[] document) {
        if (document.length > maxBytes) {
            LOG.fine(() -> "PDF of " + document.length + " bytes not read (limit " + maxBytes + ")");
            return "";
        }
        if (running.get() > MAX_ABANDONED) {
            LOG.warning("PDF not read: " + running.get() + " PDF readers are still busy with earlier documents");
            return "";
        }
        running.incrementAndGet();
        Future<String> reading = readers.submit(() -> {
            try {
                return read(document);
            } finally {
                running.decrementAndGet();
            }
        });
        try {
            return reading.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reading.cancel(true);
            LOG.warning("PDF text not read within " + timeout.toSeconds() + " s; the reader is abandoned");
            return "";
        } catch (ExecutionException e) {
            LOG.log(Level.FINE, "no text from an attached PDF", e.getCause());
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private String read(byte[] document) {
        try (PDDocument pdf = Loader.loadPDF(document, "", null, null,
                MemoryUsageSetting.setupMainMemoryOnly(4L * maxBytes).streamCache)) {
            int defused = CMapGuard.defuse(pdf.getDocument()); // before PDFBox expands a character map without bound
            if (defused > 0) {
                LOG.warning("an attached PDF had " + defused + " character map(s) of more than " + CMapGuard.MAX_MAPPINGS
                        + " mappings; replaced by empty ones before its text was read");
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setEndPage(maxPages);
            return stripper.getText(pdf);
        } catch (Throwable e) { // StackOverflowError from a deeply nested document included: this thread pays for it
            LOG.log(Level.FINE, "no text from an attached PDF", e);
            return "";
        }
    }

    /** Readers now running, abandoned ones included (for tests and health). */
    public int busyReaders() {
        return running.get();
    }
}
