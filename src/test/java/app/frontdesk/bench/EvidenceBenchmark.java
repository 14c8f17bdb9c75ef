package app.frontdesk.bench;

import app.frontdesk.application.evidence.AccountFinder;
import app.frontdesk.application.evidence.Candidates;
import app.frontdesk.application.evidence.ClueExtractor;
import app.frontdesk.application.evidence.EvidencePatterns;
import app.frontdesk.application.evidence.PublicMailDomains;
import app.frontdesk.application.mail.ParsedMail;
import app.frontdesk.domain.model.account.EmailAddress;
import app.frontdesk.infrastructure.mime.Mime4jMailParser;
import app.frontdesk.infrastructure.persistence.Database;
import app.frontdesk.infrastructure.persistence.DatabaseSettings;
import app.frontdesk.testkit.TestDatabases;
import app.frontdesk.testkit.TestMail;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Evidence look-up per message on PostgreSQL at production size (docs/benchmarks.md): 100k
 * accounts with a domain, a name and a phone each, 300k contacts, 1M invoice numbers and 200k sent
 * mails. Each message is a stranger's mail naming an invoice, a phone, a company and replying to one
 * of our mails; its look-up is the real {@link ClueExtractor} and {@link AccountFinder} inside a
 * transaction, as in the pipeline. Prints p50/p95/p99 next to a bare {@code SELECT 1} round trip of
 * the same run, and the sequential scans the look-ups caused (must be 0: indexes only).
 */
public final class EvidenceBenchmark {

