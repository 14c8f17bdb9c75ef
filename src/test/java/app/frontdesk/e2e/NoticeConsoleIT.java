package app.frontdesk.e2e;

import app.frontdesk.testkit.Seeds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static app.frontdesk.testkit.Browser.signIn;
import static app.frontdesk.testkit.ConsoleHttp.client;
import static app.frontdesk.testkit.ConsoleHttp.csrf;
import static app.frontdesk.testkit.ConsoleHttp.get;
import static app.frontdesk.testkit.ConsoleHttp.login;
import static app.frontdesk.testkit.ConsoleHttp.post;

import app.frontdesk.testkit.Browser;
import app.frontdesk.testkit.GatewayProcess;
import app.frontdesk.testkit.Mailboxes;
import app.frontdesk.testkit.Mails;
import app.frontdesk.testkit.TestDatabases;
import app.frontdesk.testkit.TestMail;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The notices pages in a real browser (Debian's chromium, headless) against the packaged gateway on
 * PostgreSQL with GreenMail. A stranger writes about Romashka's invoice, so the case is open when
 * billing submits a reminder: the gate holds it for the manager. Olga, Romashka's manager, finds it
 * under "Needs me"; Boris, who looks after another company, gets 404 for it by URL and by every form,
 * and it is not in his lists; a POST without the CSRF token is refused; billing signs in, reads the
 * notice and what the gate saw, approves it with a reason, and the reminder reaches the customer.
 * The approve endpoint of the API answers as documented, and billing's system releases a payment-order
 * hold through it. Screenshots: target/console-screens/notices-*.png.
 */
class NoticeConsoleIT {

    private static final String ADMIN = "admin@frontdesk.test";
    private static final String ADMIN_PASSWORD = "first-admin-password-for-tests";
    private static final String BILLING = "irina.volkova@frontdesk.test";
    private static final String OLGA = "olga.smirnova@frontdesk.test";
    private static final String BORIS = "boris.orlov@frontdesk.test";
    private static final String PASSWORD = "staff-password-12";
    private static final String CUSTOMER = "buh@romashka.example";
    private static final String SUBJECT = "Напоминание об оплате счёта INV-2026-0042";
    private static final Path SHOTS = Path.of("target/console-screens");

    @Test
    void billingApprovesANoticeHeldForTheManagerAndItIsSentWhileAnotherManagerCannotTouchIt() throws Exception {
        TestDatabases.postgres(); // under CI=true a missing PostgreSQL fails here (elsewhere the test is skipped), as a missing browser does
        String db = "fd_notices_" + System.currentTimeMillis();
        TestDatabases.sql(TestDatabases.PG_URL, "CREATE DATABASE " + db);
        String url = TestDatabases.PG_URL.replace("/test", "/" + db);
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
        smtp.start();
        try (Browser browser = Browser.open(SHOTS); // first: a missing browser fails (CI=true) or skips before the gateway starts
             GatewayProcess gateway = new GatewayProcess(GatewayProcess.fresh(Path.of("target/e2e/notices")), Map.of(
                "FRONTDESK_DB_URL", url,
                "FRONTDESK_DB_USER", TestDatabases.PG_USER,
                "FRONTDESK_SMTP_HOST", "127.0.0.1",
                "FRONTDESK_SMTP_PORT", String.valueOf(smtp.getSmtp().getPort()),
                "FRONTDESK_ADMIN_ADDRESS", ADMIN,
                "FRONTDESK_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "FRONTDESK_BILLING_ADDRESS", "billing@frontdesk.test",
                "FRONTDESK_COMPANY_NAME", "ООО «Облако»")).start()) {
            long romashka = Seeds.account(gateway, "ООО «Ромашка»", "romashka.example", "Ольга Смирнова", OLGA, "INV-2026-0042");
            long lyutik = Seeds.account(gateway, "ООО «Лютик»", "lyutik.example", "Борис Орлов", BORIS, "INV-2026-0777");
            var invoice = gateway.post("/api/invoices", GatewayProcess.ADMIN_TOKEN, "application/json", ("{\"number\": \"INV-2026-0042\","
                    + " \"accountId\": " + romashka + ", \"amount\": \"1500.00\", \"currency\": \"RUB\", \"issueDate\": \"2026-11-01\","
                    + " \"dueDate\": \"2026-11-15\"}").getBytes(StandardCharsets.UTF_8));
            assertEquals(200, invoice.statusCode(), invoice.body());

            // a stranger writes about Romashka's invoice: a case opens on the account and Olga is alerted
            byte[] stranger = TestMail.from("Иван Петров <ivan@petrov-family.example>").rawHeaderCharset(StandardCharsets.UTF_8)
                    .messageId("<ceo-2@petrov-family.example>").subject("Счёт INV-2026-0042")
                    .body("Добрый день! Позвоните мне, пожалуйста, по счёту INV-2026-0042.\r\nИван Петров\r\n").bytes();
            assertEquals(0, gateway.pipe(stranger, "--sender", "ivan@petrov-family.example", "--recipient", "support@frontdesk.test").exitCode());
            Mailboxes.await(smtp, OLGA, 1, 60);

            // billing submits a reminder: held for the manager because of the open case
            var submitted = gateway.post("/api/notices", GatewayProcess.ADMIN_TOKEN, "application/json", ("{\"accountId\": " + romashka
                    + ", \"kind\": \"REMINDER\", \"invoices\": [\"INV-2026-0042\"], \"amount\": \"1500.00\", \"currency\": \"RUB\","
                    + " \"mail\": {\"to\": [\"" + CUSTOMER + "\"], \"subject\": \"" + SUBJECT + "\","
                    + " \"body\": \"Счёт INV-2026-0042 на 1 500,00 руб. ждёт оплаты.\"}, \"externalRef\": \"R-42\"}").getBytes(StandardCharsets.UTF_8));
            assertEquals(200, submitted.statusCode(), submitted.body());
            JsonObject answer = GatewayProcess.json(submitted.body());
            assertEquals("HOLD", answer.getString("verdict"), answer.toString());
            assertEquals(List.of("OPEN_CASE"), answer.getJsonArray("reasons").stream().map(r -> r.asJsonObject().getString("code")).toList());
            long notice = answer.getJsonNumber("noticeId").longValue();
            String page = "/console/notices/" + notice;

            // the administrator adds billing and the two managers
            HttpClient admin = client();
            assertEquals(303, login(admin, gateway, ADMIN, ADMIN_PASSWORD).statusCode());
            for (String[] who : new String[][] {{BILLING, "Ирина Волкова", "billing", "en"}, {OLGA, "Ольга Смирнова", "manager", "ru"},
                    {BORIS, "Борис Орлов", "manager", "en"}}) {
                Seeds.staff(admin, gateway, who[0], who[1], who[2], who[3], PASSWORD);
            }

            // Boris, by URL and by form: Olga's notice does not exist for him, and nothing he tries changes it
            HttpClient boris = client();
            assertEquals(303, login(boris, gateway, BORIS, PASSWORD).statusCode());
            String borisNeeds = get(boris, gateway, "/console/").body();
            assertFalse(borisNeeds.contains(page), "not held for his approval");
            assertEquals(404, get(boris, gateway, page).statusCode());
            for (String list : List.of("held", "blocked", "sent")) {
                String html = get(boris, gateway, "/console/notices?state=" + list).body();
                assertFalse(html.contains(page) || html.contains("Ромашка"), "not in his " + list + " list");
            }
            String borisToken = csrf(borisNeeds);
            assertEquals(404, post(boris, gateway, page + "/approve", Map.of("_csrf", borisToken, "note", "mine now")).statusCode());
            assertEquals(404, post(boris, gateway, page + "/approve", Map.of("_csrf", borisToken, "note", "")).statusCode(),
                    "no hint either that a reason is missing");
            assertEquals(404, post(boris, gateway, page + "/override", Map.of("_csrf", borisToken, "note", "mine now")).statusCode());
            assertEquals(403, post(boris, gateway, page + "/approve", Map.of("note", "no token")).statusCode(),
                    "a POST without the CSRF token is refused");
            HttpClient irina = client();
            login(irina, gateway, BILLING, PASSWORD);
            assertEquals(403, post(irina, gateway, page + "/approve", Map.of("note", "no token")).statusCode(),
                    "billing may approve it, but not without the token");
            assertEquals(403, post(irina, gateway, page + "/approve", Map.of("_csrf", borisToken, "note", "Boris's token")).statusCode(),
                    "another session's token is no token");
            assertEquals(404, post(irina, gateway, page + "/override", Map.of("_csrf", csrf(get(irina, gateway, page).body()), "note", "x"))
                    .statusCode(), "overriding a block is for administrators");
            assertEquals("HELD", Seeds.noticeState(gateway, notice), "none of that changed the notice");

            // Olga finds it among what needs her, with her open case; the count of both is in the title
            WebDriver web = browser.driver();
            web.get(gateway.url() + "/console/");
            signIn(web, OLGA, PASSWORD);
            int tasks = web.findElements(By.cssSelector("#tasks tbody tr")).size();
            assertTrue(web.getTitle().startsWith("(" + (2 + tasks) + ") "), "her case, the notice and her tasks: " + web.getTitle());
            String held = web.findElement(By.id("held-notices")).getText();
            assertTrue(held.contains("ООО «Ромашка»"));
            // the gate's reason in her language, with what it saw (the case's number)
            assertTrue(held.contains("У клиента открыто обращение (FD-") && held.contains("ждёт одобрения персонального менеджера"), held);
            assertFalse(held.contains("The account has an open case"), "no English on her Russian page: " + held);
            assertTrue(web.findElements(By.cssSelector("#held-notices a[href='" + page + "']")).size() == 1);
            browser.screenshot("notices-01-needs-manager-ru");
            web.get(gateway.url() + page);
            String ruPage = web.findElement(By.tagName("main")).getText();
            assertTrue(ruPage.contains("У клиента открыто обращение (FD-") && !ruPage.contains("The account has an open case"), ruPage);
            browser.screenshot("notices-01b-notice-manager-ru");
            Browser.signOut(web);

            // billing signs in, finds the notice among the held ones, reads why and what the gate saw, approves it
            web.get(gateway.url() + "/console/notices");
            assertTrue(web.getCurrentUrl().contains("/console/login"), web.getCurrentUrl());
            signIn(web, BILLING, PASSWORD);
            assertTrue(web.getCurrentUrl().endsWith("/console/notices"), web.getCurrentUrl());
            String list = web.findElement(By.id("notices")).getText();
            assertTrue(list.contains("No. " + notice) && list.contains("ООО «Ромашка»") && list.contains("1,500.00 RUB")
                    && list.contains("The account has an open case (FD-"), "in English for her: " + list);
            // the gate's code is kept for machines and styles, not shown as a word
            assertTrue(!list.contains("OPEN_CASE") && !web.findElements(By.cssSelector("#notices [data-code='OPEN_CASE']")).isEmpty(), list);
            browser.screenshot("notices-02-held-list");
            web.findElement(By.cssSelector("#notices a[href='" + page + "']")).click();
            new WebDriverWait(web, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains(page));
            String main = web.findElement(By.tagName("main")).getText();
            assertTrue(main.contains("waits for a person’s approval") && main.contains("INV-2026-0042") && main.contains("R-42"), main);
            assertTrue(main.contains("Open cases: FD-"), "what the gate saw: " + main);
            assertFalse(web.getPageSource().contains("/override\""), "billing is offered no override");
            browser.screenshot("notices-03-held-notice");
            web.findElement(By.id("note-approve")).sendKeys("Olga is away; the customer's case is about another contract");
            web.findElement(By.xpath("//button[contains(., 'Approve and release')]")).click();
            new WebDriverWait(web, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                    "Approved."));
            browser.screenshot("notices-04-approved");

            byte[] sent = Mailboxes.await(smtp, CUSTOMER, 1, 30).get(0);
            assertEquals(SUBJECT, Mails.subject(sent), "the reminder reached the customer");
            Seeds.awaitNoticeState(gateway, notice, "SENT");
            web.navigate().refresh();
            main = web.findElement(By.tagName("main")).getText();
            assertTrue(main.contains("Sent") && main.contains(BILLING) && main.contains("the customer's case is about another contract"),
                    "the page says who approved it and why: " + main);
            browser.screenshot("notices-05-sent-notice");
            ((org.openqa.selenium.JavascriptExecutor) web).executeScript("arguments[0].scrollIntoView(true)",
                    web.findElement(By.xpath("//h2[. = 'Every decision']")));
            browser.screenshot("notices-06-sent-notice-decisions");
            web.get(gateway.url() + "/console/notices?state=sent");
            assertTrue(web.findElement(By.id("notices")).getText().contains("No. " + notice));
            browser.screenshot("notices-07-sent-list");
            assertEquals(404, get(boris, gateway, page).statusCode(), "still nothing for Boris");

            // the API's approve: documented answers for a sent notice, an unknown one, a missing reason
            String reason = "{\"reason\": \"again\", \"actor\": \"billing system\"}";
            var again = gateway.post("/api/notices/" + notice + "/approve", GatewayProcess.ADMIN_TOKEN, "application/json",
                    reason.getBytes(StandardCharsets.UTF_8));
            assertEquals(409, again.statusCode(), again.body());
            assertEquals(404, gateway.post("/api/notices/999999/approve", GatewayProcess.ADMIN_TOKEN, "application/json",
                    reason.getBytes(StandardCharsets.UTF_8)).statusCode());
            assertEquals(400, gateway.post("/api/notices/" + notice + "/approve", GatewayProcess.ADMIN_TOKEN, "application/json",
                    "{}".getBytes(StandardCharsets.UTF_8)).statusCode());
            assertEquals(401, gateway.post("/api/notices/" + notice + "/approve", GatewayProcess.MTA_TOKEN, "application/json",
                    reason.getBytes(StandardCharsets.UTF_8)).statusCode(), "the admin token only");

            // and billing's system releases a payment-order hold early through it, naming the decision it read
            assertEquals(200, gateway.post("/api/invoices", GatewayProcess.ADMIN_TOKEN, "application/json", ("{\"number\": \"INV-2026-0777\","
                    + " \"accountId\": " + lyutik + ", \"amount\": \"900.00\", \"currency\": \"RUB\", \"issueDate\": \"2026-11-01\","
                    + " \"dueDate\": \"2026-11-15\"}").getBytes(StandardCharsets.UTF_8)).statusCode());
            String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Moscow")).toString();
            var order = gateway.post("/api/accounts/" + lyutik + "/payment-evidence", GatewayProcess.ADMIN_TOKEN, "application/json",
                    ("{\"number\": \"7\", \"date\": \"" + today + "\", \"amount\": \"900.00\", \"currency\": \"RUB\"}").getBytes(StandardCharsets.UTF_8));
            assertTrue(order.statusCode() / 100 == 2, order.body());
            var waiting = GatewayProcess.json(gateway.post("/api/notices", GatewayProcess.ADMIN_TOKEN, "application/json", ("{\"accountId\": "
                    + lyutik + ", \"kind\": \"REMINDER\", \"invoices\": [\"INV-2026-0777\"], \"amount\": \"900.00\", \"currency\": \"RUB\","
                    + " \"mail\": {\"to\": [\"buh@lyutik.example\"], \"subject\": \"Счёт INV-2026-0777\", \"body\": \"Ждём оплаты.\"}}")
                    .getBytes(StandardCharsets.UTF_8)).body());
            assertEquals("HOLD", waiting.getString("verdict"), waiting.toString());
            long second = waiting.getJsonNumber("noticeId").longValue();
            var decisions = GatewayProcess.json(gateway.get("/api/notices/" + second, GatewayProcess.ADMIN_TOKEN).body()).getJsonArray("decisions");
            long read = decisions.getJsonObject(decisions.size() - 1).getJsonNumber("id").longValue();
            var stale = gateway.post("/api/notices/" + second + "/approve", GatewayProcess.ADMIN_TOKEN, "application/json",
                    ("{\"reason\": \"x\", \"decision\": " + (read - 1) + "}").getBytes(StandardCharsets.UTF_8));
            assertEquals(409, stale.statusCode(), "an older decision than the notice's latest: " + stale.body());
            var released = gateway.post("/api/notices/" + second + "/approve", GatewayProcess.ADMIN_TOKEN, "application/json",
                    ("{\"reason\": \"The bank returned order 7 unpaid\", \"actor\": \"billing system\", \"decision\": " + read + "}")
                            .getBytes(StandardCharsets.UTF_8));
            assertEquals(200, released.statusCode(), released.body());
            assertEquals("QUEUED", GatewayProcess.json(released.body()).getString("state"), released.body());
            assertEquals("Счёт INV-2026-0777", Mails.subject(Mailboxes.await(smtp, "buh@lyutik.example", 1, 30).get(0)));
        } finally {
            smtp.stop();
            TestDatabases.sql(TestDatabases.PG_URL, "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        }
    }

}
