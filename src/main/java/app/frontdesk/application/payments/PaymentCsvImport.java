package app.frontdesk.application.payments;

import app.frontdesk.application.accounts.CsvAccountImport;
import app.frontdesk.application.ImportProblem;
import app.frontdesk.application.ImportRefused;
import app.frontdesk.domain.model.billing.Money;
import app.frontdesk.domain.model.billing.PaymentSource;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Payments as CSV with the header {@code external_id,amount,currency,booking_date,value_date,payer_inn,payer_account,purpose}
 * (dates ISO, amount with a dot, an empty booking date for a pending entry). Every bad line is
 * reported; nothing is imported unless all lines are good.
 */
public final class PaymentCsvImport {

    static final List<String> COLUMNS = List.of("external_id", "amount", "currency", "booking_date", "value_date", "payer_inn",
            "payer_account", "purpose");

    private PaymentCsvImport() {
    }

    public static List<PaymentDraft> parse(String csv) throws ImportRefused {
        List<List<String>> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        CsvAccountImport.split(csv, rows, lines, problems);
        List<PaymentDraft> drafts = new ArrayList<>();
        if (rows.isEmpty() || !rows.get(0).stream().map(String::strip).toList().equals(COLUMNS)) {
            problems.add(0, new ImportProblem(1, "the first line must be the header " + String.join(",", COLUMNS)));
        }
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            int line = lines.get(i);
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            if (row.size() != COLUMNS.size()) {
                problems.add(new ImportProblem(line, "expected " + COLUMNS.size() + " fields, found " + row.size()));
                continue;
            }
            try {
                String id = row.get(0).strip();
                if (id.isEmpty()) {
                    throw new IllegalArgumentException("external_id is required");
                }
                Money amount = Money.of(row.get(1), row.get(2));
                LocalDate booked = row.get(3).isBlank() ? null : LocalDate.parse(row.get(3).strip());
                LocalDate value = row.get(4).isBlank() ? booked : LocalDate.parse(row.get(4).strip());
                String inn = row.get(5).strip();
                if (!inn.isEmpty() && !inn.matches("\\d{10}|\\d{12}")) {
                    throw new IllegalArgumentException("payer_inn must have 10 or 12 digits (was \"" + inn + "\")");
                }
                drafts.add(new PaymentDraft("csv:" + id, amount, booked, value, inn, row.get(6).strip(), row.get(7), PaymentSource.CSV));
            } catch (DateTimeParseException e) {
                problems.add(new ImportProblem(line, "a date is not YYYY-MM-DD: " + e.getParsedString()));
            } catch (NumberFormatException e) {
                // BigDecimal's own words ("Character м is neither a decimal digit...") are not for the person who fixes the file
                problems.add(new ImportProblem(line, "amount must be a number with a dot, like 1500.00 (was \"" + cut(row.get(1)) + "\")"));
            } catch (IllegalArgumentException e) {
                problems.add(new ImportProblem(line, e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportRefused(problems);
        }
        if (drafts.isEmpty()) {
            throw new ImportRefused(List.of(new ImportProblem(1, "the file holds no payments")));
        }
        return drafts;
    }

    private static String cut(String s) {
        String t = s.strip();
        return t.length() > 40 ? t.substring(0, 40) + "..." : t;
    }
}
