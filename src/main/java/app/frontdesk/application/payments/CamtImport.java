package app.frontdesk.application.payments;

import app.frontdesk.application.ImportProblem;
import app.frontdesk.application.ImportRefused;
import app.frontdesk.domain.model.billing.Money;
import app.frontdesk.domain.model.billing.PaymentSource;
import com.prowidesoftware.swift.model.mx.AbstractMX;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * ISO 20022 bank-to-customer messages: camt.053 (statement) and camt.054 (debit/credit
 * notification), any version from 001.01 to 001.13, read with Prowide's JAXB model of the standard.
 *
 * <p>Only credits to us become payments; debits are our own payments and are skipped, and so are
 * reversals and entries that are only information. A booked entry ({@code BOOK}) is money; a pending
 * one ({@code PDNG}) is announced but not booked, so it is stored without a booking date and never
 * counts against a claim. An entry that carries several transactions becomes one payment each.
 *
 * <p>The file is first parsed as XML with DTDs refused (no external entities, no entity expansion),
 * so a broken file is reported with its line; then the document goes to Prowide by its namespace.
 */
public final class CamtImport {

    private static final Pattern CAMT_NAMESPACE = Pattern.compile("urn:iso:std:iso:20022:tech:xsd:camt\\.05([34])\\.001\\.\\d\\d");
    private static final Pattern INN = Pattern.compile("\\d{10}|\\d{12}");

    private CamtImport() {
    }

    /** Whether the file looks like a camt message (checked on its first kilobytes). */
    /**
     * True when the file names a camt namespace near its start. XML may come in UTF-16 (a byte order mark, or
     * "&lt;?" as two-byte characters), which the XML parser reads by itself; the look here must too, or the
     * file was taken for a bad CSV (review of 2026-11-28).
     */
    public static boolean looksLikeCamt(byte[] raw) {
        int n = Math.min(raw.length, 4096);
        java.nio.charset.Charset charset = java.nio.charset.StandardCharsets.ISO_8859_1;
        if (n >= 2 && ((raw[0] == (byte) 0xFE && raw[1] == (byte) 0xFF) || (raw[0] == 0 && raw[1] == '<'))) {
            charset = java.nio.charset.StandardCharsets.UTF_16BE;
        } else if (n >= 2 && ((raw[0] == (byte) 0xFF && raw[1] == (byte) 0xFE) || (raw[0] == '<' && raw[1] == 0))) {
            charset = java.nio.charset.StandardCharsets.UTF_16LE;
        }
        return CAMT_NAMESPACE.matcher(new String(raw, 0, n, charset)).find();
    }

