package app.frontdesk.e2e;

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
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The account page in a real browser (Debian's chromium, headless) against the packaged gateway on
 * PostgreSQL with GreenMail. Anna, an authorized contact of Romashka, complains twice: the account is
 * red-flagged and Olga, its manager, gets the alert. She follows its link to the account's page (after
 * sign-in), finds it again from "Needs me" and from the list (by invoice number), authorizes Ivan as a
 * contact (his next verified mail goes straight to the helpdesk) and clears the flag with a note.
 * Boris, who looks after another company, gets 404 for the page and every form on it and finds
 * nothing of Romashka's by search. Screenshots: target/console-screens/account-*.png.
 */
class AccountConsoleIT {

    private static final String ADMIN = "admin@frontdesk.test";
    private static final String ADMIN_PASSWORD = "first-admin-password-for-tests";
    private static final String OLGA = "olga.smirnova@frontdesk.test";
    private static final String BORIS = "boris.orlov@frontdesk.test";
    private static final String PASSWORD = "manager-password-1";
    private static final String HELPDESK = "helpdesk@frontdesk.test";
    private static final Path SHOTS = Path.of("target/console-screens");

    @Test
    void theManagerLooksAfterHerAccountInTheBrowserAndAnotherManagerCannotTouchIt() throws Exception {
        TestDatabases.postgres(); // under CI=true a missing database, browser or gateway fails this test, never skips it
        try (Browser browser = Browser.open(SHOTS)) {
            String db = "fd_accounts_" + System.currentTimeMillis();
            TestDatabases.sql(TestDatabases.PG_URL, "CREATE DATABASE " + db);
            GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
            smtp.start();
            try (GatewayProcess gateway = new GatewayProcess(GatewayProcess.fresh(Path.of("target/e2e/account-console")), Map.of(
                    "FRONTDESK_DB_URL", TestDatabases.PG_URL.replace("/test", "/" + db),
                    "FRONTDESK_DB_USER", TestDatabases.PG_USER,
                    "FRONTDESK_SMTP_HOST", "127.0.0.1",
                    "FRONTDESK_SMTP_PORT", String.valueOf(smtp.getSmtp().getPort()),
                    "FRONTDESK_ADMIN_ADDRESS", ADMIN,
                    "FRONTDESK_ADMIN_PASSWORD", ADMIN_PASSWORD,
                    "FRONTDESK_SUPPORT_LEAD_ADDRESS", "lead@frontdesk.test",
                    "FRONTDESK_COMPANY_NAME", "ООО «Облако»")).start()) {
                story(gateway, smtp, browser);
            } finally {
                smtp.stop();
                TestDatabases.sql(TestDatabases.PG_URL, "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            }
        }
    }

    private static void story(GatewayProcess gateway, GreenMail smtp, Browser browser) throws Exception {
        long romashka = account(gateway, "ООО «Ромашка»", "romashka.example", "Ольга Смирнова", OLGA, "INV-2026-0042", "7707083893");
        long lyutik = account(gateway, "ООО «Лютик»", "lyutik.example", "Борис Орлов", BORIS, "INV-2026-0777", "5001007329");
        HttpClient admin = client();
        assertEquals(303, login(admin, gateway, ADMIN, ADMIN_PASSWORD).statusCode());
        addStaff(admin, gateway, OLGA, "Ольга Смирнова", "ru");
        addStaff(admin, gateway, BORIS, "Борис Орлов", "en");

        // Anna complains twice about one order: the second is a repeat, the account is red-flagged, Olga is alerted
        complain(gateway, "<anna-1@romashka.example>", "Заказ 77 не доставили", "Добрый день! Заказ 77 не доставили, хотя обещали вчера.");
        complain(gateway, "<anna-2@romashka.example>", "Re: Заказ 77 не доставили", "Опять не привезли. Что происходит?");
        String alert = Mails.text(Mailboxes.await(smtp, OLGA, 1, 60).get(0));
        Matcher link = Pattern.compile(Pattern.quote(gateway.url()) + "/console/accounts/(\\d+)").matcher(alert);
        assertTrue(link.find(), "the red-flag alert links to the account's page: " + alert);
        assertEquals(romashka, Long.parseLong(link.group(1)));
        assertFalse(alert.contains("/api/accounts"), "and no longer to the API: " + alert);

        // Olga follows the link: sign-in first, then the account she was sent to
        WebDriver web = browser.driver();
        web.get(link.group());
        assertTrue(web.getCurrentUrl().contains("/console/login"), web.getCurrentUrl());
        signIn(web, OLGA, PASSWORD);
        assertTrue(web.getCurrentUrl().endsWith("/console/accounts/" + romashka), web.getCurrentUrl());
        String page = main(web);
        assertTrue(page.contains("Красный флаг") && page.contains("Заказ 77 не доставили") && page.contains("INV-2026-0042")
                && page.contains("anna.petrova@romashka.example") && page.contains("7707083893"), page);
        shot(browser, "account-01-page-flagged");

        // ... and finds it from "Needs me", and from the list by the invoice number
        web.get(gateway.url() + "/console/");
        // the call the red-flag playbook promised is her task, due soon: the flag and her tasks count in the title
        int tasks = web.findElements(By.cssSelector("#tasks tbody tr")).size();
        assertTrue(tasks >= 1 && web.findElement(By.id("tasks")).getText().contains("Позвонить"), web.findElement(By.tagName("main")).getText());
        String taskId = web.findElement(By.cssSelector("#tasks tbody tr")).getAttribute("id").replace("task-", "");
        assertTrue(web.findElement(By.id("tasks")).getText().matches("(?s).*(осталось|просрочено на) .*"), "with its countdown");
        assertTrue(web.getTitle().startsWith("(" + (1 + tasks) + ") "), "the flag and her tasks count in the title: " + web.getTitle());
        assertTrue(web.findElement(By.id("flags")).getText().contains("ООО «Ромашка»"));
        shot(browser, "account-02-needs");
        click(web, By.cssSelector("#flags a[href='/console/accounts/" + romashka + "']"));
        new WebDriverWait(web, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(gateway.url() + "/console/accounts/" + romashka));
        web.get(gateway.url() + "/console/accounts");
        String list = web.findElement(By.id("accounts")).getText();
        assertTrue(list.contains("ООО «Ромашка»") && !list.contains("Лютик"), "her accounts only: " + list);
        web.findElement(By.id("q")).sendKeys("INV-2026-0042");
        click(web, By.cssSelector("form.search button"));
        new WebDriverWait(web, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("q=INV-2026-0042"));
        assertEquals(1, web.findElements(By.cssSelector("#accounts tbody tr")).size());
        shot(browser, "account-03-list");
        click(web, By.cssSelector("#accounts a[href='/console/accounts/" + romashka + "']"));
        new WebDriverWait(web, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("add-contact")));

        // She authorizes Ivan, with a reason
        web.findElement(By.id("contact-address")).sendKeys("ivan.petrov@romashka.example");
        web.findElement(By.id("contact-name")).sendKeys("Иван Петров");
        web.findElement(By.id("contact-reason")).sendKeys("Анна Петрова подтвердила по телефону: новый финансовый директор");
        click(web, By.cssSelector("#add-contact button"));
        new WebDriverWait(web, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("contact-list"),
                "ivan.petrov@romashka.example"));
        assertTrue(main(web).contains("Адрес теперь — уполномоченный контакт"), main(web));
        assertTrue(web.findElement(By.id("history-list")).getText().contains("новый финансовый директор"), "the reason is in the history");
        shot(browser, "account-04-contact-added");

        // His next verified mail goes straight to the helpdesk
        byte[] ivans = TestMail.from("Иван Петров <ivan.petrov@romashka.example>").rawHeaderCharset(StandardCharsets.UTF_8)
                .messageId("<ivan-1@romashka.example>").subject("Счёт INV-2026-0042").body("Добрый день! Прошу выслать акт сверки.\r\n").bytes();
        assertEquals(0, gateway.pipe(ivans, "--sender", "ivan.petrov@romashka.example", "--recipient", "support@frontdesk.test").exitCode());
        assertTrue(awaitMessageId(smtp, HELPDESK, "<ivan-1@romashka.example>", 60), "Ivan's message reached the helpdesk");

        // Boris, by URL and by form: nothing of Olga's account exists for him
        List<String> contactIds = new ArrayList<>();
        Matcher remove = Pattern.compile("/console/accounts/" + romashka + "/contacts/(\\d+)/remove").matcher(web.getPageSource());
        while (remove.find()) {
            contactIds.add(remove.group(1));
        }
        assertEquals(2, contactIds.size(), "Anna and Ivan");
        HttpClient boris = client();
        assertEquals(303, login(boris, gateway, BORIS, PASSWORD).statusCode());
        assertEquals(200, get(boris, gateway, "/console/accounts/" + lyutik).statusCode(), "his own account opens");
        assertEquals(404, get(boris, gateway, "/console/accounts/" + romashka).statusCode());
        for (String search : List.of("", "Ромашка", "romashka.example", "INV-2026-0042", "7707083893", "anna.petrova@romashka.example")) {
            String found = get(boris, gateway, "/console/accounts?q=" + URLEncoder.encode(search, StandardCharsets.UTF_8)).body();
            assertFalse(found.contains("Ромашка") && !search.equals("Ромашка") || found.contains("/console/accounts/" + romashka + "\""),
                    "no Romashka in Boris's list for \"" + search + "\"");
        }
        String borisNeeds = get(boris, gateway, "/console/").body();
        assertFalse(borisNeeds.contains("/console/accounts/" + romashka), "nor on his Needs me");
        String token = csrf(borisNeeds);
        String base = "/console/accounts/" + romashka;
        assertEquals(404, post(boris, gateway, base + "/contacts", Map.of("_csrf", token, "address", "eve@evil.example", "name", "Eve",
                "language", "en", "reason", "mine now")).statusCode());
        for (String contact : contactIds) {
            assertEquals(404, post(boris, gateway, base + "/contacts/" + contact + "/remove", Map.of("_csrf", token, "reason", "gone")).statusCode());
        }
        assertEquals(404, post(boris, gateway, base + "/evidence", Map.of("_csrf", token, "number", "1", "date", "2026-11-20", "amount", "1",
                "currency", "RUB")).statusCode());
        assertEquals(404, post(boris, gateway, base + "/flag/clear", Map.of("_csrf", token, "note", "cleared by Boris")).statusCode());
        assertFalse(borisNeeds.contains("task-" + taskId), "Olga's task is not on his Needs me");
        assertEquals(404, post(boris, gateway, "/console/tasks/" + taskId + "/done", Map.of("_csrf", token, "note", "done by Boris")).statusCode(),
                "nor can he mark it done");
        assertEquals(403, post(boris, gateway, base + "/flag/clear", Map.of("note", "no token")).statusCode(), "and without the token: 403");
        web.navigate().refresh();
        String after = main(web);
        assertTrue(after.contains("anna.petrova@romashka.example") && after.contains("ivan.petrov@romashka.example")
                && !after.contains("eve@evil.example") && after.contains("Красный флаг с") && !after.contains("cleared by Boris"),
                "none of that changed her account: " + after);

        // Olga clears the flag with a note
        web.findElement(By.id("flag-note")).sendKeys("Позвонила директору, извинилась, заказ 77 доставлен, скидка 10% на декабрь");
        click(web, By.cssSelector("#clear-flag button"));
        new WebDriverWait(web, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                "Красный флаг снят"));
        String cleared = main(web);
        assertTrue(cleared.contains("Красного флага нет") && cleared.contains("скидка 10% на декабрь"), cleared);
        assertTrue(web.findElement(By.id("experiences")).getText().contains("больше не считается"), "what came before no longer counts");
        assertTrue(web.findElements(By.id("clear-flag")).isEmpty() && web.findElements(By.cssSelector("p.flagged")).isEmpty());
        shot(browser, "account-05-flag-cleared");
        web.get(gateway.url() + "/console/");
        assertTrue(web.findElements(By.id("flags")).isEmpty(), "no red flag left on Needs me");
        assertTrue(web.getTitle().startsWith("(" + tasks + ") "), "her task is still owed: " + web.getTitle());

