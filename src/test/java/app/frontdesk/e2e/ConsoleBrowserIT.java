package app.frontdesk.e2e;

import app.frontdesk.testkit.Seeds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static app.frontdesk.testkit.Browser.signIn;
import static app.frontdesk.testkit.ConsoleHttp.client;
import static app.frontdesk.testkit.ConsoleHttp.cookieAttributes;
import static app.frontdesk.testkit.ConsoleHttp.getWithCookie;
import static app.frontdesk.testkit.ConsoleHttp.postWithCookie;
import static app.frontdesk.testkit.ConsoleHttp.sessionCookie;
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
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser (Debian's chromium, headless) against the packaged gateway on
 * PostgreSQL with GreenMail: the administrator signs in with the configured first password and adds
 * two managers; the seed-000 story from Olga's seat (the alert's link, sign-in, the case, authorize:
 * the held message reaches the helpdesk); Boris, who looks after another company, can neither open,
 * list nor act on Olga's case by URL or form; a POST without the CSRF token is refused; a subject and
 * a body carrying script render inert; the sixth wrong password is throttled. Screenshots of every
 * page are in target/console-screens.
 */
class ConsoleBrowserIT {

    private static final String ADMIN = "admin@frontdesk.test";
    private static final String ADMIN_PASSWORD = "first-admin-password-for-tests";
    private static final String OLGA = "olga.smirnova@frontdesk.test";
    private static final String BORIS = "boris.orlov@frontdesk.test";
    private static final String LENA = "lena.kuznetsova@frontdesk.test";
    private static final String MARIA = "maria@guest-mail.example";
    private static final String PASSWORD = "manager-password-1";
    private static final Path SHOTS = Path.of("target/console-screens");

