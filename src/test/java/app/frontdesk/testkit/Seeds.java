package app.frontdesk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * What the end-to-end stories set up through the packaged gateway's own API and console, as an operator would:
 * accounts with their contact, manager and references, invoices, staff, and the notice states they wait for.
 * The browser ITs each had their own copy and the copies had begun to differ.
 */
public final class Seeds {

    private Seeds() {
    }

    /**
     * An account on {@code domain} whose one contact is Анна Петрова (anna.petrova@domain, Russian), with its personal
     * manager and an INVOICE reference (and an INN one when {@code inn} is not null).
     *
     * @return the account's id
     */
    public static long account(GatewayProcess gateway, String name, String domain, String manager, String managerAddress, String invoice,
                               String inn) throws Exception {
        String references = "{\"kind\": \"INVOICE\", \"value\": \"%s\"}".formatted(invoice)
                + (inn == null ? "" : ", {\"kind\": \"INN\", \"value\": \"%s\"}".formatted(inn));
        var created = gateway.post("/api/accounts", GatewayProcess.ADMIN_TOKEN, "application/json", ("""
                {"name": "%s", "domains": ["%s"],
                 "contacts": [{"address": "anna.petrova@%s", "name": "Анна Петрова", "locale": "ru"}],
                 "manager": {"name": "%s", "address": "%s"},
                 "references": [%s]}
                """.formatted(name.replace("\"", "\\\""), domain, domain, manager, managerAddress, references)).getBytes(StandardCharsets.UTF_8));
        assertEquals(201, created.statusCode(), created.body());
        return GatewayProcess.json(created.body()).getJsonNumber("id").longValue();
    }

    /** As {@link #account(GatewayProcess, String, String, String, String, String, String)}, without an INN. */
    public static long account(GatewayProcess gateway, String name, String domain, String manager, String managerAddress, String invoice)
            throws Exception {
        return account(gateway, name, domain, manager, managerAddress, invoice, null);
    }

    /** An invoice of {@code account} in roubles, issued on 1 November 2026 and due on the 15th (overdue in every story). */
    public static void invoice(GatewayProcess gateway, long account, String number, String amount) throws Exception {
        var invoice = gateway.post("/api/invoices", GatewayProcess.ADMIN_TOKEN, "application/json", ("{\"number\": \"%s\", \"accountId\": %d,"
                + " \"amount\": \"%s\", \"currency\": \"RUB\", \"issueDate\": \"2026-11-01\", \"dueDate\": \"2026-11-15\"}")
                .formatted(number, account, amount).getBytes(StandardCharsets.UTF_8));
        assertEquals(200, invoice.statusCode(), invoice.body());
    }

    /** A staff member added by a signed-in administrator through the console's staff form. */
    public static void staff(HttpClient admin, GatewayProcess gateway, String email, String name, String role, String language, String password)
            throws Exception {
        String token = ConsoleHttp.csrf(ConsoleHttp.get(admin, gateway, "/console/staff").body());
        var added = ConsoleHttp.post(admin, gateway, "/console/staff", Map.of("_csrf", token, "email", email, "name", name, "role", role,
                "language", language, "password", password));
        assertEquals(303, added.statusCode(), added.body());
    }

    /** A notice's state as the API shows it ("HELD", "SENT", ...). */
    public static String noticeState(GatewayProcess gateway, long notice) throws Exception {
        return GatewayProcess.json(gateway.get("/api/notices/" + notice, GatewayProcess.ADMIN_TOKEN).body()).getString("state");
    }

    /** Waits up to 30 seconds for a notice to reach {@code wanted} (the outbox sends every second). */
    public static void awaitNoticeState(GatewayProcess gateway, long notice, String wanted) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String state;
        while (!(state = noticeState(gateway, notice)).equals(wanted)) {
            assertTrue(System.nanoTime() < deadline, "notice " + notice + " is " + state + ", not " + wanted);
            Thread.sleep(250);
        }
    }
}
