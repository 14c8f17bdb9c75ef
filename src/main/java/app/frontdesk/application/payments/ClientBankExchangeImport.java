package app.frontdesk.application.payments;

import app.frontdesk.application.ImportProblem;
import app.frontdesk.application.ImportRefused;
import app.frontdesk.domain.model.billing.Money;
import app.frontdesk.domain.model.billing.PaymentSource;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Russian bank exchange format {@code 1CClientBankExchange} (version 1.03), as banks export
 * statements: {@code Key=Value} lines, documents between {@code СекцияДокумент=...} and
 * {@code КонецДокумента}. The encoding is read from {@code Кодировка=Windows} (windows-1251) or
 * {@code Кодировка=DOS} (cp866). Payments to us are the documents with {@code ДатаПоступило}; the
 * others (our own outgoing ones) are skipped. Amounts are roubles unless the file says otherwise.
 */
public final class ClientBankExchangeImport {

    private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    private static final Charset CP866 = Charset.forName("IBM866");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private ClientBankExchangeImport() {
    }

    /** Decodes by the file's own Кодировка field (windows-1251 when it names none). */
    public static String decode(byte[] raw) {
        String asWindows = new String(raw, WINDOWS_1251);
        if (asWindows.contains("Кодировка=DOS")) {
            return new String(raw, CP866);
        }
        if (asWindows.contains("Кодировка=")) {
            return asWindows;
        }
        String asDos = new String(raw, CP866);
        return asDos.contains("Кодировка=DOS") ? asDos : asWindows;
    }

    public static List<PaymentDraft> parse(byte[] raw) throws ImportRefused {
        String text = decode(raw);
        String[] lines = text.split("\\r?\\n", -1);
        List<ImportProblem> problems = new ArrayList<>();
        List<PaymentDraft> drafts = new ArrayList<>();
        if (lines.length == 0 || !lines[0].strip().replace("\uFEFF", "").equals("1CClientBankExchange")) {
            throw new ImportRefused(List.of(new ImportProblem(1, "the first line must be 1CClientBankExchange")));
        }
        Map<String, String> doc = null;
        int docLine = 0;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            int n = i + 1;
            if (line.isEmpty()) {
                continue;
            }
            if (line.equals("КонецФайла")) {
                break;
            }
            if (line.startsWith("СекцияДокумент=")) {
                if (doc != null) {
                    problems.add(new ImportProblem(docLine, "a document starts before the previous one ended (КонецДокумента missing)"));
                }
                doc = new HashMap<>();
                doc.put("СекцияДокумент", line.substring(line.indexOf('=') + 1));
                docLine = n;
                continue;
            }
            if (line.equals("КонецДокумента")) {
                if (doc == null) {
                    problems.add(new ImportProblem(n, "КонецДокумента without a document"));
                } else {
                    document(doc, docLine, drafts, problems);
                }
                doc = null;
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0 && (line.startsWith("Секция") || line.startsWith("Конец"))) {
                continue; // other sections (СекцияРасчСчет ... КонецРасчСчет): account balances, not payments
            }
            if (eq <= 0) {
                problems.add(new ImportProblem(n, "not a Key=Value line: \"" + (line.length() > 60 ? line.substring(0, 60) + "..." : line) + "\""));
                continue;
            }
            if (doc != null) {
                doc.putIfAbsent(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        if (doc != null) {
            problems.add(new ImportProblem(docLine, "the document is not closed (КонецДокумента missing)"));
        }
        if (!problems.isEmpty()) {
            throw new ImportRefused(problems);
        }
        return drafts;
    }

    private static void document(Map<String, String> d, int line, List<PaymentDraft> drafts, List<ImportProblem> problems) {
        String received = d.getOrDefault("ДатаПоступило", "").strip();
        if (received.isEmpty()) {
            return; // outgoing: not a payment to us
        }
        try {
            String number = require(d, "Номер");
            LocalDate date = LocalDate.parse(require(d, "Дата"), DATE);
            BigDecimal sum = new BigDecimal(require(d, "Сумма").replace(',', '.').replace(" ", ""));
            LocalDate booked = LocalDate.parse(received, DATE);
            String inn = d.getOrDefault("ПлательщикИНН", "").strip();
            String externalId = "1c:" + number + ":" + date + ":" + inn + ":" + sum.toPlainString();
            drafts.add(new PaymentDraft(externalId, new Money(sum, java.util.Currency.getInstance("RUB")), booked, booked, inn,
                    d.getOrDefault("ПлательщикСчет", "").strip(), d.getOrDefault("НазначениеПлатежа", ""), PaymentSource.CLIENT_BANK_1C));
        } catch (DateTimeParseException e) {
            problems.add(new ImportProblem(line, "document: a date is not DD.MM.YYYY: " + e.getParsedString()));
        } catch (NumberFormatException e) {
            problems.add(new ImportProblem(line, "document: Сумма is not an amount: " + d.get("Сумма")));
        } catch (IllegalArgumentException e) {
            problems.add(new ImportProblem(line, "document: " + e.getMessage()));
        }
    }

    private static String require(Map<String, String> d, String key) {
        String v = d.get(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(key + " is missing");
        }
        return v.strip();
    }
}
