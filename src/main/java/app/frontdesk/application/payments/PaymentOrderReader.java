package app.frontdesk.application.payments;

import app.frontdesk.application.RegexScan;
import app.frontdesk.application.mail.ParsedMail;
import app.frontdesk.domain.model.billing.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a payment order in a message: its text or an attached PDF says "платёжное поручение",
 * "п/п №" or "payment order / confirmation"; number, date and amount are read when they are there.
 */
public final class PaymentOrderReader {

    private static final Pattern MARKER = Pattern.compile(
            "(?iu)(плат[её]жн\\p{L}*\\s+поручени\\p{L}*|п/п\\s*№|payment\\s+(order|confirmation))");
    /** Read in every verified contact's message: searched only where one of its words can start. */
    private static final RegexScan MARKER_SCAN = new RegexScan(MARKER);
    private static final Pattern NUMBER = Pattern.compile(
            "(?iu)(?:плат[её]жн\\p{L}*\\s+поручени\\p{L}*|п/п|payment\\s+order)\\s*(?:№|no\\.?|#|n)\\s*(\\d{1,12})");
    private static final Pattern DATE = Pattern.compile("(?<!\\d)(\\d{2}\\.\\d{2}\\.\\d{4})(?!\\d)");
    private static final Pattern AMOUNT = Pattern.compile(
            "(?iu)(?:сумм\\p{L}*|на\\s+сумму|amount)\\s*[:=]?\\s*(\\d{1,3}(?:[ \\u00a0]?\\d{3})*(?:[.,]\\d{1,2})?(?!\\d)|\\d+(?:[.,]\\d{1,2})?(?!\\d))\\s*(руб|₽|rub|eur|usd)?");
    private static final DateTimeFormatter RU_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final DocumentText documents;

    public PaymentOrderReader(DocumentText documents) {
        this.documents = documents;
    }

    /** What could be read; number and amount may be unknown. */
    public record PaymentOrder(String number, LocalDate date, Money amount, String source) {
    }

    public Optional<PaymentOrder> read(ParsedMail mail, LocalDate received) {
        String text = mail.subject() + "\n" + mail.text();
        if (MARKER_SCAN.find(text).isPresent()) {
            return Optional.of(fields(text, received, "text"));
        }
        for (ParsedMail.Document d : mail.documents()) {
            String pdf = documents.text(d.bytes());
            if (MARKER_SCAN.find(pdf).isPresent()) {
                return Optional.of(fields(pdf, received, "attachment " + d.filename()));
            }
        }
        return Optional.empty();
    }

    static PaymentOrder fields(String text, LocalDate received, String source) {
        Matcher n = NUMBER.matcher(text);
        String number = n.find() ? n.group(1) : null;
        LocalDate date = received;
        Matcher d = DATE.matcher(text);
        if (d.find(number == null ? 0 : n.start())) {
            try {
                LocalDate parsed = LocalDate.parse(d.group(1), RU_DATE);
                date = parsed.isAfter(received) ? received : parsed;
            } catch (DateTimeParseException e) {
                date = received;
            }
        }
        Money amount = null;
        Matcher a = AMOUNT.matcher(text);
        if (a.find()) {
            String currency = a.group(2) == null ? "RUB" : switch (a.group(2).toLowerCase(java.util.Locale.ROOT)) {
                case "eur" -> "EUR";
                case "usd" -> "USD";
                default -> "RUB";
            };
            try {
                amount = new Money(new BigDecimal(a.group(1).replaceAll("[ \\u00a0]", "").replace(',', '.')),
                        java.util.Currency.getInstance(currency));
            } catch (IllegalArgumentException e) {
                amount = null;
            }
        }
        return new PaymentOrder(number, date, amount, source);
    }
}