    public static void main(String[] args) throws Exception {
        int accounts = Integer.getInteger("bench.accounts", 100_000);
        int contacts = Integer.getInteger("bench.contacts", 300_000);
        int invoices = Integer.getInteger("bench.invoices", 1_000_000);
        int sent = Integer.getInteger("bench.sent", 200_000);
        int lookups = Integer.getInteger("bench.lookups", 5_000);
        DatabaseSettings settings = TestDatabases.postgres();
        Database db = TestDatabases.open(settings);
        String schema = settings.url().substring(settings.url().indexOf("currentSchema=") + "currentSchema=".length());
        try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password()); var st = c.createStatement()) {
            long t0 = System.nanoTime();
            st.execute("INSERT INTO account (id, name, created_at, version) SELECT g, 'Company ' || g || ' LLC', now(), 0"
                    + " FROM generate_series(1, " + accounts + ") g");
            st.execute("INSERT INTO account_domain (account_id, domain) SELECT g, 'c' || g || '.example' FROM generate_series(1, " + accounts + ") g");
            st.execute("INSERT INTO contact (id, account_id, address, name, locale, channel, created_at) SELECT g, (g % " + accounts
                    + ") + 1, 'person' || g || '@c' || ((g % " + accounts + ") + 1) || '.example', 'Person ' || g, 'ru', 'EMAIL', now()"
                    + " FROM generate_series(1, " + contacts + ") g");
            st.execute("INSERT INTO account_reference (ref_value, kind, account_id) SELECT 'INV-' || lpad(g::text, 8, '0'), 'INVOICE', (g % "
                    + accounts + ") + 1 FROM generate_series(1, " + invoices + ") g");
            st.execute("INSERT INTO account_reference (ref_value, kind, account_id) SELECT 'company ' || g, 'NAME', g FROM generate_series(1, "
                    + accounts + ") g");
            st.execute("INSERT INTO account_reference (ref_value, kind, account_id) SELECT '7495' || lpad(g::text, 7, '0'), 'PHONE', g"
                    + " FROM generate_series(1, " + accounts + ") g");
            st.execute("INSERT INTO outbox (id, message_id, kind, recipients, raw, state, attempts, next_attempt_at, created_at, account_id)"
                    + " SELECT g, '<sent-' || g || '.frontdesk@frontdesk.test>', 'DUNNING_NOTICE', 'x@y', 'x'::bytea, 'SENT', 1, now(), now(), (g % "
                    + accounts + ") + 1 FROM generate_series(1, " + sent + ") g");
            // VACUUM too: otherwise autovacuum starts on the freshly loaded tables in the middle of the measurement
            st.execute("VACUUM ANALYZE");
            System.out.printf("loaded %,d accounts, %,d contacts, %,d invoice numbers, %,d sent mails in %.1f s%n",
                    accounts, contacts, invoices, sent, (System.nanoTime() - t0) / 1e9);
        }

        ClueExtractor extractor = new ClueExtractor(EvidencePatterns.load(Path.of("server-config")), PublicMailDomains.load(Path.of("server-config")));
        AccountFinder finder = new AccountFinder();
        Random random = new Random(42);
        List<ParsedMail> mails = new ArrayList<>();
        List<EmailAddress> senders = new ArrayList<>();
        List<Integer> expected = new ArrayList<>();
        Mime4jMailParser parser = new Mime4jMailParser();
        int warm = Math.min(1000, lookups);
        for (int i = 0; i < lookups + warm; i++) {
            int invoice = 1 + random.nextInt(invoices);
            int account = (invoice % accounts) + 1;
            int reply = random.nextInt(sent / accounts) * accounts + account - 1; // sent mail g belongs to account (g % accounts) + 1
            String from = "ceo" + i + "@gmail.com";
            mails.add(parser.parse(TestMail.from("Ivan Petrov <" + from + ">").rawHeaderCharset(StandardCharsets.UTF_8)
                    .subject("Re: Оплата по счёту INV-" + String.format("%08d", invoice))
                    .header("In-Reply-To", "<sent-" + reply + ".frontdesk@frontdesk.test>")
                    .body("Добрый день!\nМы оплатили счёт INV-" + String.format("%08d", invoice) + " в пятницу.\n"
                            + "Перезвоните: +7 495 " + String.format("%07d", account) + "\n--\nCompany " + account + " LLC\n").bytes()));
            senders.add(EmailAddress.of(from));
            expected.add(account);
        }
        // warm-up on other messages than the measured ones: the JIT, the prepared statement, the upper index pages
        lookup(db, extractor, finder, mails.subList(lookups, lookups + warm), senders.subList(lookups, lookups + warm),
                expected.subList(lookups, lookups + warm), new long[warm]);
        long[] seqBefore = seqScans(settings);
        long[] nanos = new long[lookups];
        int right = lookup(db, extractor, finder, mails.subList(0, lookups), senders, expected, nanos);
        long[] seqAfter = seqScans(settings);
        long[] ping = new long[lookups];
        try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
             var select1 = c.prepareStatement("SELECT 1")) {
            for (int i = 0; i < lookups; i++) {
                long t = System.nanoTime();
                try (ResultSet rs = select1.executeQuery()) {
                    rs.next();
                }
                ping[i] = System.nanoTime() - t;
            }
        }
        Arrays.sort(nanos);
        Arrays.sort(ping);
        System.out.printf("%n==== Evidence look-up per message (PostgreSQL, %,d messages, %d cores) ====%n", lookups,
                Runtime.getRuntime().availableProcessors());
        System.out.printf("look-up    p50 %.3f ms  p95 %.3f ms  p99 %.3f ms  max %.3f ms%n", ms(nanos, 0.50), ms(nanos, 0.95), ms(nanos, 0.99),
                nanos[nanos.length - 1] / 1e6);
        System.out.printf("SELECT 1   p50 %.3f ms  p99 %.3f ms   (the look-up is one statement: three index probes)%n",
                ms(ping, 0.50), ms(ping, 0.99));
        System.out.printf("p99 look-up / p99 SELECT 1: %.1fx; target p99 <= 2 ms: %s%n", ms(nanos, 0.99) / ms(ping, 0.99),
                ms(nanos, 0.99) <= 2.0 ? "met" : "MISSED");
        System.out.printf("right account first: %d of %d%n", right, lookups);
        System.out.printf("sequential scans during the look-ups: account_reference %d, account_domain %d, outbox %d (must be 0)%n",
                seqAfter[0] - seqBefore[0], seqAfter[1] - seqBefore[1], seqAfter[2] - seqBefore[2]);
        TestDatabases.dispose(db);
        System.out.println("(schema " + schema + " dropped)");
    }

    private static int lookup(Database db, ClueExtractor extractor, AccountFinder finder, List<ParsedMail> mails, List<EmailAddress> senders,
                              List<Integer> expected, long[] nanos) {
        int[] right = {0};
        int batch = 100;
        for (int from = 0; from < mails.size(); from += batch) {
            int start = from;
            db.inTransaction(r -> {
                for (int i = start; i < Math.min(start + batch, mails.size()); i++) {
                    long t = System.nanoTime();
                    Candidates c = finder.find(extractor.extract(mails.get(i), senders.get(i)), false, r);
                    nanos[i] = System.nanoTime() - t;
                    if (!c.ranked().isEmpty() && c.ranked().get(0).accountId() == expected.get(i)) {
                        right[0]++;
                    } else if (Boolean.getBoolean("bench.debug") && i < 3) {
                        System.out.println("expected " + expected.get(i) + ", got " + c.describe());
                    }
                }
                return null;
            });
        }
        return right[0];
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    /** Sequential scans so far on the three tables the look-up reads (statistics flushed first). */
    private static long[] seqScans(DatabaseSettings settings) throws Exception {
        try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password()); var st = c.createStatement()) {
            st.execute("SELECT pg_stat_force_next_flush()");
            Thread.sleep(600);
            Map<String, Long> scans = new HashMap<>();
            try (ResultSet rs = st.executeQuery("SELECT relname, seq_scan FROM pg_stat_user_tables WHERE schemaname = current_schema()")) {
                while (rs.next()) {
                    scans.put(rs.getString(1), rs.getLong(2));
                }
            }
            return new long[] {scans.getOrDefault("account_reference", 0L), scans.getOrDefault("account_domain", 0L),
                    scans.getOrDefault("outbox", 0L)};
        }
    }
}
