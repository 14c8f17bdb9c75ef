package app.frontdesk.infrastructure.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.domain.model.outbox.MailKind;
import app.frontdesk.domain.model.outbox.OutboundMail;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The webhook channel over real HTTP: the receiver can check the signature, and a refusal is a failed attempt. */
class WebhookTransportTest {

    private static final byte[] SECRET = "webhook-secret-for-tests-32-chars!!".getBytes(StandardCharsets.UTF_8);

    record Received(String signature, String delivery, byte[] body) {
    }

    @Test
    void postsTheBodyWithASignatureTheReceiverCanCheck() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        int[] status = {204};
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            received.add(new Received(exchange.getRequestHeaders().getFirst("X-Frontdesk-Signature"),
                    exchange.getRequestHeaders().getFirst("X-Frontdesk-Delivery"), exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(status[0], -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
            byte[] body = "{\"event\":\"authorization-requested\"}".getBytes(StandardCharsets.UTF_8);
            OutboundMail row = new OutboundMail(MailKind.WEBHOOK, "<d1.frontdesk@frontdesk.test>", null, List.of(url), body, null, Instant.now());
            WebhookTransport transport = new WebhookTransport(SECRET, new app.frontdesk.application.WebhookTargets(true));
            try (var c = transport.open()) {
                c.send(row, out -> out.write(row.raw()));
            }
            assertEquals(1, received.size());
            Received r = received.get(0);
            assertEquals("<d1.frontdesk@frontdesk.test>", r.delivery());
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
            String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(r.body()));
            assertTrue(MessageDigest.isEqual(expected.getBytes(), r.signature().getBytes()), "the receiver's own HMAC matches");

            status[0] = 500;
            IOException refused = assertThrows(IOException.class, () -> {
                try (var c = transport.open()) {
                    c.send(row, out -> out.write(row.raw()));
                }
            });
            assertTrue(refused.getMessage().contains("500"), refused.getMessage());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aPostToAPrivateAddressIsRefusedBeforeAnyConnectionUnlessAllowed() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            received.add(new Received(null, null, exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            // a name, resolved at the post: a record that passed the check of literals can still point at loopback. This
            // machine's own name resolves to a loopback or private address on every machine the project runs on.
            String host = java.net.InetAddress.getLocalHost().getHostName();
            assertTrue(app.frontdesk.application.WebhookTargets.isPrivate(java.net.InetAddress.getByName(host)), host);
            assertTrue(new app.frontdesk.application.WebhookTargets(false).problem("http://" + host + "/").isEmpty(), "no literal");
            String url = "http://" + host + ":" + server.getAddress().getPort() + "/hook";
            OutboundMail row = new OutboundMail(MailKind.WEBHOOK, "<d2.frontdesk@frontdesk.test>", null, List.of(url),
                    "{}".getBytes(StandardCharsets.UTF_8), null, Instant.now());
            IOException refused = assertThrows(IOException.class, () -> {
                try (var c = new WebhookTransport(SECRET, new app.frontdesk.application.WebhookTargets(false)).open()) {
                    c.send(row, out -> out.write(row.raw()));
                }
            });
            assertTrue(refused.getMessage().contains("private address"), refused.getMessage());
            assertEquals(0, received.size(), "nothing reached the server");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theOutboxPostsWebhookRowsAndMailsTheRestInOneRound() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            received.add(new Received(exchange.getRequestHeaders().getFirst("X-Frontdesk-Signature"),
                    exchange.getRequestHeaders().getFirst("X-Frontdesk-Delivery"), exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try (app.frontdesk.testkit.GatewayFixture gw = new app.frontdesk.testkit.GatewayFixture(app.frontdesk.testkit.TestDatabases.h2(),
                java.util.Map.of("FRONTDESK_WEBHOOK_ALLOW_PRIVATE", "true"))) {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
            gw.db.inTransaction(r -> {
                r.outbox().add(new OutboundMail(MailKind.WEBHOOK, "<w1.frontdesk@frontdesk.test>", null, List.of(url),
                        "{\"event\":\"notice-blocked\"}".getBytes(StandardCharsets.UTF_8), null, gw.clock.instant()));
                r.outbox().add(new OutboundMail(MailKind.BILLING_UPDATE, "<m1.frontdesk@frontdesk.test>", "frontdesk@frontdesk.test",
                        List.of("billing@frontdesk.test"), app.frontdesk.testkit.TestMail.from("frontdesk@frontdesk.test").bytes(), null,
                        gw.clock.instant()));
                return null;
            });
            assertEquals(2, gw.services.dispatcher.dispatchDue());
            assertEquals(1, received.size(), "the webhook row went over HTTP");
            assertEquals("<w1.frontdesk@frontdesk.test>", received.get(0).delivery());
            assertTrue(received.get(0).signature().startsWith("sha256="));
            try (var files = java.nio.file.Files.list(gw.dataDir.resolve("outbox"))) {
                assertEquals(1, files.count(), "the mail row went to the mail transport, the webhook did not");
            }
            assertEquals(0L, (long) gw.db.inTransaction(r -> r.outbox().countInState(app.frontdesk.domain.model.outbox.OutboxState.PENDING)),
                    "both marked sent");
        } finally {
            server.stop(0);
        }
    }
}