    @Test
    void aManagerHandlesTheStoryInTheBrowserAndNobodyElseCanTouchIt() throws Exception {
        TestDatabases.postgres();
        String db = "fd_console_" + System.currentTimeMillis();
        TestDatabases.sql(TestDatabases.PG_URL, "CREATE DATABASE " + db);
        String url = TestDatabases.PG_URL.replace("/test", "/" + db);
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
        smtp.start();
        try (GatewayProcess gateway = new GatewayProcess(GatewayProcess.fresh(Path.of("target/e2e/console")), Map.of(
                "FRONTDESK_DB_URL", url,
                "FRONTDESK_DB_USER", TestDatabases.PG_USER,
                "FRONTDESK_SMTP_HOST", "127.0.0.1",
                "FRONTDESK_SMTP_PORT", String.valueOf(smtp.getSmtp().getPort()),
                "FRONTDESK_ADMIN_ADDRESS", ADMIN,
                "FRONTDESK_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "FRONTDESK_COMPANY_NAME", "ООО «Облако»")).start();
             Browser browser = Browser.open(SHOTS)) {
            long romashka = Seeds.account(gateway, "ООО «Ромашка»", "romashka.example", "Ольга Смирнова", OLGA, "INV-2026-0042");
            Seeds.account(gateway, "ООО «Лютик»", "lyutik.example", "Борис Орлов", BORIS, "INV-2026-0777");

            byte[] reply = TestMail.from("Иван Петров <ivan@petrov-family.example>").rawHeaderCharset(StandardCharsets.UTF_8)
                    .messageId("<ceo-1@petrov-family.example>")
                    .subject("Re: приостановка <script>window.__xss='subject'</script>")
                    .body("Добрый день!\r\nМы оплатили счёт INV-2026-0042 в пятницу.\r\n<img src=x onerror=\"window.__xss='body'\">\r\nИван Петров\r\n")
                    .bytes();
            assertEquals(0, gateway.pipe(reply, "--sender", "ivan@petrov-family.example", "--recipient", "support@frontdesk.test").exitCode());
            byte[] stranger = TestMail.from("Пётр <petr@unknown-company.example>").rawHeaderCharset(StandardCharsets.UTF_8)
                    .messageId("<stranger-1@unknown-company.example>").subject("Вопрос")
                    .header("MIME-Version", "1.0").header("Content-Type", app.frontdesk.testkit.MailWithParts.CONTENT_TYPE)
                    .body(app.frontdesk.testkit.MailWithParts.body()).bytes(); // the invoice attached, and parts a browser must not run
            assertEquals(0, gateway.pipe(stranger, "--sender", "petr@unknown-company.example", "--recipient", "support@frontdesk.test").exitCode());
            byte[] guest = TestMail.from("Мария Ким <" + MARIA + ">").rawHeaderCharset(StandardCharsets.UTF_8)
                    .messageId("<guest-1@guest-mail.example>").subject("Сверка")
                    .body("Добрый день! Пришлите, пожалуйста, акт сверки по нашему договору.\r\nМария\r\n").bytes();
            assertEquals(0, gateway.pipe(guest, "--sender", MARIA, "--recipient", "support@frontdesk.test").exitCode());
            String alert = Mails.text(Mailboxes.await(smtp, OLGA, 1, 60).get(0));
            Matcher link = Pattern.compile(Pattern.quote(gateway.url()) + "/console/cases/(\\d+)").matcher(alert);
            assertTrue(link.find(), "the manager's alert links to the case's page in the console: " + alert);
            long caseId = Long.parseLong(link.group(1));
            WebDriver web = browser.driver();

            // The administrator signs in with the configured first password and adds the two managers
            web.get(gateway.url() + "/console/");
            signIn(web, ADMIN, ADMIN_PASSWORD);
            browser.screenshot("01-needs-admin");
            web.get(gateway.url() + "/console/staff");
            addManager(web, OLGA, "Ольга Смирнова");
            addManager(web, BORIS, "Борис Орлов");
            // a support lead and nothing else, who reads the console in Russian
            web.findElement(By.id("email")).sendKeys(LENA);
            web.findElement(By.id("name")).sendKeys("Лена Кузнецова");
            web.findElement(By.cssSelector("form[action='/console/staff'] input[name='role'][value='manager']")).click();
            web.findElement(By.cssSelector("form[action='/console/staff'] input[name='role'][value='lead']")).click();
            new org.openqa.selenium.support.ui.Select(web.findElement(By.id("language"))).selectByValue("ru");
            web.findElement(By.id("password")).sendKeys(PASSWORD);
            web.findElement(By.cssSelector("form[action='/console/staff'] button")).click();
            waitFor(web, 10).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("table"), LENA));
            assertTrue(web.findElement(By.xpath("//tr[td[1][.='" + LENA + "']]/td[3]")).getText().strip().equals("support lead"),
                    "only the lead's role: " + web.findElement(By.xpath("//tr[td[1][.='" + LENA + "']]")).getText());
            assertTrue(web.getPageSource().contains(OLGA) && web.getPageSource().contains(BORIS));
            browser.screenshot("02-staff");

            // Billing's work (the administrator has its rights): a statement with a bad line is refused line by line;
            // the good one is stored, and the payment nobody could match is tied to Romashka by hand
            java.nio.file.Path bad = SHOTS.toAbsolutePath().resolve("statement-bad.csv");
            java.nio.file.Files.writeString(bad, "external_id,amount,currency,booking_date,value_date,payer_inn,payer_account,purpose\n"
                    + "b-1,1500.00,RUB,2026-11-27,,,,оплата\nb-2,много,RUB,2026-11-27,,,,оплата\n");
            java.nio.file.Path good = SHOTS.toAbsolutePath().resolve("statement-good.csv");
            java.nio.file.Files.writeString(good, "external_id,amount,currency,booking_date,value_date,payer_inn,payer_account,purpose\n"
                    + "b-1,1500.00,RUB,2026-11-27,,,,оплата по договору\n");
            web.get(gateway.url() + "/console/payments");
            web.findElement(By.id("file")).sendKeys(bad.toString());
            web.findElement(By.xpath("//button[contains(., 'Upload')]")).click();
            waitFor(web, 15).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                    "was not imported"));
            assertTrue(web.findElement(By.tagName("main")).getText().contains("3"), "the bad line's number");
            browser.screenshot("02c-payments-refused");
            web.findElement(By.id("file")).sendKeys(good.toString());
            web.findElement(By.xpath("//button[contains(., 'Upload')]")).click();
            waitFor(web, 15).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                    "Payments stored: 1"));
            // the company is found by the accounts' search (here by its invoice number), not by typing an id
            assertTrue(web.findElements(By.cssSelector("input[name='account'][type='number']")).isEmpty(), "no account id to type");
            var search = web.findElement(By.cssSelector("form.search input[name='q']"));
            search.clear();
            search.sendKeys("INV-2026-0042");
            web.findElement(By.cssSelector("form.search button")).click();
            new WebDriverWait(web, java.time.Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//button[contains(., 'Tie to ООО «Ромашка»')]")));
            assertTrue(web.findElements(By.xpath("//button[contains(., 'Лютик')]")).isEmpty(), "only what the search found");
            browser.screenshot("02e-payments-found");
            web.findElement(By.xpath("//button[contains(., 'Tie to ООО «Ромашка»')]")).click();
            waitFor(web, 10).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                    "Every payment is tied to a company"));
            browser.screenshot("02d-payments-tied");

            // The stranger's case has no account: Lena, a lead and nothing else, hands it over to Olga
            Browser.signOut(web);
            web.get(gateway.url() + "/console/");
            signIn(web, LENA, PASSWORD);
            web.findElement(By.xpath("//*[@id='cases']//tr[contains(., 'petr@unknown-company.example')]//a")).click();
            // htmx boosts the link: the address changes before the page does; wait for the page
            new WebDriverWait(web, java.time.Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("note-add")));
            long strangerCase = Long.parseLong(web.getCurrentUrl().replaceAll(".*/", ""));
            browser.screenshot("02a-stranger-case");
            web.findElement(By.id("q")).sendKeys("lyutik.example");
            web.findElement(By.xpath("//form[@method='get'][.//input[@id='q']]//button")).click();
            waitFor(web, 10).until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//form[contains(@action, '/authorize')][.//p[contains(., 'ООО «Лютик»')]]//button")));
            new org.openqa.selenium.support.ui.Select(web.findElement(By.id("to"))).selectByValue(OLGA);
            web.findElement(By.id("note-hand")).sendKeys("Похоже, это новый клиент из вашего региона");
            web.findElement(By.cssSelector("form[action$='/hand-over'] button")).click();
            waitFor(web, 10).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                    "Передано: " + OLGA));
            browser.screenshot("02b-handed-over");
            assertTrue(Mailboxes.await(smtp, OLGA, 2, 30).stream().map(Mails::subject).anyMatch(x -> x.contains("handed over to you")
                    || x.contains("передано")), "Olga is told");

            // Lena rejects Maria's mail with a reply: a draft the wording rules refuse shows the findings and sends nothing;
            // the next one reaches Maria in her language inside our letter, signed with the company's name
            web.get(gateway.url() + "/console/");
            web.findElement(By.xpath("//*[@id='cases']//tr[contains(., '" + MARIA + "')]//a")).click();
            new WebDriverWait(web, java.time.Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("reply-no")));
            web.findElement(By.id("note-no")).sendKeys("Не наш клиент: компании с таким договором у нас нет");
            web.findElement(By.id("reply-no")).sendKeys("Вы сами виноваты: нужно было читать договор.");
            web.findElement(By.cssSelector("form[action$='/reject'] button")).click();
            waitFor(web, 10).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("form[action$='/reject'] .problem"),
                    "виноваты"));
            browser.screenshot("02f-reject-reply-refused");
            assertTrue(web.findElement(By.id("reply-no")).getAttribute("value").contains("виноваты"), "the draft is kept to be rewritten");
            String goodReply = "Мы не смогли подтвердить, что ваш адрес относится к одной из компаний, с которыми мы работаем.";
            web.findElement(By.id("reply-no")).clear();
            web.findElement(By.id("reply-no")).sendKeys(goodReply);
            web.findElement(By.cssSelector("form[action$='/reject'] button")).click();
            waitFor(web, 10).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Отклонено"));
            browser.screenshot("02g-rejected-with-reply");
            assertTrue(Mailboxes.awaitOne(smtp, MARIA, m -> Mails.text(m).contains(goodReply), 30), "Maria receives the reply");
            String rejection = Mailboxes.messages(smtp, MARIA).stream().map(Mails::text).filter(t -> t.contains(goodReply)).findFirst().orElseThrow();
            assertTrue(rejection.startsWith("Здравствуйте") && rejection.strip().endsWith("служба поддержки ООО «Облако»"),
                    "in her language, signed with the company's name: " + rejection);
            assertTrue(Mailboxes.messages(smtp, MARIA).stream().map(Mails::text).noneMatch(t -> t.contains("виноваты")), "the refused draft went nowhere");

            // her held message decided again by the lead, from the held mail's page
            web.get(gateway.url() + "/console/held");
            web.findElement(By.xpath("//tr[contains(., '" + MARIA + "')]//input[@type='checkbox']")).click();
            web.findElement(By.cssSelector("button[formaction='/console/held/decide-again']")).click();
            waitFor(web, 10).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.ok[role='status']"),
                    "повторное решение: 1"));
            browser.screenshot("02h-held-decided-again");

            // the lead's audit page, in Russian, and her own password page
            web.get(gateway.url() + "/console/audit");
            assertTrue(web.getTitle().startsWith("Журнал действий"), web.getTitle());
            assertTrue(web.findElement(By.tagName("main")).getText().contains(LENA), "her hand-over and rejection are on it");
            browser.screenshot("02i-audit-ru");
            web.get(gateway.url() + "/console/password");
            browser.screenshot("02j-password-ru");
            Browser.signOut(web);

            // Olga follows the alert's link: sign-in first, then the case she was sent to
            web.get(link.group());
            assertTrue(web.getCurrentUrl().contains("/console/login"), web.getCurrentUrl());
            browser.screenshot("03-login");
            signIn(web, OLGA, PASSWORD);
            assertTrue(web.getCurrentUrl().endsWith("/console/cases/" + caseId), web.getCurrentUrl());
            browser.screenshot("04-case");
            // the keyboard: the first Tab reaches the skip link, which moves focus to the content; the case's primary action
            // (authorize the sender for her company) is reached by Tab from there
            var keys = new org.openqa.selenium.interactions.Actions(web);
            var js = (org.openqa.selenium.JavascriptExecutor) web;
            keys.sendKeys(org.openqa.selenium.Keys.TAB).perform();
            assertEquals("skip", js.executeScript("return document.activeElement.className"), "Tab from the page's start: the skip link");
            keys.sendKeys(org.openqa.selenium.Keys.ENTER).perform();
            new WebDriverWait(web, java.time.Duration.ofSeconds(5)).until(d -> "main".equals(js.executeScript("return document.activeElement.id")));
            var primary = web.findElement(By.xpath("//form[.//textarea[@id='note-ok']]//button"));
            boolean reached = false;
            for (int i = 0; i < 60 && !reached; i++) {
                keys.sendKeys(org.openqa.selenium.Keys.TAB).perform();
                reached = (Boolean) js.executeScript("return document.activeElement === arguments[0]", primary);
            }
            assertTrue(reached, "the primary action is reached by Tab");
            String page = web.findElement(By.tagName("main")).getText();
            assertTrue(page.contains("Мы оплатили счёт INV-2026-0042"), page);
            assertTrue(page.contains("<script>window.__xss='subject'</script>"), "the subject is shown as text: " + page);
            assertTrue(page.contains("<img src=x onerror="), "the body is shown as text: " + page);
            assertNull(((org.openqa.selenium.JavascriptExecutor) web).executeScript("return window.__xss === undefined ? null : window.__xss"),
                    "no script of the sender's ran");
            assertTrue(web.findElements(By.cssSelector("main img")).isEmpty(), "no element made from the sender's text");
            web.get(gateway.url() + "/console/");
            int tasks = web.findElements(By.cssSelector("#tasks tbody tr")).size();
            assertTrue(web.getTitle().startsWith("(" + (2 + tasks) + ") "), "her account's case, the one handed to her, her tasks: "
                    + web.getTitle());
            assertTrue(web.findElement(By.id("cases")).getText().contains("petr@unknown-company.example"));
            assertTrue(web.findElement(By.id("cases")).getText().contains("ivan@petrov-family.example"));
            browser.screenshot("05-needs-olga");

            // the handed-over case's attachments: listed, opened only on request, as downloads that run nothing of the sender's
            web.get(gateway.url() + "/console/cases/" + strangerCase);
            String parts = web.findElement(By.cssSelector("table.parts")).getText();
            assertTrue(parts.contains(app.frontdesk.testkit.MailWithParts.PDF_NAME) && parts.contains("application/pdf")
                    && parts.contains("image/svg+xml"), parts);
            assertTrue(web.findElements(By.cssSelector("main img, main iframe, main object, main embed")).isEmpty(), "nothing opened in the page");
            browser.screenshot("05a-case-attachments");
            HttpClient olgaHttp = client();
            login(olgaHttp, gateway, OLGA, PASSWORD);
            String partsPath = "/console/cases/" + strangerCase + "/messages/";
            Matcher partLink = Pattern.compile(Pattern.quote(partsPath) + "(\\d+)/parts/0").matcher(web.getPageSource());
            assertTrue(partLink.find(), web.getPageSource());
            String pdfPath = partLink.group();
            HttpResponse<byte[]> pdf = olgaHttp.send(HttpRequest.newBuilder(URI.create(gateway.url() + pdfPath)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, pdf.statusCode());
            org.junit.jupiter.api.Assertions.assertArrayEquals(app.frontdesk.testkit.MailWithParts.PDF, pdf.body(), "decoded, byte for byte");
            assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElseThrow().replaceAll(";.*", ""));
            assertEquals("nosniff", pdf.headers().firstValue("X-Content-Type-Options").orElseThrow());
            String disposition = pdf.headers().firstValue("Content-Disposition").orElseThrow();
            assertTrue(disposition.startsWith("attachment;") && disposition.contains("filename*=UTF-8''"
                    + URLEncoder.encode(app.frontdesk.testkit.MailWithParts.PDF_NAME, StandardCharsets.UTF_8).replace("+", "%20")), disposition);
            for (int active : new int[] {2, 3}) { // the HTML page with script, the SVG with onload
                HttpResponse<String> part = get(olgaHttp, gateway, pdfPath.replaceAll("/0$", "/" + active));
                assertEquals(200, part.statusCode());
                assertEquals("application/octet-stream", part.headers().firstValue("Content-Type").orElseThrow().replaceAll(";.*", ""),
                        "never rendered as HTML or SVG");
                assertTrue(part.headers().firstValue("Content-Disposition").orElseThrow().startsWith("attachment;"));
            }
            assertEquals(404, get(olgaHttp, gateway, pdfPath.replaceAll("/0$", "/9")).statusCode(), "no such part");
            web.get(gateway.url() + "/console/held");
            assertTrue(web.findElement(By.tagName("main")).getText().contains("ivan@petrov-family.example"), "his held message, with its cause");
            assertFalse(web.findElement(By.tagName("main")).getText().contains("petr@unknown-company.example"),
                    "a handed-over case's message has no account of hers: not in her held mail");
            browser.screenshot("05b-held-olga");
            web.get(gateway.url() + "/console/wording");
            web.findElement(By.id("text")).sendKeys("Уважаемый клиент! Вы сами виноваты: нужно было читать договор. Надеемся на понимание.");
            web.findElement(By.xpath("//button[contains(., 'Check') or contains(., 'Проверить')]")).click();
            new WebDriverWait(web, java.time.Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.tagName("mark")));
            browser.screenshot("05c-wording-pad");
            assertTrue(web.findElement(By.tagName("mark")).getText().contains("виноваты"), "the blame is marked where it stands");

            // Boris, by URL and by form: nothing of Olga's exists for him
            HttpClient boris = client();
            assertEquals(303, login(boris, gateway, BORIS, PASSWORD).statusCode());
            String borisNeeds = get(boris, gateway, "/console/").body();
            assertFalse(borisNeeds.contains("petrov-family"), "Olga's case is not in Boris's list");
            assertEquals(404, get(boris, gateway, "/console/cases/" + strangerCase).statusCode(), "nor the case handed to her");
            assertEquals(404, get(boris, gateway, pdfPath).statusCode(), "nor its attachment");
            assertEquals(404, get(olgaHttp, gateway, pdfPath.replace("/cases/" + strangerCase + "/", "/cases/" + caseId + "/")).statusCode(),
                    "a message is opened only under its own case, even for her");
            assertFalse(get(boris, gateway, "/console/held").body().contains("petrov-family"), "nor her held mail");
            assertEquals(404, get(boris, gateway, "/console/cases/" + caseId).statusCode());
            String token = csrf(borisNeeds);
            assertEquals(404, post(boris, gateway, "/console/cases/" + caseId + "/authorize",
                    Map.of("_csrf", token, "account", "1", "note", "mine now")).statusCode());
            assertEquals(404, post(boris, gateway, "/console/cases/" + caseId + "/reject", Map.of("_csrf", token, "note", "spam")).statusCode());
            assertEquals(404, post(boris, gateway, "/console/staff",
                    Map.of("_csrf", token, "email", "eve@frontdesk.test", "name", "Eve", "role", "admin", "password", "0123456789abc")).statusCode(),
                    "a manager cannot add staff");
            assertEquals(403, post(boris, gateway, "/console/cases/" + caseId + "/reject", Map.of("note", "no token")).statusCode(),
                    "a POST without the CSRF token is refused");
            HttpClient olga = client();
            login(olga, gateway, OLGA, PASSWORD);
            assertEquals(403, post(olga, gateway, "/console/cases/" + caseId + "/reject", Map.of("note", "no token")).statusCode(),
                    "her own case, but without the token: refused");
            assertEquals(403, post(olga, gateway, "/console/cases/" + caseId + "/reject", Map.of("_csrf", token, "note", "Boris's token")).statusCode(),
                    "another session's token is no token");
            // ...nor by the case's other forms, nor the held mail's: each answers 404 and changes nothing
            assertEquals(404, post(boris, gateway, "/console/cases/" + caseId + "/note", Map.of("_csrf", token, "note", "Boris was here"))
                    .statusCode(), "a note on her case");
            assertEquals(404, post(boris, gateway, "/console/cases/" + caseId + "/spam", Map.of("_csrf", token, "note", "Boris says spam"))
                    .statusCode(), "marking her case as spam");
            assertEquals(404, post(boris, gateway, "/console/cases/" + caseId + "/hand-over", Map.of("_csrf", token, "to", BORIS, "note", "mine"))
                    .statusCode(), "handing her case to himself");
            long ivansHeld = heldMessageOf(url, caseId);
            assertEquals(404, post(boris, gateway, "/console/held/retry", Map.of("_csrf", token, "id", String.valueOf(ivansHeld))).statusCode(),
                    "the held mail's bulk action");
            assertEquals(404, post(boris, gateway, "/console/held/decide-again", Map.of("_csrf", token, "id", String.valueOf(ivansHeld)))
                    .statusCode(), "and its other button");
            String olgasCase = get(olgaHttp, gateway, "/console/cases/" + caseId).body();
            assertFalse(olgasCase.contains("Boris was here") || olgasCase.contains("Boris says spam"), "nothing of his on her timeline");
            assertTrue(get(olgaHttp, gateway, "/console/held").body().contains("ivan@petrov-family.example"), "his message still held for her");
            assertEquals(0, Mailboxes.count(smtp, "helpdesk@frontdesk.test"), "nothing was released or closed by any of that");

            // The session as a browser holds it (docs/console.md, Security): what sign-in sets, the page's policy, the idle
            // timeout in force, and sign-out ending the session for whoever still holds its cookie
            HttpClient olgaAgain = client();
            HttpResponse<String> form = get(olgaAgain, gateway, "/console/login");
            String anonymous = sessionCookie(form).orElseThrow(() -> new AssertionError("the login page starts a session: " + form.headers().map()));
            HttpResponse<String> in = post(olgaAgain, gateway, "/console/login",
                    Map.of("_csrf", csrf(form.body()), "email", OLGA, "password", PASSWORD, "next", "/console/"));
            assertEquals(303, in.statusCode());
            String cookie = sessionCookie(in).orElseThrow(() -> new AssertionError("sign-in sets the cookie again: " + in.headers().map()));
            assertNotEquals(anonymous.split(";")[0], cookie.split(";")[0], "the session id changes at sign-in");
            Set<String> attributes = cookieAttributes(cookie);
            assertTrue(attributes.containsAll(Set.of("httponly", "samesite=strict", "path=/console")), cookie);
            assertFalse(attributes.contains("secure"), "plain http here (a Secure cookie would never come back): " + cookie);
            assertSafePage(form);
            for (String path : List.of("/console/", "/console/cases/" + caseId, "/console/held", "/console/accounts", "/console/wording")) {
                assertSafePage(get(olgaAgain, gateway, path));
            }
            Matcher idle = Pattern.compile("id=\"idle\">After (\\d+) minutes").matcher(get(olgaAgain, gateway, "/console/").body());
            assertTrue(idle.find(), "the page says the idle timeout in force");
            assertEquals("30", idle.group(1), "the container's session lasts 30 idle minutes (web.xml, read back from the session)");
            String stolen = cookie.split(";")[0];
            String stolenToken = csrf(get(olgaAgain, gateway, "/console/").body());
            assertEquals(200, getWithCookie(gateway, "/console/", stolen).statusCode(), "the cookie alone is the session");
            assertEquals(303, post(olgaAgain, gateway, "/console/logout", Map.of("_csrf", stolenToken)).statusCode());
            HttpResponse<String> afterLogout = getWithCookie(gateway, "/console/cases/" + caseId, stolen);
            assertTrue(afterLogout.statusCode() == 302 || afterLogout.statusCode() == 303, "after sign-out the old cookie is nobody: "
                    + afterLogout.statusCode());
            assertTrue(afterLogout.headers().firstValue("Location").orElseThrow().contains("/console/login"));
            assertFalse(afterLogout.body().contains("petrov-family"));
            int refused = postWithCookie(gateway, "/console/cases/" + caseId + "/note", stolen, Map.of("_csrf", stolenToken, "note", "after logout"))
                    .statusCode();
            assertTrue(refused == 401 || refused == 403, "a form with the old cookie and its token: refused (" + refused + ")");
            assertFalse(get(olgaHttp, gateway, "/console/cases/" + caseId).body().contains("after logout"));

            // Olga authorizes the sender: his held message reaches the helpdesk
            web.get(link.group());
            // what our mail server verified, in words, and the companies the evidence points to, each with its own button
            assertFalse(web.findElements(By.cssSelector("p.verdict")).isEmpty(), "the verification verdict in words");
            assertFalse(web.findElements(By.cssSelector("table.candidates form[action$='/authorize'] button")).isEmpty(), web.getPageSource());
            web.findElement(By.id("note-ok")).sendKeys("Позвонила Анне Петровой, она подтвердила");
            web.findElement(By.xpath("//form[.//textarea[@id='note-ok']]//button")).click();
            waitFor(web, 10).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                    "Resolved"));
            browser.screenshot("06-case-resolved");
            byte[] forwarded = Mailboxes.await(smtp, "helpdesk@frontdesk.test", 1, 30).get(0);
            assertEquals("<ceo-1@petrov-family.example>", Mails.parse(forwarded).getMessageID(), "his held message, intact");
            Browser.signOut(web);

            // Staff management by the administrator: Boris disabled ends his open session at its next request and he cannot
            // sign in; enabled again, he can; he cannot change roles himself; his own password he changes with the current one
            HttpClient adminHttp = client();
            assertEquals(303, login(adminHttp, gateway, ADMIN, ADMIN_PASSWORD).statusCode());
            String staffPage = get(adminHttp, gateway, "/console/staff").body();
            Matcher borisRow = Pattern.compile(Pattern.quote(BORIS) + "</td>.*?/console/staff/(\\d+)/roles", Pattern.DOTALL).matcher(staffPage);
            assertTrue(borisRow.find(), staffPage);
            String borisId = borisRow.group(1);
            String adminToken = csrf(staffPage);
            String borisToken = csrf(get(boris, gateway, "/console/").body());
            assertEquals(404, post(boris, gateway, "/console/staff/" + borisId + "/roles", Map.of("_csrf", borisToken, "role", "admin")).statusCode(),
                    "a manager cannot give himself roles");
            assertEquals(403, post(adminHttp, gateway, "/console/staff/" + borisId + "/disable", Map.of()).statusCode(), "CSRF-protected");
            assertEquals(303, post(adminHttp, gateway, "/console/staff/" + borisId + "/disable", Map.of("_csrf", adminToken)).statusCode());
            HttpResponse<String> borisNext = get(boris, gateway, "/console/");
            assertEquals(303, borisNext.statusCode(), "his open session ends at its next request");
            assertTrue(borisNext.headers().firstValue("Location").orElseThrow().contains("/console/login"));
            assertEquals(401, login(client(), gateway, BORIS, PASSWORD).statusCode(), "disabled: no sign-in");
            assertEquals(303, post(adminHttp, gateway, "/console/staff/" + borisId + "/enable", Map.of("_csrf", adminToken)).statusCode());
            HttpClient borisAgain = client();
            assertEquals(303, login(borisAgain, gateway, BORIS, PASSWORD).statusCode(), "enabled again");
            HttpClient borisPhone = client();
            assertEquals(303, login(borisPhone, gateway, BORIS, PASSWORD).statusCode(), "a second session of his");
            String own = get(borisAgain, gateway, "/console/password").body();
            assertEquals(303, post(borisAgain, gateway, "/console/password", Map.of("_csrf", csrf(own), "current", "not-his",
                    "password", "boris-new-password-1")).statusCode());
            assertTrue(get(borisAgain, gateway, "/console/password?problem=wrongPassword").body().contains("did not match"));
            assertEquals(303, post(borisAgain, gateway, "/console/password", Map.of("_csrf", csrf(own), "current", PASSWORD,
                    "password", "boris-new-password-1")).statusCode());
            assertEquals(401, login(client(), gateway, BORIS, PASSWORD).statusCode(), "the old password no longer works");
            assertEquals(200, get(borisAgain, gateway, "/console/").statusCode(), "the session that changed it goes on");
            HttpResponse<String> phoneNext = get(borisPhone, gateway, "/console/");
            assertEquals(303, phoneNext.statusCode(), "his other session ends at its next request");
            assertTrue(phoneNext.headers().firstValue("Location").orElseThrow().contains("/console/login"));
            HttpResponse<String> reset = post(adminHttp, gateway, "/console/staff/" + borisId + "/password", Map.of("_csrf", adminToken, "password", ""));
            assertEquals(200, reset.statusCode());
            Matcher shown = Pattern.compile("<code>([^<]{20,})</code>").matcher(reset.body());
            assertTrue(shown.find(), "a generated password, shown once: " + reset.body());
            assertEquals(303, login(client(), gateway, BORIS, shown.group(1)).statusCode(), "the generated password signs him in");
            assertEquals(303, get(borisAgain, gateway, "/console/").statusCode(), "the administrator's reset ended his session too");
            assertEquals(200, post(adminHttp, gateway, "/console/staff/" + borisId + "/password",
                    Map.of("_csrf", adminToken, "password", PASSWORD)).statusCode(), "and back to the one the test knows");

            // Five wrong passwords for Boris; the sixth attempt is refused even with the right one
            for (int i = 0; i < 5; i++) {
                web.get(gateway.url() + "/console/login");
                signIn(web, BORIS, "wrong-password-" + i);
                assertTrue(web.getPageSource().contains("did not match"), web.getPageSource());
            }
            web.get(gateway.url() + "/console/login");
            signIn(web, BORIS, PASSWORD);
            assertTrue(web.getPageSource().contains("Too many failed attempts"), web.getPageSource());
            browser.screenshot("07-throttled");
        } finally {
            smtp.stop();
            TestDatabases.sql(TestDatabases.PG_URL, "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        }
    }

    /**
     * Behind https (FRONTDESK_PUBLIC_URL names it; a proxy ends TLS in front of us) the session cookie is Secure too, so it
     * never travels in clear. Read from the Set-Cookie header: a cookie jar would not send a Secure cookie back over the
     * test's plain http, which is the point of the attribute.
     */
    @Test
    void behindHttpsTheSessionCookieIsSecure() throws Exception {
        int port = GatewayProcess.freePort();
        try (GatewayProcess gateway = new GatewayProcess(GatewayProcess.fresh(Path.of("target/e2e/console-https")), Map.of(
                "FRONTDESK_PUBLIC_URL", "https://console.frontdesk.test",
                "FRONTDESK_ADMIN_ADDRESS", ADMIN,
                "FRONTDESK_ADMIN_PASSWORD", ADMIN_PASSWORD), port).start()) {
            HttpResponse<String> form = get(client(), gateway, "/console/login");
            String cookie = sessionCookie(form).orElseThrow(() -> new AssertionError("the login page starts a session: " + form.headers().map()));
            assertTrue(cookieAttributes(cookie).containsAll(Set.of("secure", "httponly", "samesite=strict", "path=/console")), cookie);
        }
    }

    /** A console page's headers and markup: our scripts only, from our origin, none written into the page. */
    private static void assertSafePage(HttpResponse<String> page) {
        String where = page.uri().getPath();
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow(() -> new AssertionError("no CSP on " + where));
        assertTrue(csp.contains("script-src 'self'") && csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"),
                where + ": " + csp);
        assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval") || csp.contains("*"), where + ": " + csp);
        assertFalse(Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>", Pattern.CASE_INSENSITIVE).matcher(page.body()).find(),
                where + " has an inline script");
        assertFalse(Pattern.compile("<[^>]+\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(page.body()).find(),
                where + " has an inline event handler");
    }

    /** The id of the message held in a case, read from the database (no page shows a manager the message's id). */
    private static long heldMessageOf(String dbUrl, long caseId) throws Exception {
        try (var c = java.sql.DriverManager.getConnection(dbUrl, TestDatabases.PG_USER, "");
             var st = c.prepareStatement("SELECT id FROM inbound_message WHERE case_id = ? AND state = 'HELD'")) {
            st.setLong(1, caseId);
            try (var rs = st.executeQuery()) {
                assertTrue(rs.next(), "a held message in case " + caseId);
                return rs.getLong(1);
            }
        }
    }

    private static void addManager(WebDriver web, String email, String name) {
        web.findElement(By.id("email")).sendKeys(email);
        web.findElement(By.id("name")).sendKeys(name);
        web.findElement(By.id("password")).sendKeys(PASSWORD);
        web.findElement(By.cssSelector("form[action='/console/staff'] button")).click();
        waitFor(web, 10).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("table"), email));
    }

    /**
     * A wait that looks again when the page changed under it: a form's answer replaces the page between finding an
     * element and reading its text, and Chrome then reports "Node with given id does not belong to the document" as a
     * plain WebDriverException, which ExpectedConditions does not treat as stale (CI, 2026-11-29).
     */
    private static WebDriverWait waitFor(org.openqa.selenium.WebDriver web, int seconds) {
        WebDriverWait wait = new WebDriverWait(web, java.time.Duration.ofSeconds(seconds));
        wait.ignoring(org.openqa.selenium.WebDriverException.class);
        return wait;
    }
}
