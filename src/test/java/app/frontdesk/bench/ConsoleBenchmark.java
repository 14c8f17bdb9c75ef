package app.frontdesk.bench;

import app.frontdesk.application.staff.PasswordHashes;
import app.frontdesk.infrastructure.persistence.Database;
import app.frontdesk.infrastructure.persistence.DatabaseSettings;
import app.frontdesk.testkit.GatewayProcess;
import app.frontdesk.testkit.TestDatabases;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console's pages at production size on PostgreSQL (issue 15, docs/benchmarks.md): 100k accounts
 * under 200 personal managers, 50k cases (5k open) each with its message, 100k notices; the packaged
 * gateway; a signed-in manager, lead and administrator request each page in turn (one client, as a
 * person clicks) and the benchmark reports p50/p95/p99 per page against 150 ms / 300 ms.
 * {@code bench.requests} requests per page after {@code bench.warmup}.
 */
public final class ConsoleBenchmark {

    private static final String PASSWORD = "bench-password-123";

    public static void main(String[] args) throws Exception {
        int accounts = Integer.getInteger("bench.accounts", 100_000);
        int cases = Integer.getInteger("bench.cases", 50_000);
        int notices = Integer.getInteger("bench.notices", 100_000);
        int tasks = Integer.getInteger("bench.tasks", 50_000);
        int payments = Integer.getInteger("bench.payments", 100_000);
        int audit = Integer.getInteger("bench.audit", 100_000);
        int requests = Integer.getInteger("bench.requests", 300);
        int warmup = Integer.getInteger("bench.warmup", 50);
        DatabaseSettings settings = TestDatabases.postgres();
        Database db = TestDatabases.open(settings); // migrated
        db.close();
        String hash = new PasswordHashes().hash(PASSWORD);
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password()); var st = c.createStatement()) {
            st.execute("INSERT INTO personal_manager (id, name, address) SELECT g, 'Manager ' || g, 'manager' || g || '@bench.test'"
                    + " FROM generate_series(1, 200) g");
            st.execute("INSERT INTO account (id, name, manager_id, created_at, version) SELECT g, 'Company ' || g, (g % 200) + 1, now(), 0"
                    + " FROM generate_series(1, " + accounts + ") g");
            // every 10th case open, the promised answer spread over the next days
            st.execute("INSERT INTO support_case (id, kind, state, sender, sender_name, account_id, confidence, evidence, locale, opened_at,"
                    + " updated_at, due_at, expires_at, version) SELECT g, 'UNKNOWN_SENDER',"
                    + " CASE WHEN g % 10 = 0 THEN 'AWAITING_AUTHORIZATION' ELSE 'RESOLVED' END, 's' || g || '@x.example', 'Sender ' || g,"
                    + " ((g - 1) % " + accounts + ") + 1, 70, 'account (70%: invoice INV-' || g || ')', 'ru', now() - interval '2 days',"
                    + " now(), now() + (g % 97) * interval '1 hour', now() + interval '7 days', 0 FROM generate_series(1, " + cases + ") g");
            st.execute("INSERT INTO case_event (id, case_id, occurred_at, actor, kind, detail) SELECT g, ((g - 1) % " + cases + ") + 1, now(),"
                    + " 'pipeline', 'opened', 'message ' || g FROM generate_series(1, " + cases * 3 + ") g");
            st.execute("INSERT INTO inbound_message (id, sha256, message_id, envelope_sender, envelope_recipient, size_bytes, state, route, reason,"
                    + " account_id, from_address, subject, attempts, next_attempt_at, received_at, processed_at, case_id)"
                    + " SELECT g, md5(g::text) || md5((g + 1)::text), '<m' || g || '@x.example>', 's' || g || '@x.example', 'support@bench.test',"
                    + " 300, 'HELD', 'UNKNOWN_SENDER', 'unknown sender', ((g - 1) % " + accounts + ") + 1, 's' || g || '@x.example',"
                    + " 'Question ' || g, 1, now(), now() - interval '2 days', now(), g FROM generate_series(1, " + cases + ") g");
            st.execute("INSERT INTO inbound_raw (inbound_id, raw) SELECT g, convert_to('From: Sender ' || g || ' <s' || g || '@x.example>' || chr(13)"
                    + " || chr(10) || 'Subject: Question ' || g || chr(13) || chr(10) || chr(13) || chr(10) || 'Hello, we paid invoice INV-' || g"
                    + " || ' on Friday. Why the suspension notice?' || chr(13) || chr(10), 'UTF8') FROM generate_series(1, " + cases + ") g");
            st.execute("INSERT INTO outbox (id, message_id, kind, envelope_from, recipients, raw, state, attempts, next_attempt_at, created_at,"
                    + " sent_at, inbound_id, account_id, case_id) SELECT g, '<o' || g || '@bench.test>', 'SENDER_REPLY', NULL, 's' || g || '@x.example',"
                    + " convert_to('Subject: reply', 'UTF8'), 'SENT', 1, now(), now(), now(), g, ((g - 1) % " + accounts + ") + 1, g"
                    + " FROM generate_series(1, " + cases + ") g");
            st.execute("INSERT INTO notice (id, account_id, kind, claimed_amount, currency, planned_at, recipients, subject, body, state, created_at,"
                    + " updated_at, version) SELECT g, ((g - 1) % " + accounts + ") + 1, 'SUSPENSION', 1000.00, 'RUB', now() + (g % 50) * interval '1 hour',"
                    + " 'a@b.example', 'Notice ' || g, 'body', CASE WHEN g % 10 = 0 THEN 'HELD' WHEN g % 10 = 1 THEN 'BLOCKED' ELSE 'SENT' END,"
                    + " now(), now(), 0 FROM generate_series(1, " + notices + ") g");
            // tasks: 50k promises, one in five still open, due from a day ago to two days ahead, the overdue ones partly escalated;
            // each owed by its account's manager (manager1 owes those of accounts with id % 200 == 0: 50 open)
            st.execute("INSERT INTO task (id, kind, state, assignee, account_id, promised_to, promise, due_at, created_at, escalated_at,"
                    + " escalated_to, version) SELECT g, 'CALL', CASE WHEN g % 5 = 0 THEN 'OPEN' ELSE 'DONE' END, 'manager' || (((((g - 1) % "
                    + accounts + ") + 1) % 200) + 1) || '@bench.test', ((g - 1) % " + accounts + ") + 1, 'Contact ' || g, 'call Company ' || g,"
                    + " now() + ((g % 72) - 24) * interval '1 hour', now() - interval '1 day', CASE WHEN g % 72 < 12 THEN now() END,"
                    + " CASE WHEN g % 72 < 12 THEN 'lead@bench.test' END, 0 FROM generate_series(1, " + tasks + ") g");
            // payments: 100k from bank statements, every 10th unmatched (no account: the payments page lists them for a person)
            st.execute("INSERT INTO payment (id, external_id, amount, currency, booking_date, value_date, payer_inn, payer_account, purpose, source,"
                    + " account_id, state, received_at) SELECT g, 'bank-' || g, 1000.00 + g % 1000, 'RUB', current_date - (g % 30), NULL,"
                    + " lpad((7700000000 + g)::text, 10, '0'), NULL, 'оплата по счёту ' || g, 'CSV',"
                    + " CASE WHEN g % 10 = 0 THEN NULL ELSE ((g - 1) % " + accounts + ") + 1 END,"
                    + " CASE WHEN g % 10 = 0 THEN 'UNMATCHED' ELSE 'ALLOCATED' END, now() - (g % 30) * interval '1 day'"
                    + " FROM generate_series(1, " + payments + ") g");
            // the audit log: 100k entries of people's actions
            st.execute("INSERT INTO audit_event (id, occurred_at, actor, action, subject_type, subject_id, detail) SELECT g,"
                    + " now() - (" + audit + " - g) * interval '1 minute', 'manager' || (g % 200 + 1) || '@bench.test', 'case-note', 'case',"
                    + " g % " + cases + " + 1, 'a note ' || g FROM generate_series(1, " + audit + ") g");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO staff_user (id, email, display_name, password_hash, roles, locale, created_at,"
                    + " disabled, version) VALUES (?, ?, ?, ?, ?, 'ru', now(), FALSE, 0)")) {
                String[][] users = {{"manager1@bench.test", "Manager One", "manager"}, {"lead@bench.test", "Lead", "lead"},
                    {"admin@bench.test", "Admin", "admin"}, {"billing@bench.test", "Billing", "billing"}};
                for (int i = 0; i < users.length; i++) {
                    p.setLong(1, i + 1);
                    p.setString(2, users[i][0]);
                    p.setString(3, users[i][1]);
                    p.setString(4, hash);
                    p.setString(5, users[i][2]);
                    p.executeUpdate();
                }
            }
            st.execute("VACUUM ANALYZE");
        }
        System.out.printf("loaded %,d accounts (200 managers), %,d cases (%,d open) with their messages, %,d notices in %.1f s%n",
                accounts, cases, cases / 10, notices, (System.nanoTime() - t0) / 1e9);

        try (GatewayProcess gateway = new GatewayProcess(GatewayProcess.fresh(Path.of("target/bench/console")), Map.of(
                "FRONTDESK_DB_URL", settings.url(), "FRONTDESK_DB_USER", settings.user(), "FRONTDESK_DEMO_DATA", "false")).start()) {
            HttpClient manager = signIn(gateway, "manager1@bench.test");
            HttpClient lead = signIn(gateway, "lead@bench.test");
            HttpClient admin = signIn(gateway, "admin@bench.test");
            HttpClient billing = signIn(gateway, "billing@bench.test");
            // manager1's accounts are those with id % 200 == 0; case g belongs to account (g - 1) % accounts + 1
            List<Long> ownCases = new ArrayList<>();
            for (long id = 1; id <= cases; id++) {
                if (((id - 1) % accounts + 1) % 200 == 0) {
                    ownCases.add(id);
                }
            }
            Random random = new Random(11);
            Map<String, Page> pages = new LinkedHashMap<>();
            pages.put("manager: Needs me", new Page(manager, i -> "/console/"));
            pages.put("manager: a case", new Page(manager, i -> "/console/cases/" + ownCases.get(random.nextInt(ownCases.size()))));
            pages.put("manager: another's case (404)", new Page(manager, i -> "/console/cases/" + (1 + 200 * random.nextInt(cases / 200)), 404));
            pages.put("manager: held mail", new Page(manager, i -> "/console/held"));
            pages.put("lead: held mail (all)", new Page(lead, i -> "/console/held"));
            pages.put("lead: Needs me (all open)", new Page(lead, i -> "/console/"));
            pages.put("lead: a case", new Page(lead, i -> "/console/cases/" + (1 + random.nextInt(cases))));
            pages.put("admin: staff", new Page(admin, i -> "/console/staff"));
            // notice g belongs to account (g - 1) % accounts + 1; every 10th is held
            pages.put("billing: held notices", new Page(billing, i -> "/console/notices?state=held"));
            pages.put("billing: sent notices, page 3", new Page(billing, i -> "/console/notices?state=sent&page=3"));
            pages.put("billing: a notice", new Page(billing, i -> "/console/notices/" + (1 + random.nextInt(notices))));
            pages.put("manager: her held notices", new Page(manager, i -> "/console/notices?state=held"));
            pages.put("manager: accounts", new Page(manager, i -> "/console/accounts"));
            pages.put("manager: an account of hers", new Page(manager, i -> "/console/accounts/" + 200 * (1 + random.nextInt(accounts / 200))));
            pages.put("lead: accounts, searched by name", new Page(lead, i -> "/console/accounts?q=Company+" + (1 + random.nextInt(accounts))));
            pages.put("lead: accounts, by invoice no.", new Page(lead, i -> "/console/accounts?q=INV-" + (1 + random.nextInt(accounts))));
            pages.put("billing: payments", new Page(billing, i -> "/console/payments"));
            pages.put("lead: audit", new Page(lead, i -> "/console/audit"));
            // added 2026-11-29: the pages the first run left out
            String draft = draft();
            String managerToken = token(gateway, manager);
            pages.put("manager: wording pad, check 1.5 KB", new Page(manager, i -> "/console/wording", 200,
                    i -> "_csrf=" + URLEncoder.encode(managerToken, StandardCharsets.UTF_8) + "&purpose=general&text="
                    + URLEncoder.encode(draft + " " + i, StandardCharsets.UTF_8)));
            pages.put("billing: blocked notices", new Page(billing, i -> "/console/notices?state=blocked"));
            pages.put("manager: a case, account search", new Page(manager, i -> "/console/cases/" + ownCases.get(random.nextInt(ownCases.size()))
                    + "?q=Company+" + 200 * (1 + random.nextInt(accounts / 200))));
            pages.put("lead: a case, account search", new Page(lead, i -> "/console/cases/" + (1 + random.nextInt(cases)) + "?q=Company+"
                    + (1 + random.nextInt(accounts))));
            pages.put("lead: a case, search by invoice", new Page(lead, i -> "/console/cases/" + (1 + random.nextInt(cases)) + "?q=INV-"
                    + (1 + random.nextInt(accounts))));
            pages.put("manager: password page", new Page(manager, i -> "/console/password"));
            pages.put("billing: payments, 10k unmatched", new Page(billing, i -> "/console/payments"));
            pages.put("admin: audit (100k entries)", new Page(admin, i -> "/console/audit"));
            System.out.printf("%-32s %8s %8s %8s %8s%n", "page (" + requests + " requests)", "p50 ms", "p95 ms", "p99 ms", "max ms");
            for (var e : pages.entrySet()) {
                for (int i = 0; i < warmup; i++) {
                    e.getValue().get(gateway, i);
                }
                double[] ms = new double[requests];
                for (int i = 0; i < requests; i++) {
                    long s = System.nanoTime();
                    e.getValue().get(gateway, i);
                    ms[i] = (System.nanoTime() - s) / 1e6;
                }
                Arrays.sort(ms);
                System.out.printf("%-32s %8.1f %8.1f %8.1f %8.1f%n", e.getKey(), ms[requests / 2], ms[(int) (requests * 0.95)],
                        ms[(int) (requests * 0.99)], ms[requests - 1]);
            }
        }
    }

    /** A page: a GET, or (with a form) a POST of that form, as a person submits it. */
    private record Page(HttpClient client, IntFunction<String> path, int expected, IntFunction<String> form) {
        Page(HttpClient client, IntFunction<String> path) {
            this(client, path, 200, null);
        }

        Page(HttpClient client, IntFunction<String> path, int expected) {
            this(client, path, expected, null);
        }

        void get(GatewayProcess gateway, int i) throws Exception {
            String p = path.apply(i);
            var b = HttpRequest.newBuilder(URI.create(gateway.url() + p));
            if (form != null) {
                b.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form.apply(i)));
            }
            var r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expected) {
                throw new IllegalStateException(p + " answered " + r.statusCode() + ", expected " + expected);
            }
        }
    }

    /** A draft of about 1.5 KB, in Russian, with a few things the wording rules find. */
    private static String draft() {
        String para = "Добрый день! Благодарим за обращение. К сожалению, ваш платёж по счёту INV-2026-0042 пока не поступил, "
                + "поэтому доступ может быть приостановлен. Вы сами виноваты: нужно было оплатить вовремя. Если вы уже оплатили, "
                + "пришлите, пожалуйста, платёжное поручение, и мы проверим его в течение рабочего дня. ";
        StringBuilder b = new StringBuilder();
        while (b.toString().getBytes(StandardCharsets.UTF_8).length < 1500) {
            b.append(para);
        }
        return b.toString();
    }

    /** The session's CSRF token, as every page carries it. */
    private static String token(GatewayProcess gateway, HttpClient http) throws Exception {
        String page = http.send(HttpRequest.newBuilder(URI.create(gateway.url() + "/console/password")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no token");
        }
        return m.group(1);
    }

    private static HttpClient signIn(GatewayProcess gateway, String email) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String form = http.send(HttpRequest.newBuilder(URI.create(gateway.url() + "/console/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        if (!m.find()) {
            throw new IllegalStateException("no login form");
        }
        String body = "_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8) + "&email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&next=%2Fconsole%2F";
        var r = http.send(HttpRequest.newBuilder(URI.create(gateway.url() + "/console/login")).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 303) {
            throw new IllegalStateException(email + " could not sign in: " + r.statusCode());
        }
        return http;
    }
}
