package app.frontdesk.infrastructure.mime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;

/**
 * Defuses character maps (the ToUnicode and embedded CMaps of fonts) that PDFBox would expand without bound. PDFBox
 * turns every code of a {@code beginbfrange} range into one map entry, and a range may name four-byte codes: a
 * 10 KB PDF with {@code <00000000> <FFFFFFFF>} filled a 256 MB heap within a minute (found by fuzzing the PDF reader,
 * 2026-11-28). The reader thread cannot be stopped, so it would have taken the whole gateway's heap with it.
 *
 * <p>Every stream of the document that could be a CMap (no /Subtype, not a font file, an object stream or a
 * cross-reference stream) is read, decoded, up to {@value #MAX_CMAP_BYTES} bytes; one that holds a CMap with more
 * than {@value #MAX_MAPPINGS} mappings in its ranges, or is longer, is replaced by an empty CMap: that font's text
 * comes out by its encoding or not at all, the rest of the document as before. Streams are indirect objects (PDF
 * 1.7, 7.3.8), so walking the cross-reference table finds all of them, wherever a font refers to them.
 */
final class CMapGuard {

    /** More codes than a two-byte font has, twice over. */
    static final int MAX_MAPPINGS = 131_072;
    static final int MAX_CMAP_BYTES = 1024 * 1024;
    /** Decoded bytes looked at in one document at most; more, and the document is not read. */
    static final long MAX_INSPECTED_BYTES = 32L * 1024 * 1024;

    private static final byte[] EMPTY_CMAP = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Defused def"
            + " 1 begincodespacerange <00> <FF> endcodespacerange endcmap CMapName currentdict /CMap defineresource pop end end")
            .getBytes(StandardCharsets.US_ASCII);

    private CMapGuard() {
    }

    /**
     * @return how many CMaps were defused
     * @throws IOException when the document holds more than {@value #MAX_INSPECTED_BYTES} bytes to look at
     */
    static int defuse(COSDocument document) throws IOException {
        long inspected = 0;
        int defused = 0;
        for (COSObjectKey key : new ArrayList<>(document.getXrefTable().keySet())) {
            COSBase object = document.getObjectFromPool(key).getObject();
            if (!(object instanceof COSStream stream) || !mayBeCMap(stream)) {
                continue;
            }
            byte[] content;
            try (InputStream in = stream.createInputStream()) {
                content = in.readNBytes(MAX_CMAP_BYTES + 1);
            } catch (IOException e) {
                continue; // a stream PDFBox cannot decode is one it will not read either
            }
            inspected += content.length;
            if (inspected > MAX_INSPECTED_BYTES) {
                throw new IOException("more than " + MAX_INSPECTED_BYTES + " bytes of streams to inspect");
            }
            String text = new String(content, StandardCharsets.ISO_8859_1);
            if (!text.contains("begincmap") && !text.contains("beginbfrange")) {
                continue;
            }
            if (content.length > MAX_CMAP_BYTES || mappings(text) > MAX_MAPPINGS) {
                try (OutputStream out = stream.createOutputStream()) {
                    out.write(EMPTY_CMAP);
                }
                defused++;
            }
        }
        return defused;
    }

    private static boolean mayBeCMap(COSStream stream) {
        return !stream.containsKey(COSName.SUBTYPE) && !stream.containsKey(COSName.LENGTH1)
                && !COSName.XREF.equals(stream.getCOSName(COSName.TYPE)) && !COSName.OBJ_STM.equals(stream.getCOSName(COSName.TYPE));
    }

    /**
     * The mappings the ranges of a CMap's {@code bfrange} sections name, read as PDFBox reads them: from each
     * {@code beginbfrange}, start, end and destination in threes, until a token that is not a hex string or an array
     * (normally {@code endbfrange}; a damaged map may have none) or an end below its start.
     */
    static long mappings(String cmap) {
        long total = 0;
        for (int at = cmap.indexOf("beginbfrange"); at >= 0; at = cmap.indexOf("beginbfrange", at + 1)) {
            int[] pos = {at + "beginbfrange".length()};
            while (total <= MAX_MAPPINGS) {
                String start = hexToken(cmap, pos);
                String end = start == null ? null : hexToken(cmap, pos);
                if (end == null) {
                    break;
                }
                BigInteger from = hex(start);
                BigInteger to = hex(end);
                if (to.compareTo(from) < 0) {
                    break;
                }
                BigInteger n = to.subtract(from).add(BigInteger.ONE);
                total += n.bitLength() > 40 ? 1L << 40 : n.longValue();
                skipToken(cmap, pos); // the destination
            }
        }
        return total;
    }

    /** The digits of the hex string at {@code pos[0]} (after white space), moving past it; null for anything else. */
    private static String hexToken(String s, int[] pos) {
        int i = skipSpace(s, pos[0]);
        if (i >= s.length() || s.charAt(i) != '<') {
            return null;
        }
        int close = s.indexOf('>', i + 1);
        String digits = close < 0 ? s.substring(i + 1) : s.substring(i + 1, close);
        if (!digits.matches("[0-9A-Fa-f\\s]*") || digits.length() > 1024) {
            return null; // PDFBox gives up on the map here
        }
        pos[0] = close < 0 ? s.length() : close + 1;
        return digits;
    }

    private static void skipToken(String s, int[] pos) {
        int i = skipSpace(s, pos[0]);
        if (i < s.length() && s.charAt(i) == '[') {
            int close = s.indexOf(']', i);
            pos[0] = close < 0 ? s.length() : close + 1;
        } else if (hexToken(s, pos) == null) {
            pos[0] = s.length();
        }
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static BigInteger hex(String digits) {
        String h = digits.replaceAll("\\s", "");
        return h.isEmpty() ? BigInteger.ZERO : new BigInteger(h, 16);
    }
}
