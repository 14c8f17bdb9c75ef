package app.frontdesk.application.accounts;

import app.frontdesk.application.ImportProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads accounts from CSV (RFC 4180: commas, double quotes, CRLF or LF). The first line names the
 * columns: {@code account,domains,contact_address,contact_name,contact_locale,manager_name,manager_address};
 * domains are separated by ";" within their cell. Lines with the same account name add contacts and
 * domains to one account, whose record is reported under the line where it first appears.
 */
public final class CsvAccountImport {

    static final List<String> COLUMNS = List.of(
            "account", "domains", "contact_address", "contact_name", "contact_locale", "manager_name", "manager_address");

    private CsvAccountImport() {
    }

    public static Map<Integer, AccountDraft> parse(String csv) throws InvalidAccountException {
        List<ImportProblem> problems = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        split(csv, rows, lineNumbers, problems);
        if (rows.isEmpty()) {
            throw new InvalidAccountException(List.of(new ImportProblem(1, "the file is empty; the first line must name the columns "
                    + String.join(",", COLUMNS))));
        }
        List<String> header = rows.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        if (!header.equals(COLUMNS)) {
            throw new InvalidAccountException(List.of(new ImportProblem(lineNumbers.get(0),
                    "the first line must name the columns " + String.join(",", COLUMNS) + " (found " + String.join(",", header) + ")")));
        }
        Map<String, Integer> firstLine = new LinkedHashMap<>();
        Map<String, AccountDraft> drafts = new LinkedHashMap<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            int line = lineNumbers.get(r);
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            if (row.size() != COLUMNS.size()) {
                problems.add(new ImportProblem(line, "expected " + COLUMNS.size() + " fields, found " + row.size()));
                continue;
            }
            String name = row.get(0).strip();
            if (name.isEmpty()) {
                problems.add(new ImportProblem(line, "\"account\" is empty"));
                continue;
            }
            AccountDraft onThisLine = lineDraft(name, row);
            // Each line is checked on its own, so that a problem is reported at the line that has it.
            AccountService.problems(onThisLine).forEach(p -> problems.add(new ImportProblem(line, p)));
            firstLine.putIfAbsent(name, line);
            drafts.merge(name, onThisLine, CsvAccountImport::merge);
        }
        if (!problems.isEmpty()) {
            throw new InvalidAccountException(problems);
        }
        Map<Integer, AccountDraft> result = new LinkedHashMap<>();
        drafts.forEach((name, draft) -> result.put(firstLine.get(name), draft));
        return result;
    }

    private static AccountDraft lineDraft(String name, List<String> row) {
        List<String> domains = Arrays.stream(row.get(1).split("[;\\s]+")).map(String::strip).filter(d -> !d.isEmpty()).toList();
        List<AccountDraft.ContactDraft> contacts = row.get(2).isBlank() ? List.of()
                : List.of(new AccountDraft.ContactDraft(row.get(2).strip(), row.get(3).strip(), row.get(4).strip()));
        AccountDraft.ManagerDraft manager = row.get(5).isBlank() && row.get(6).isBlank() ? null
                : new AccountDraft.ManagerDraft(row.get(5).strip(), row.get(6).strip());
        return new AccountDraft(name, domains, contacts, manager);
    }

    /** A later line adds its domains and contacts; a manager given on a later line replaces the earlier one. */
    private static AccountDraft merge(AccountDraft earlier, AccountDraft later) {
        List<String> domains = new ArrayList<>(earlier.domains());
        later.domains().stream().filter(d -> !domains.contains(d)).forEach(domains::add);
        List<AccountDraft.ContactDraft> contacts = new ArrayList<>(earlier.contacts());
        contacts.addAll(later.contacts());
        return new AccountDraft(earlier.name(), domains, contacts, later.manager() != null ? later.manager() : earlier.manager());
    }

    /** Splits into rows of fields, remembering the line each row starts on; quoted fields may span lines. */
    public static void split(String csv, List<List<String>> rows, List<Integer> lineNumbers, List<ImportProblem> problems) {
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldWasQuoted = false;
        int line = 1;
        int rowStart = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0 && !fieldWasQuoted) {
                quoted = true;
                fieldWasQuoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
                fieldWasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                rows.add(row);
                lineNumbers.add(rowStart);
                row = new ArrayList<>();
                field.setLength(0);
                fieldWasQuoted = false;
                line++;
                rowStart = line;
            } else if (fieldWasQuoted) {
                problems.add(new ImportProblem(line, "text after a closing quote"));
                fieldWasQuoted = false;
                field.append(c);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            problems.add(new ImportProblem(rowStart, "a quoted field is not closed"));
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
            lineNumbers.add(rowStart);
        }
    }
}
