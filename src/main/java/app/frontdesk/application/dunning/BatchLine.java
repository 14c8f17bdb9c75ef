package app.frontdesk.application.dunning;

import app.frontdesk.domain.model.billing.Money;
import app.frontdesk.domain.model.billing.NoticeKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How a checked row of a notice batch is kept until its chunk is decided: one line of tab-separated
 * fields, {@code account, kind, amount, currency, plannedAt, invoice...}. Writing and reading JSON
 * lines instead took two fifths of a 100,000-row batch's CPU. Only invoice numbers are free text;
 * a backslash, tab, carriage return or line feed in one is escaped.
 */
final class BatchLine {

    private BatchLine() {
    }

    static void write(NoticeRequest r, StringBuilder out) {
        out.append(r.accountId()).append('\t').append(r.kind().name()).append('\t').append(r.claimed().amount().toPlainString())
                .append('\t').append(r.claimed().currency().getCurrencyCode()).append('\t')
                .append(r.plannedAt() == null ? "" : r.plannedAt().toString());
        for (String invoice : r.invoiceNumbers()) {
            out.append('\t');
            escape(invoice, out);
        }
        out.append('\n');
    }

    /** @param now the planned time of a row that named none (the time of its check) */
    static NoticeRequest read(String line, Instant now) {
        return read(line, now, new java.util.HashMap<>());
    }

    /** @param times planned times already parsed in this file: a file's rows share a handful of them */
    static NoticeRequest read(String line, Instant now, java.util.Map<String, Instant> times) {
        String[] f = line.split("\t", -1);
        List<String> invoices = new ArrayList<>(f.length - 5);
        for (int i = 5; i < f.length; i++) {
            invoices.add(unescape(f[i]));
        }
        return new NoticeRequest(Long.parseLong(f[0]), NoticeKind.valueOf(f[1]), invoices, Money.of(f[2], f[3]),
                f[4].isEmpty() ? now : times.computeIfAbsent(f[4], Instant::parse));
    }

    private static void escape(String s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(switch (n) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
