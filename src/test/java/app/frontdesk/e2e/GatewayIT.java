package app.frontdesk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.testkit.Corpus;
import app.frontdesk.testkit.GatewayProcess;
import app.frontdesk.testkit.TestMail;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One gateway started from target/frontdesk.jar on its embedded H2, sending through GreenMail;
 * mail handed in through target/frontdesk-pipe as Postfix would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayIT {

    private GreenMail smtp;
    private GatewayProcess gateway;

    @BeforeAll
    void start() throws Exception {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
        smtp.start();
        gateway = new GatewayProcess(GatewayProcess.fresh(Path.of("target/e2e/gateway-it")), Map.of(
                "FRONTDESK_SMTP_HOST", "127.0.0.1",
                "FRONTDESK_SMTP_PORT", String.valueOf(smtp.getSmtp().getPort()),
                "FRONTDESK_DEMO_DATA", "true")).start();
    }

    @AfterAll
    void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        smtp.stop();
    }

    static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    JsonObject status(long id) throws Exception {
        var r = gateway.get("/api/inbound/" + id, GatewayProcess.MTA_TOKEN);
        assertEquals(200, r.statusCode(), r.body());
        return json(r.body());
    }

    /** Waits until the message has left RECEIVED. */
    JsonObject decided(long id) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        JsonObject s = status(id);
        while (System.currentTimeMillis() < deadline && s.getString("state").equals("RECEIVED")) {
            Thread.sleep(100);
            s = status(id);
        }
        return s;
    }

    /** Waits until the message has left RECEIVED and its outbox mails are no longer pending. */
    JsonObject settled(long id) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        JsonObject s = status(id);
        while (System.currentTimeMillis() < deadline) {
            s = status(id);
            boolean pending = s.getJsonArray("outbox").stream().anyMatch(o -> o.asJsonObject().getString("state").equals("PENDING"));
            if (!s.getString("state").equals("RECEIVED") && !pending) {
                return s;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("message " + id + " did not settle: " + s);
    }

    static long idOf(String body) {
        return json(body).getJsonNumber("id").longValue();
    }

    long pipeAndGetId(byte[] message, String... args) throws Exception {
        var result = gateway.pipe(message, args);
        assertEquals(0, result.exitCode(), result.output());
        var r = gateway.post("/api/inbound", GatewayProcess.MTA_TOKEN, "message/rfc822", message);
        assertEquals(202, r.statusCode());
        assertEquals("duplicate", json(r.body()).getString("status"), "the pipe stored it first");
        return idOf(r.body());
    }

    List<MimeMessage> receivedWithMessageId(String messageId) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (messageId.equals(m.getMessageID())) {
                found.add(m);
            }
        }
        return found;
    }

    @Test
    void knownContactsMailPipedInArrivesAtTheHelpdeskOnceEvenWhenPipedTwice() throws Exception {
        byte[] mail = TestMail.from("Anna Petrova <anna.petrova@romashka.example>").messageId("<e2e-known@romashka.example>")
                .subject("Invoice 2026-118").bytes();
        long id = pipeAndGetId(mail, "--sender", "anna.petrova@romashka.example", "--recipient", "support@frontdesk.test");
        assertEquals(0, gateway.pipe(mail).exitCode(), "a second delivery is answered as stored");
        JsonObject s = settled(id);
        assertEquals("ROUTED", s.getString("state"));
        assertEquals("HELPDESK", s.getString("route"));
        assertFalse(s.isNull("accountId"));
        assertEquals("anna.petrova@romashka.example", s.getString("envelopeSender"));

        Thread.sleep(1500); // a duplicate forward, if there were one, would arrive by now
        List<MimeMessage> got = receivedWithMessageId("<e2e-known@romashka.example>");
        assertEquals(1, got.size(), "forwarded exactly once");
        MimeMessage m = got.get(0);
        assertEquals("Invoice 2026-118", m.getSubject());
        assertEquals(String.valueOf(s.getJsonNumber("accountId").longValue()), m.getHeader("X-Frontdesk-Account", null));
        assertTrue(app.frontdesk.testkit.Mailboxes.count(smtp, "helpdesk@frontdesk.test") >= 1, "delivered to the helpdesk address");
    }

    @Test
    void aPaymentOrderRecordedByAManagerHoldsANoticeThroughTheApi() throws Exception {
        var accounts = Json.createReader(new StringReader(gateway.get("/api/accounts", GatewayProcess.ADMIN_TOKEN).body())).readArray();
        long northwind = accounts.stream().map(v -> v.asJsonObject()).filter(a -> a.getString("name").equals("Northwind Traders"))
                .findFirst().orElseThrow().getJsonNumber("id").longValue();
        var invoice = gateway.post("/api/invoices", GatewayProcess.ADMIN_TOKEN, "application/json", ("{\"number\": \"NW-1\", \"accountId\": "
                + northwind + ", \"amount\": \"99.50\", \"currency\": \"EUR\", \"issueDate\": \"2026-11-01\", \"dueDate\": \"2026-11-10\"}")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(200, invoice.statusCode(), invoice.body());
        var order = gateway.post("/api/accounts/" + northwind + "/payment-evidence", GatewayProcess.ADMIN_TOKEN, "application/json",
                ("{\"number\": \"77\", \"date\": \"" + java.time.LocalDate.now() + "\", \"amount\": \"99.50\", \"currency\": \"EUR\"}")
                        .getBytes(StandardCharsets.UTF_8));
        assertEquals(200, order.statusCode(), order.body());
        var check = gateway.post("/api/notices/check", GatewayProcess.ADMIN_TOKEN, "application/json", ("{\"accountId\": " + northwind
                + ", \"kind\": \"REMINDER\", \"invoices\": [\"NW-1\"], \"amount\": \"99.50\", \"currency\": \"EUR\"}")
                .getBytes(StandardCharsets.UTF_8));
        JsonObject answer = json(check.body());
        assertEquals("HOLD", answer.getString("verdict"), answer.toString());
        assertEquals("PAYMENT_EVIDENCE", answer.getJsonArray("reasons").getJsonObject(0).getString("code"));
        assertTrue(answer.containsKey("holdUntil"));
        // submitted for real, it is held, and the list of held notices shows it (GET /api/notices answered 405 before)
        var submitted = json(gateway.post("/api/notices", GatewayProcess.ADMIN_TOKEN, "application/json", ("{\"accountId\": " + northwind
                + ", \"kind\": \"REMINDER\", \"invoices\": [\"NW-1\"], \"amount\": \"99.50\", \"currency\": \"EUR\", \"mail\":"
                + " {\"to\": [\"billing@northwind.example\"], \"subject\": \"Reminder NW-1\", \"body\": \"Please pay NW-1.\"}}")
                .getBytes(StandardCharsets.UTF_8)).body());
        assertEquals("HELD", submitted.getString("state"), submitted.toString());
        var held = gateway.get("/api/notices", GatewayProcess.ADMIN_TOKEN);
        assertEquals(200, held.statusCode(), held.body());
        assertTrue(held.body().contains("\"id\":" + submitted.getJsonNumber("noticeId").longValue()) && held.body().contains("Reminder NW-1"),
                held.body());
        assertEquals(400, gateway.get("/api/notices?state=LOST", GatewayProcess.ADMIN_TOKEN).statusCode());
        var bad = gateway.post("/api/notices/check", GatewayProcess.ADMIN_TOKEN, "application/json",
                "{\"accountId\": 1, \"kind\": \"REMINDER\", \"amount\": \"1.005\", \"currency\": \"EUR\"}".getBytes());
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("more decimals than EUR"), bad.body());
    }

    @Test
    void wordingChecksADraftThroughTheApi() throws Exception {
        var r = gateway.post("/api/wording/check", GatewayProcess.ADMIN_TOKEN, "application/json",
                "{\"text\": \"Все мы совершаем ошибки. Мы аннулировали ваш долг.\", \"purpose\": \"recovery\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), r.body());
        JsonObject answer = json(r.body());
        assertEquals("ru", answer.getString("language"));
        List<String> rules = answer.getJsonArray("findings").stream().map(v -> v.asJsonObject().getString("rule")).toList();
        assertTrue(rules.contains("philosophy") && rules.contains("debt") && rules.contains("compensation"), rules.toString());
        assertEquals(400, gateway.post("/api/wording/check", GatewayProcess.ADMIN_TOKEN, "application/json", "{}".getBytes()).statusCode());

        // bodies have caps: a 10 MB draft is refused before it is read (it burned a core for over 20 minutes; the client
        // waits for "100 Continue", so it never sends the body), and a chunked one as soon as it passes the cap
        byte[] huge = ("{\"text\": \"" + "слово ".repeat(1_000_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        var http = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        var declared = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(gateway.url() + "/api/wording/check"))
                .header("Authorization", "Bearer " + GatewayProcess.ADMIN_TOKEN).header("Content-Type", "application/json")
                .expectContinue(true).POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(huge)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(413, declared.statusCode(), declared.body());
        assertTrue(declared.body().contains("larger than this endpoint takes"), declared.body());
        byte[] overCap = ("{\"text\": \"" + "слово ".repeat(12_000) + "\"}").getBytes(StandardCharsets.UTF_8); // 144 KB
        var chunked = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(gateway.url() + "/api/wording/check"))
                .header("Authorization", "Bearer " + GatewayProcess.ADMIN_TOKEN).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(overCap))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(413, chunked.statusCode(), chunked.body());
        StringBuilder payments = new StringBuilder("[");
        for (int i = 0; i <= 1000; i++) {
            payments.append(i == 0 ? "" : ",").append("{\"id\":\"cap-").append(i).append("\",\"amount\":\"1.00\",\"currency\":\"RUB\"}");
        }
        var tooMany = gateway.post("/api/payments", GatewayProcess.ADMIN_TOKEN, "application/json", payments.append("]").toString().getBytes());
        assertEquals(413, tooMany.statusCode(), tooMany.body());
        assertTrue(tooMany.body().contains("at most 1000 records per request (1001 sent)"), tooMany.body());
    }

    @Test
    void poisonMessagesFromAnySenderAreDecidedAndTheGatewayStaysReadyAndWorking() throws Exception {
        // the review's two killers: 1.7 MB of nested message/rfc822 parts and 3.7 MB of nested multiparts
        long messages = pipeAndGetId(app.frontdesk.testkit.HostileMail.nestedMessages("stranger@evil.example", 50_000));
        long multiparts = pipeAndGetId(app.frontdesk.testkit.HostileMail.nestedMultiparts("stranger@evil.example", 50_000));
        long fields = pipeAndGetId(app.frontdesk.testkit.HostileMail.manyHeaderFields("stranger@evil.example", 1_000_000));
        long after = pipeAndGetId(TestMail.from("anna.petrova@romashka.example").subject("after the poison").bytes());
        for (long id : new long[] {messages, multiparts, fields}) {
            // decided, not settled: GreenMail itself parses the alert that carries the message, and overflows on it
            JsonObject s = decided(id);
            assertEquals("HELD", s.getString("state"), s.toString());
            assertTrue(s.getString("reason").startsWith("unknown sender"), s.toString());
        }
        assertEquals("ROUTED", decided(after).getString("state"));
        var ready = gateway.get("/health/ready", null);
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().matches("(?s).*\"pipelineWorkers\":\"?2\"?[,}].*"), ready.body()); // Payara writes data values as strings
    }

    @Test
    void linkPagesAnswerAMalformedAcceptLanguageAndCarryTheirSecurityHeaders() throws Exception {
        for (String header : List.of("ru;q=abc,,", "%%%", "en-US;q=0.5, ru;q=1.5")) {
            var page = gateway.get("/api/links/not-a-token", null, Map.of("Accept-Language", header));
            assertEquals(200, page.statusCode(), header + ": " + page.body());
            assertTrue(page.body().contains("<html"), page.body());
            assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
            assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"),
                    page.headers().map().toString());
        }
        assertTrue(gateway.get("/api/links/not-a-token", null, Map.of("Accept-Language", "ru-RU,ru;q=0.9")).body()
                .contains("lang=\"ru\""), "a good header still chooses the language");
    }

    @Test
    void unknownSenderIsHeldWithTheReasonVisibleThroughTheApi() throws Exception {
        long id = pipeAndGetId(TestMail.from("ceo@romashka.example").subject("Suspension notice?").bytes());
        JsonObject s = settled(id);
        assertEquals("HELD", s.getString("state"));
        assertEquals("UNKNOWN_SENDER", s.getString("route"));
        assertTrue(s.getString("reason").startsWith("unknown sender"), s.toString());
        // Verified domain of the demo account Romashka (two contacts): an explanation, two requests, one alert.
        List<String> kinds = s.getJsonArray("outbox").stream().map(v -> v.asJsonObject().getString("kind")).sorted().toList();
        assertEquals(List.of("AUTHORIZATION_REQUEST", "AUTHORIZATION_REQUEST", "MANAGER_ALERT", "SENDER_REPLY"), kinds, s.toString());

        // The case through the admin API: the MTA token may not see it; a rejection needs a note
        long caseId = s.getJsonNumber("caseId").longValue();
        assertEquals(401, gateway.get("/api/cases/" + caseId, GatewayProcess.MTA_TOKEN).statusCode());
        var noNote = gateway.post("/api/cases/" + caseId + "/reject", GatewayProcess.ADMIN_TOKEN, "application/json", "{}".getBytes());
        assertEquals(400, noNote.statusCode(), noNote.body());
        var rejected = gateway.post("/api/cases/" + caseId + "/reject", GatewayProcess.ADMIN_TOKEN, "application/json",
                "{\"note\": \"Anna says he left the company\", \"actor\": \"olga\"}".getBytes());
        assertEquals(200, rejected.statusCode(), rejected.body());
        assertEquals("REJECTED", json(rejected.body()).getString("state"));
        var again = gateway.post("/api/cases/" + caseId + "/reject", GatewayProcess.ADMIN_TOKEN, "application/json",
                "{\"note\": \"twice\"}".getBytes());
        assertEquals(409, again.statusCode(), again.body());
    }

    @Test
    void promisesAreTasksAndTheRecoveryMailIsSentThroughTheApi() throws Exception {
        // a stranger of Northwind's: the answer promised to him is the manager's task
        long id = pipeAndGetId(TestMail.from("cto@northwind.example").subject("Contract question").bytes());
        assertEquals("HELD", settled(id).getString("state"));
        var listed = gateway.get("/api/tasks?assignee=peter.brown@frontdesk.localhost&state=OPEN", GatewayProcess.ADMIN_TOKEN);
        assertEquals(200, listed.statusCode(), listed.body());
        JsonObject task = Json.createReader(new StringReader(listed.body())).readArray().stream().map(v -> v.asJsonObject())
                .filter(t -> t.getString("promisedTo", "").equals("cto@northwind.example")).findFirst().orElseThrow();
        assertEquals("ANSWER", task.getString("kind"));
        assertTrue(task.getString("caseReference").startsWith("FD-") && task.containsKey("dueAt"), task.toString());
        assertEquals(400, gateway.get("/api/tasks?state=LATE", GatewayProcess.ADMIN_TOKEN).statusCode());
        assertEquals(401, gateway.get("/api/tasks", GatewayProcess.MTA_TOKEN).statusCode());
        String done = "/api/tasks/" + task.getJsonNumber("id").longValue() + "/done";
        assertEquals(400, gateway.post(done, GatewayProcess.ADMIN_TOKEN, "application/json", "{}".getBytes()).statusCode());
        var marked = gateway.post(done, GatewayProcess.ADMIN_TOKEN, "application/json", "{\"note\": \"called him\", \"actor\": \"peter\"}".getBytes());
        assertEquals(200, marked.statusCode(), marked.body());
        assertEquals("DONE", json(marked.body()).getString("state"));
        assertEquals(409, gateway.post(done, GatewayProcess.ADMIN_TOKEN, "application/json", "{\"note\": \"again\"}".getBytes()).statusCode());
        assertEquals(404, gateway.post("/api/tasks/987654/done", GatewayProcess.ADMIN_TOKEN, "application/json", "{\"note\": \"x\"}".getBytes())
                .statusCode());

        // the recovery mail: refused while it blames, sent with a configured offer
        var accounts = Json.createReader(new StringReader(gateway.get("/api/accounts", GatewayProcess.ADMIN_TOKEN).body())).readArray();
        long northwind = accounts.stream().map(v -> v.asJsonObject()).filter(a -> a.getString("name").equals("Northwind Traders"))
                .findFirst().orElseThrow().getJsonNumber("id").longValue();
        String recovery = "/api/accounts/" + northwind + "/recovery";
        String words = "\"mistake\": \"We sent you a reminder for an invoice you had paid the day before\", \"fixed\": \"the reminder is"
                + " withdrawn\", \"change\": \"reminders now wait for the previous day's bank statement\"";
        assertEquals(404, gateway.post("/api/accounts/987654/recovery", GatewayProcess.ADMIN_TOKEN, "application/json",
                ("{\"offer\": \"discount\", " + words + "}").getBytes(StandardCharsets.UTF_8)).statusCode());
        var noOffer = gateway.post(recovery, GatewayProcess.ADMIN_TOKEN, "application/json", ("{\"offer\": \"a hug\", " + words + "}")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(400, noOffer.statusCode(), noOffer.body());
        assertTrue(noOffer.body().contains("free-month"), "names the offers: " + noOffer.body());
        var blaming = gateway.post(recovery, GatewayProcess.ADMIN_TOKEN, "application/json", ("{\"offer\": \"discount\", \"mistake\":"
                + " \"we reminded you of your outstanding balance\", \"fixed\": \"done\", \"change\": \"nothing\", \"language\": \"en\"}")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(422, blaming.statusCode(), blaming.body());
        assertTrue(blaming.body().contains("\"rule\":\"debt\""), blaming.body());
        var sent = gateway.post(recovery, GatewayProcess.ADMIN_TOKEN, "application/json", ("{\"offer\": \"discount\", " + words
                + ", \"language\": \"en\", \"actor\": \"peter\"}").getBytes(StandardCharsets.UTF_8));
        assertEquals(200, sent.statusCode(), sent.body());
        JsonObject answer = json(sent.body());
        assertEquals("john.doe@northwind.example", answer.getJsonArray("to").getString(0));
        assertTrue(answer.containsKey("callTask") && answer.containsKey("callDue"), answer.toString());
    }

    @Test
    void aBodyThatIsRecognisablyNotMailIsRefusedWith415AndBrokenMailIsStillKept() throws Exception {
        var json = gateway.post("/api/inbound", GatewayProcess.MTA_TOKEN, "application/json",
                "{\"from\": \"anna@romashka.example\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(415, json.statusCode(), json.body());
        assertTrue(json.body().contains("message/rfc822"), json.body());
        var broken = gateway.post("/api/inbound", GatewayProcess.MTA_TOKEN, "message/rfc822",
                "no header at all, but a mail server handed it over\r\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(202, broken.statusCode(), broken.body());
    }

    @Test
    void pipeExitsTempfailOnAWrongTokenAndPermanentlyOnlyForAnOversizedMessage() throws Exception {
        var wrongToken = gateway.pipe(TestMail.from("x@y.example").bytes(), "--token", "wrong");
        assertEquals(75, wrongToken.exitCode(), wrongToken.output());
        assertTrue(wrongToken.output().startsWith("4."), wrongToken.output());
        // the mail server only defers: the administrator is told, and readiness warns (nobody was, before)
        assertTrue(gateway.get("/health/ready", null).body().contains("refused for a wrong or missing token"));
        boolean alerted = false;
        for (int i = 0; i < 100 && !alerted; i++) {
            alerted = java.util.Arrays.stream(smtp.getReceivedMessages()).anyMatch(m -> {
                try {
                    return m.getSubject().contains("Deliveries refused: wrong token");
                } catch (jakarta.mail.MessagingException e) {
                    return false;
                }
            });
            Thread.sleep(100);
        }
        assertTrue(alerted, "the administrator's alert");

        byte[] huge = new byte[25 * 1024 * 1024 + 10];
        Arrays.fill(huge, (byte) 'a');
        byte[] head = "From: x@y.example\r\nSubject: huge\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, huge, 0, head.length);
        var tooBig = gateway.pipe(huge);
        assertEquals(65, tooBig.exitCode(), tooBig.output());
        assertTrue(tooBig.output().startsWith("5.3.4 message too big"), tooBig.output());

        var noServer = GatewayProcess.runPipe("http://127.0.0.1:" + GatewayProcess.freePort(), TestMail.from("x@y.example").bytes());
        assertEquals(75, noServer.exitCode(), noServer.output());
    }

    @Test
    void adminApiCreatesAccountsAndRefusesBadInputWithAClearMessage() throws Exception {
        var created = gateway.post("/api/accounts", GatewayProcess.ADMIN_TOKEN, "application/json",
                ("{\"name\":\"Vector JSC\",\"domains\":[\"vector.example\"],\"contacts\":[{\"address\":\"cfo@vector.example\","
                        + "\"name\":\"CFO\",\"locale\":\"ru\"}],\"manager\":{\"name\":\"Olga\",\"address\":\"olga@frontdesk.test\"}}")
                        .getBytes(StandardCharsets.UTF_8));
        assertEquals(201, created.statusCode(), created.body());
        long account = idOf(created.body());
        var read = gateway.get("/api/accounts/" + account, GatewayProcess.ADMIN_TOKEN);
        assertTrue(read.body().contains("cfo@vector.example"), read.body());

        var badJson = gateway.post("/api/accounts", GatewayProcess.ADMIN_TOKEN, "application/json", "{\"name\":".getBytes());
        assertEquals(400, badJson.statusCode());
        assertTrue(badJson.body().contains("not valid JSON"), badJson.body());
        assertFalse(badJson.body().contains("at app.") || badJson.body().contains("Exception"), badJson.body());

        var csv = "account,domains,contact_address,contact_name,contact_locale,manager_name,manager_address\n"
                + "Delta,delta.example,a@delta.example,A,en,,\nEpsilon,eps.example,broken,B,en,,\n";
        var refused = gateway.post("/api/accounts/import", GatewayProcess.ADMIN_TOKEN, "text/csv", csv.getBytes());
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("\"line\":3"), refused.body());
        assertFalse(gateway.get("/api/accounts", GatewayProcess.ADMIN_TOKEN).body().contains("Delta"), "nothing imported half-way");

        // billing's files are refused the same way: every problem with its line, nothing stored or queued
        var payments = "external_id,amount,currency,booking_date,value_date,payer_inn,payer_account,purpose\n"
                + "gw-1,100.00,RUB,2026-11-20,2026-11-20,,,INV-1\ngw-2,100.005,RUB,2026-11-20,2026-11-20,,,INV-2\n";
        var badPayments = gateway.post("/api/payments/import", GatewayProcess.ADMIN_TOKEN, "text/csv", payments.getBytes());
        assertEquals(400, badPayments.statusCode(), badPayments.body());
        JsonObject paymentProblem = json(badPayments.body()).getJsonArray("problems").getJsonObject(0);
        assertEquals(3, paymentProblem.getInt("line"), badPayments.body());
        assertTrue(paymentProblem.getString("problem").contains("more decimals"), badPayments.body());
        assertFalse(gateway.get("/api/payments/unmatched", GatewayProcess.ADMIN_TOKEN).body().contains("gw-1"), "nothing imported half-way");
        for (String amount : List.of("1e400", "1e400000000", "1e-400000000")) {
            var huge = gateway.post("/api/payments", GatewayProcess.ADMIN_TOKEN, "application/json",
                    ("{\"id\":\"gw-huge\",\"amount\":" + amount + ",\"currency\":\"RUB\"}").getBytes());
            assertEquals(400, huge.statusCode(), amount + ": " + huge.body());
            assertTrue(huge.body().contains("record 1"), huge.body());
        }
        var notices = "account_id,kind,invoices,amount,currency,planned_at\n1,REMINDER,INV-1,100.00,RUB,\n1,SOMETIMES,INV-1,100.00,RUB,\n";
        var badBatch = gateway.post("/api/notices/batches", GatewayProcess.ADMIN_TOKEN, "text/csv", notices.getBytes());
        assertEquals(400, badBatch.statusCode(), badBatch.body());
        JsonObject batchProblem = json(badBatch.body()).getJsonArray("problems").getJsonObject(0);
        assertEquals(3, batchProblem.getInt("line"), badBatch.body());
        assertTrue(batchProblem.getString("problem").contains("kind must be"), badBatch.body());

        assertEquals(401, gateway.get("/api/accounts", GatewayProcess.MTA_TOKEN).statusCode(), "the mail server's token is not an admin's");

        var json = "[{\"name\":\"Zeta\",\"domains\":[\"zeta.example\"],\"contacts\":[{\"address\":\"z@zeta.example\"}]},"
                + "{\"name\":\"Eta\",\"contacts\":[{\"address\":\"e@eta.example\",\"locale\":\"ru\"}]}]";
        var imported = gateway.post("/api/accounts/import", GatewayProcess.ADMIN_TOKEN, "application/json", json.getBytes());
        assertEquals(200, imported.statusCode(), imported.body());
        assertEquals(2, json(imported.body()).getInt("accounts"));

        var update = java.net.http.HttpRequest.newBuilder(java.net.URI.create(gateway.url() + "/api/accounts/" + account))
                .header("Authorization", "Bearer " + GatewayProcess.ADMIN_TOKEN).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\":\"Vector JSC\",\"domains\":[\"vector.example\"],"
                        + "\"contacts\":[{\"address\":\"ceo@vector.example\"}]}")).build();
        var updated = java.net.http.HttpClient.newHttpClient().send(update, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, updated.statusCode(), updated.body());
        assertTrue(updated.body().contains("ceo@vector.example") && !updated.body().contains("cfo@vector.example"), updated.body());
    }

    @Test
    void theGatewayListensOnlyOnItsHttpPortOnLoopback() throws Exception {
        Process ss = new ProcessBuilder("ss", "-H", "-ltnp").redirectErrorStream(true).start();
        String out = new String(ss.getInputStream().readAllBytes());
        ss.waitFor();
        Assumptions.assumeTrue(out.contains("users:"), "ss cannot show processes here");
        java.util.List<String> ours = out.lines().filter(l -> l.contains("pid=" + gateway.pid() + ",")).toList();
        assertEquals(1, ours.size(), "one listening socket (HTTP), no Hazelcast, no H2 server: " + ours);
        assertTrue(ours.get(0).matches(".*\\b127\\.0\\.0\\.1\\]?:" + gateway.port() + "\\s.*"), ours.get(0));
    }

    @Test
    void healthMetricsAndOpenApiAreServed() throws Exception {
        var ready = gateway.get("/health/ready", null);
        assertEquals(200, ready.statusCode());
        assertTrue(ready.body().contains("outboxBacklog"), ready.body());
        assertFalse(ready.body().contains(Path.of("server-config").toAbsolutePath().toString()), "no server path: " + ready.body());
        // what the business calendar warns about today (the same server-config, read by the same code)
        List<String> calendarWarnings = new app.frontdesk.infrastructure.config.Settings(n -> java.util.Optional.ofNullable(
                Map.of("FRONTDESK_CONFIG_DIR", java.nio.file.Path.of("server-config").toAbsolutePath().toString()).get(n)))
                .warnings(java.time.LocalDate.now(java.time.ZoneId.of("Europe/Moscow"))).stream()
                .filter(w -> w.startsWith("business calendar")).toList();
        String shown = json(ready.body()).getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("frontdesk-gateway")).findFirst().orElseThrow()
                .getJsonObject("data").getString("warning", "");
        calendarWarnings.forEach(w -> assertTrue(shown.contains(w), "/health/ready should warn: " + w + "\nbut shows: " + shown));
        gateway.post("/api/inbound", GatewayProcess.MTA_TOKEN, "message/rfc822", TestMail.from("m@x.example").bytes());
        var metrics = gateway.get("/metrics", null);
        assertTrue(metrics.body().contains("frontdesk_inbound_accepted_total"), metrics.body());
        // every counter of ours says what it counts (the HELP lines were empty)
        List<String> emptyHelp = metrics.body().lines().filter(l -> l.matches("# HELP \\S*frontdesk_\\S+\\s*")).toList();
        assertEquals(List.of(), emptyHelp);
        assertTrue(metrics.body().lines().anyMatch(l -> l.matches("# HELP \\S*frontdesk_inbound_accepted_total Messages the mail server.*")),
                metrics.body());
        assertEquals(404, gateway.get("/api/application.wadl", null).statusCode(), "no WADL");
        assertFalse(gateway.log().contains("has expired"), "no expired-certificate dumps from the default trust store in the start log");
        var openapi = gateway.get("/openapi", null);
        assertTrue(openapi.body().contains("/api/inbound") && openapi.body().contains("/api/accounts/import"), openapi.body());
        // request bodies say what they hold (they were all "type: string")
        String check = openapi.body().substring(openapi.body().indexOf("/api/notices/check:"));
        check = check.substring(0, Math.min(check.length(), 2500));
        assertTrue(check.contains("type: object") && check.contains("accountId"), check);
    }

    @Test
    void everyCorpusMessageIsAcceptedAndEndsParsedOrQuarantinedAndNoBounceIsTakenForAPerson() throws Exception {
        Path root = Corpus.root().orElse(null);
        Assumptions.assumeTrue(root != null, "the shared corpus is not present");
        Map<Long, Path> ids = new HashMap<>();
        for (Path f : Corpus.messages(root)) {
            var r = gateway.post("/api/inbound", GatewayProcess.MTA_TOKEN, "message/rfc822", Files.readAllBytes(f));
            assertEquals(202, r.statusCode(), f + ": " + r.body());
            ids.putIfAbsent(idOf(r.body()), f);
        }
        List<String> problems = new ArrayList<>();
        for (var e : ids.entrySet()) {
            JsonObject s = settled(e.getKey());
            String route = s.isNull("route") ? null : s.getString("route");
            if (s.isNull("reason") || s.getString("reason").isBlank()) {
                problems.add(e.getValue() + ": no reason");
            }
            if (Corpus.isBounce(root, e.getValue()) && ("HELPDESK".equals(route) || "UNKNOWN_SENDER".equals(route))) {
                problems.add(e.getValue() + ": bounce routed as a person's mail (" + s.getString("reason") + ")");
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(ids.size() > 800, "the whole corpus went in: " + ids.size());
    }
}