    public static List<PaymentDraft> parse(byte[] raw) throws ImportRefused {
        Document xml = wellFormed(raw);
        String namespace = xml.getDocumentElement().getNamespaceURI();
        var kind = namespace == null ? null : CAMT_NAMESPACE.matcher(namespace);
        if (kind == null || !kind.matches()) {
            throw refused(1, "not a camt.053 or camt.054 document (namespace " + namespace + ")");
        }
        AbstractMX mx;
        try {
            mx = AbstractMX.parse(xml.getDocumentElement());
        } catch (RuntimeException e) {
            throw refused(1, "the " + namespace + " document does not match its schema: " + e.getMessage());
        }
        if (mx == null) {
            throw refused(1, "the " + namespace + " document could not be read (unknown version or not valid against its schema)");
        }
        boolean statement = "3".equals(kind.group(1));
        PaymentSource source = statement ? PaymentSource.CAMT_053 : PaymentSource.CAMT_054;
        Object body = IsoElements.child(mx, statement ? "BkToCstmrStmt" : "BkToCstmrDbtCdtNtfctn");
        List<PaymentDraft> drafts = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        int reportNo = 0;
        for (Object report : IsoElements.children(body, statement ? "Stmt" : "Ntfctn")) {
            reportNo++;
            int entryNo = 0;
            for (Object entry : IsoElements.children(report, "Ntry")) {
                entryNo++;
                String where = (statement ? "Stmt " : "Ntfctn ") + reportNo + ", Ntry " + entryNo;
                try {
                    entry(entry, where, source, drafts);
                } catch (IllegalArgumentException e) {
                    problems.add(new ImportProblem(entryNo, where + ": " + e.getMessage()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportRefused(problems);
        }
        return drafts;
    }

    private static void entry(Object entry, String where, PaymentSource source, List<PaymentDraft> drafts) {
        if (!"CRDT".equals(IsoElements.code(IsoElements.child(entry, "CdtDbtInd")))
                || Boolean.TRUE.equals(IsoElements.child(entry, "RvslInd"))) {
            return; // our own payment, or a bank's reversal: not money the customer sent
        }
        String status = status(IsoElements.child(entry, "Sts"));
        if (!"BOOK".equals(status) && !"PDNG".equals(status)) {
            return; // INFO, FUTR: information only
        }
        boolean booked = "BOOK".equals(status);
        Money entryAmount = amount(IsoElements.child(entry, "Amt"), "Amt");
        LocalDate bookingDate = date(IsoElements.child(entry, "BookgDt"));
        LocalDate valueDate = date(IsoElements.child(entry, "ValDt"));
        if (booked && bookingDate == null) {
            bookingDate = valueDate;
        }
        if (booked && bookingDate == null) {
            throw new IllegalArgumentException("a booked entry has neither BookgDt nor ValDt");
        }
        String entryRef = firstText(IsoElements.child(entry, "AcctSvcrRef"), IsoElements.child(entry, "NtryRef"));
        List<Object> transactions = new ArrayList<>();
        for (Object details : IsoElements.children(entry, "NtryDtls")) {
            transactions.addAll(IsoElements.children(details, "TxDtls"));
        }
        if (transactions.isEmpty()) {
            transactions.add(null);
        }
        int n = 0;
        for (Object tx : transactions) {
            n++;
            Money amount = transactions.size() == 1 ? entryAmount : transactionAmount(tx);
            if (!amount.currency().equals(entryAmount.currency())) {
                throw new IllegalArgumentException("transaction " + n + " is in " + amount.currency() + ", the entry in " + entryAmount.currency());
            }
            Object parties = IsoElements.child(tx, "RltdPties");
            Object debtor = IsoElements.unwrap(IsoElements.child(parties, "Dbtr"), "Pty");
            String ref = firstText(IsoElements.path(tx, "Refs", "AcctSvcrRef"), IsoElements.path(tx, "Refs", "EndToEndId"), entryRef);
            if (ref == null) {
                throw new IllegalArgumentException("no AcctSvcrRef, NtryRef or EndToEndId to tell this payment from others");
            }
            String externalId = (source == PaymentSource.CAMT_053 ? "camt053:" : "camt054:") + status + ":" + ref
                    + (transactions.size() > 1 ? ":" + n : "");
            drafts.add(new PaymentDraft(externalId, amount, booked ? bookingDate : null, valueDate, payerInn(debtor),
                    account(IsoElements.child(parties, "DbtrAcct")), purpose(tx, entry), source));
        }
    }

    private static Money transactionAmount(Object tx) {
        Object amt = IsoElements.child(tx, "Amt"); // 001.03 and later
        if (amt == null) {
            amt = IsoElements.path(tx, "AmtDtls", "TxAmt", "Amt");
        }
        return amount(amt, "TxDtls/Amt");
    }

    private static Money amount(Object amt, String name) {
        if (amt == null) {
            throw new IllegalArgumentException(name + " is missing");
        }
        BigDecimal value = (BigDecimal) IsoElements.child(amt, "Value");
        String currency = (String) IsoElements.child(amt, "Ccy");
        if (value == null || currency == null) {
            throw new IllegalArgumentException(name + " needs an amount and a Ccy");
        }
        Currency code;
        try {
            code = Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": unknown currency " + currency);
        }
        try {
            return new Money(value, code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage());
        }
    }

    /** 001.02 to 001.07 have a code ({@code EntryStatus2Code}), 001.08 and later a choice of code or proprietary text. */
    private static String status(Object sts) {
        if (sts == null) {
            return null;
        }
        String code = IsoElements.code(sts);
        if (code != null) {
            return code;
        }
        return firstText(IsoElements.child(sts, "Cd"), IsoElements.child(sts, "Prtry"));
    }

    private static LocalDate date(Object choice) {
        if (choice == null) {
            return null;
        }
        if (IsoElements.child(choice, "Dt") instanceof LocalDate d) {
            return d;
        }
        Object dateTime = IsoElements.child(choice, "DtTm"); // offset or local, depending on the version
        if (dateTime instanceof java.time.OffsetDateTime t) {
            return t.toLocalDate();
        }
        return dateTime instanceof java.time.LocalDateTime t ? t.toLocalDate() : null;
    }

    /** A Russian payer's INN: an organisation or private identification of 10 or 12 digits, preferably marked TXID. */
    private static String payerInn(Object debtor) {
        Object id = IsoElements.child(debtor, "Id");
        List<Object> others = new ArrayList<>();
        others.addAll(IsoElements.children(IsoElements.child(id, "OrgId"), "Othr"));
        others.addAll(IsoElements.children(IsoElements.child(id, "PrvtId"), "Othr"));
        String candidate = null;
        for (Object other : others) {
            String value = (String) IsoElements.child(other, "Id");
            if (value == null || !INN.matcher(value.strip()).matches()) {
                continue;
            }
            if ("TXID".equals(IsoElements.path(other, "SchmeNm", "Cd"))) {
                return value.strip();
            }
            candidate = candidate == null ? value.strip() : candidate;
        }
        return candidate;
    }

    private static String account(Object cashAccount) {
        Object id = IsoElements.child(cashAccount, "Id");
        return firstText(IsoElements.child(id, "IBAN"), IsoElements.path(id, "Othr", "Id"));
    }

    /** Unstructured remittance lines, then structured creditor references (an invoice number is often there). */
    private static String purpose(Object tx, Object entry) {
        List<String> parts = new ArrayList<>();
        Object remittance = IsoElements.child(tx, "RmtInf");
        for (Object line : IsoElements.children(remittance, "Ustrd")) {
            parts.add(String.valueOf(line));
        }
        for (Object structured : IsoElements.children(remittance, "Strd")) {
            Object ref = IsoElements.path(structured, "CdtrRefInf", "Ref");
            if (ref != null) {
                parts.add(ref.toString());
            }
            for (Object doc : IsoElements.children(structured, "RfrdDocInf")) {
                Object nb = IsoElements.child(doc, "Nb");
                if (nb != null) {
                    parts.add(nb.toString());
                }
            }
        }
        if (parts.isEmpty()) {
            String info = firstText(IsoElements.child(tx, "AddtlTxInf"), IsoElements.child(entry, "AddtlNtryInf"));
            if (info != null) {
                parts.add(info);
            }
        }
        return String.join(" ", parts);
    }

    private static String firstText(Object... values) {
        for (Object v : values) {
            if (v instanceof String s && !s.isBlank()) {
                return s.strip();
            }
        }
        return null;
    }

    private static Document wellFormed(byte[] raw) throws ImportRefused {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return b.parse(new ByteArrayInputStream(raw));
        } catch (SAXParseException e) {
            throw refused(Math.max(1, e.getLineNumber()), "not well-formed XML: " + e.getMessage());
        } catch (SAXException | IOException e) {
            throw refused(1, "not well-formed XML: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be configured safely", e);
        }
    }

    private static ImportRefused refused(int line, String problem) {
        return new ImportRefused(List.of(new ImportProblem(line, problem)));
    }
}
