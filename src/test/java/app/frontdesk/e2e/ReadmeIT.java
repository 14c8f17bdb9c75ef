package app.frontdesk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.testkit.GatewayProcess;
import app.frontdesk.testkit.Mails;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * README's "Try it", run as a new user runs it (issue 13, item 3): the packaged gateway on its demo
 * start, README's shell blocks run by bash in the gateway's working directory, and every id, file
 * and answer README names checked against what happened. README cannot drift again.
 */
class ReadmeIT {

    @Test
    void tryItWorksAsWritten() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String tryIt = readme.substring(readme.indexOf("## Try it"), readme.indexOf("\n## ", readme.indexOf("## Try it") + 5));
        List<String> blocks = new ArrayList<>();
        Matcher code = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL).matcher(tryIt);
        while (code.find()) {
            blocks.add(code.group(1));
        }
        assertEquals(3, blocks.size(), "start, the known contact, the CEO");
        assertEquals("java -jar target/frontdesk.jar --port 8080", blocks.get(0).strip(), "the test starts the gateway as README does");

        Path dir = GatewayProcess.fresh(Path.of("target/e2e/readme")).toAbsolutePath();
        Files.createDirectories(dir);
        Files.createSymbolicLink(dir.resolve("target"), Path.of("target").toAbsolutePath());
        // as a new user starts it: no tokens, no trusted authserv-id given, demo data on its own
        try (GatewayProcess gateway = new GatewayProcess(dir, Map.of("FRONTDESK_MTA_TOKEN", "", "FRONTDESK_ADMIN_TOKEN", "", "FRONTDESK_HELPDESK_ADDRESS", "",
                "FRONTDESK_TRUSTED_AUTHSERV_IDS", "")).start()) {
            String known = run(dir, blocks.get(1).replace("http://127.0.0.1:8080", gateway.url()));
            String duplicate = group(tryIt, "# (\\{\"id\":\\d+,\"status\":\"duplicate\"\\})");
            assertTrue(known.contains("exit 0"), known);
            assertTrue(known.contains(duplicate), "README promises " + duplicate + ":\n" + known);
            String inbound = group(duplicate, "\"id\":(\\d+)");
            assertEquals(inbound, group(tryIt, "/api/inbound/(\\d+)"));
            String account = group(tryIt, "\\(account (\\d+)\\)");
            assertTrue(known.contains("\"route\":\"HELPDESK\"") && known.contains("\"state\":\"ROUTED\"")
                    && known.contains("\"accountId\":" + account), known);
            byte[] forward = outbox(dir, group(tryIt, "`data/outbox/outbox-(\\d+)\\.eml` is the\\s+forward"));
            assertTrue(Mails.header(forward, "X-Frontdesk-Inbound-Id").contains(inbound), "the forward of message " + inbound);

            // the same shell as before: what the first block set (FRONTDESK_URL, AR) is still set
            String shellState = blocks.get(1).lines().filter(l -> l.startsWith("export ") || l.matches("^[A-Z_]+=.*"))
                    .map(l -> l.replace("http://127.0.0.1:8080", gateway.url())).reduce("", (a, b) -> a + b + "\n");
            String ceo = run(dir, shellState + blocks.get(2));
            String caseId = group(tryIt, "# case (\\d+), AWAITING_AUTHORIZATION");
            assertTrue(ceo.contains("\"id\":" + caseId) && ceo.contains("\"state\":\"AWAITING_AUTHORIZATION\""), ceo);
            Matcher files = Pattern.compile("# (\\d+) the explanation to Ivan, (\\d+) and (\\d+) a request to each of Romashka's two"
                    + " contacts, (\\d+) the alert to its manager").matcher(tryIt);
            assertTrue(files.find(), "README lists the outbox");
            assertEquals("ceo@romashka.example", Mails.header(outbox(dir, files.group(1)), "To"));
            assertEquals("anna.petrova@romashka.example", Mails.header(outbox(dir, files.group(2)), "To"));
            assertEquals("accounts@romashka.example", Mails.header(outbox(dir, files.group(3)), "To"));
            assertTrue(Mails.header(outbox(dir, files.group(4)), "To").startsWith("olga"), "the demo account's manager");
            assertTrue(ceo.contains(String.join("\n", List.of("outbox-" + inbound + ".eml", "outbox-" + files.group(1) + ".eml"))), ceo);

            // the request to Anna: its first link, pressed, authorizes Ivan and forwards his message
            byte[] request = outbox(dir, group(tryIt, "request to Anna \\(`outbox-(\\d+)\\.eml`\\)"));
            String token = Mails.linkTokens(Mails.text(request)).get(0);
            HttpClient http = HttpClient.newHttpClient();
            var pressed = http.send(HttpRequest.newBuilder(URI.create(gateway.url() + "/api/links/" + token))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, pressed.statusCode(), pressed.body());
            String forwardedFile = group(tryIt, "to the helpdesk \\(`outbox-(\\d+)\\.eml`\\)");
            Path forwarded = dir.resolve("data/outbox/outbox-" + forwardedFile + ".eml");
            for (int i = 0; i < 100 && !Files.exists(forwarded); i++) {
                Thread.sleep(100);
            }
            assertTrue(Mails.header(Files.readAllBytes(forwarded), "From").contains("ceo@romashka.example"), "Ivan's message, forwarded");

            // the manager's API alternative names the same case and account, and after the link answers 409
            Matcher resolve = Pattern.compile("(curl -H \"Authorization: Bearer \\$\\(cat data/secrets/admin.token\\)\".*?/resolve)`",
                    Pattern.DOTALL).matcher(tryIt);
            assertTrue(resolve.find());
            assertTrue(resolve.group(1).contains("\"authorizeForAccount\": " + account + "}") && resolve.group(1).endsWith("/api/cases/" + caseId
                    + "/resolve"), resolve.group(1));
            String answer = run(dir, "export FRONTDESK_URL=" + gateway.url() + "\n" + resolve.group(1).replace("\n", " ")
                    .replace("curl -H", "curl -s -o /dev/null -w '%{http_code}' -H") + "\n");
            assertEquals("409", answer.strip(), "README says: after the link it answers 409");

            // the console, as README tells a new user: the printed password, the alert's link to the case's page
            String admin = group(tryIt, "sign in as\\s+`([^`]+)` \\(the administrator");
            String password = Files.readString(dir.resolve(group(tryIt, "\\(also in `(data/secrets/[a-z-]+)`\\)"))).strip();
            assertTrue(gateway.log().contains("with the password " + password), "the first start printed it");
            String casePage = group(tryIt, "links to the case's page, `(/console/cases/\\d+)`");
            assertTrue(Mails.text(outbox(dir, group(tryIt, "The manager's alert \\(`outbox-(\\d+)\\.eml`\\)"))).contains(gateway.url() + casePage),
                    "the alert links to " + casePage);
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            String login = browser.send(HttpRequest.newBuilder(URI.create(gateway.url() + "/console/login")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            String csrf = group(login, "name=\"_csrf\" value=\"([^\"]+)\"");
            var signedIn = browser.send(HttpRequest.newBuilder(URI.create(gateway.url() + "/console/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + java.net.URLEncoder.encode(csrf, "UTF-8") + "&email="
                            + java.net.URLEncoder.encode(admin, "UTF-8") + "&password=" + java.net.URLEncoder.encode(password, "UTF-8")
                            + "&next=" + java.net.URLEncoder.encode(casePage, "UTF-8"))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, signedIn.statusCode(), "signed in and sent on to the case: " + signedIn.body());
            assertTrue(signedIn.body().contains("ceo@romashka.example"), signedIn.body());

            // docs/dunning.md's example, in the same shell set-up: the payment order holds the suspension notice
            String dunningDoc = Files.readString(Path.of("docs/dunning.md"));
            Matcher block = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL).matcher(dunningDoc);
            assertTrue(block.find(), "docs/dunning.md has its example");
            String dunning = run(dir, "export FRONTDESK_URL=" + gateway.url() + "\n" + block.group(1));
            assertTrue(dunning.contains("{\"verdict\":\"HOLD\""), dunning);
            assertTrue(dunning.contains("{\"code\":\"PAYMENT_EVIDENCE\",\"message\":\"The customer sent a payment order No. 118 dated"),
                    "as docs/dunning.md shows it:\n" + dunning);
        }
    }

    private static byte[] outbox(Path dir, String id) throws Exception {
        Path file = dir.resolve("data/outbox/outbox-" + id + ".eml");
        for (int i = 0; i < 100 && !Files.exists(file); i++) {
            Thread.sleep(100);
        }
        return Files.readAllBytes(file);
    }

    private static String group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "README should contain " + regex);
        return m.group(1);
    }

    private static String run(Path dir, String script) throws Exception {
        Process p = new ProcessBuilder("bash", "-e", "-c", script).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the block ended");
        assertEquals(0, p.exitValue(), "README's block failed:\n" + script + "\n---\n" + out);
        return out;
    }
}