        // she called Anna: the task is marked done in place (htmx swaps its row; the page is not loaded again)
        ((org.openqa.selenium.JavascriptExecutor) web).executeScript("window.__samePage = true");
        web.findElement(By.id("task-note-" + taskId)).sendKeys("Позвонила Анне, извинилась, заказ едет");
        web.findElement(By.cssSelector("#task-" + taskId + " button")).click();
        new WebDriverWait(web, Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("task-" + taskId),
                "Выполнено:"));
        assertEquals(Boolean.TRUE, ((org.openqa.selenium.JavascriptExecutor) web).executeScript("return window.__samePage === true"),
                "a partial swap, not a page load");
        shot(browser, "account-06-task-done");
        web.navigate().refresh();
        assertTrue(web.findElements(By.id("task-" + taskId)).isEmpty(), "done tasks leave the list");
        assertFalse(web.getTitle().startsWith("(" + tasks + ") "), web.getTitle());
        if (tasks == 1) {
            assertFalse(web.getTitle().startsWith("("), web.getTitle());
        }
    }

    private static long account(GatewayProcess gateway, String name, String domain, String manager, String managerAddress, String invoice,
                                String inn) throws Exception {
        var created = gateway.post("/api/accounts", GatewayProcess.ADMIN_TOKEN, "application/json", ("""
                {"name": "%s", "domains": ["%s"],
                 "contacts": [{"address": "anna.petrova@%s", "name": "Анна Петрова", "locale": "ru"}],
                 "manager": {"name": "%s", "address": "%s"},
                 "references": [{"kind": "INVOICE", "value": "%s"}, {"kind": "INN", "value": "%s"}]}
                """.formatted(name.replace("\"", "\\\""), domain, domain, manager, managerAddress, invoice, inn)).getBytes(StandardCharsets.UTF_8));
        assertEquals(201, created.statusCode(), created.body());
        long id = GatewayProcess.json(created.body()).getJsonNumber("id").longValue();
        var invoices = gateway.post("/api/invoices", GatewayProcess.ADMIN_TOKEN, "application/json", ("""
                [{"number": "%s", "accountId": %d, "amount": "1500.00", "currency": "RUB", "issueDate": "2026-11-01", "dueDate": "2026-11-15"}]
                """.formatted(invoice, id)).getBytes(StandardCharsets.UTF_8));
        assertEquals(200, invoices.statusCode(), invoices.body());
        return id;
    }

    private static void complain(GatewayProcess gateway, String messageId, String subject, String body) throws Exception {
        byte[] mail = TestMail.from("Анна Петрова <anna.petrova@romashka.example>").rawHeaderCharset(StandardCharsets.UTF_8)
                .messageId(messageId).subject(subject).body(body + "\r\n").bytes();
        assertEquals(0, gateway.pipe(mail, "--sender", "anna.petrova@romashka.example", "--recipient", "support@frontdesk.test").exitCode());
    }

    private static boolean awaitMessageId(GreenMail smtp, String address, String messageId, int seconds) throws Exception {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        do {
            for (byte[] m : Mailboxes.messages(smtp, address)) {
                if (messageId.equals(Mails.parse(m).getMessageID())) {
                    return true;
                }
            }
            Thread.sleep(200);
        } while (System.currentTimeMillis() < deadline);
        return false;
    }

    /** The whole page, not only what fits the window: the window grows to the page's height for the picture. */
    private static void shot(Browser browser, String name) {
        WebDriver web = browser.driver();
        Dimension before = web.manage().window().getSize();
        long height = ((Number) ((JavascriptExecutor) web).executeScript("return document.documentElement.scrollHeight")).longValue();
        web.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(Math.max(height + 150, before.getHeight()), 6000)));
        browser.screenshot(name);
        web.manage().window().setSize(before);
    }

    private static String main(WebDriver web) {
        return web.findElement(By.tagName("main")).getText();
    }

    private static void click(WebDriver web, By by) {
        var element = web.findElement(by);
        element.click();
        Browser.awaitReplaced(web, element); // the next page is there
    }


    private static void addStaff(HttpClient admin, GatewayProcess gateway, String email, String name, String language) throws Exception {
        String token = csrf(get(admin, gateway, "/console/staff").body());
        var added = post(admin, gateway, "/console/staff", Map.of("_csrf", token, "email", email, "name", name, "role", "manager",
                "language", language, "password", PASSWORD));
        assertEquals(303, added.statusCode(), added.body());
    }





}
