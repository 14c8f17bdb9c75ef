package app.frontdesk.infrastructure.imap;

import static app.frontdesk.infrastructure.imap.ImapIntakeTest.await;
import static app.frontdesk.infrastructure.imap.ImapIntakeTest.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.application.Meter;
import app.frontdesk.application.mailbox.MailboxDrain;
import app.frontdesk.domain.model.inbound.InboundState;
import app.frontdesk.testkit.DovecotInstance;
import app.frontdesk.testkit.GatewayFixture;
import app.frontdesk.testkit.TestDatabases;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Sign-in with XOAUTH2 and an access token from the operator's command, against Dovecot's oauth2 passdb,
 * which asks a token-info endpoint (here a small HTTP server in the test, standing in for the identity
 * provider) whether the token is valid for the user.
 */
class ImapXoauth2Test {

    private static final String TOKEN = "ya29.test-access-token";

    @Test
    void theTokenCommandsOutputSignsInWithXoauth2AndAFailingCommandIsReportedWithoutTheToken() throws Exception {
        List<String> asked = new CopyOnWriteArrayList<>();
        HttpServer idp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        idp.createContext("/tokeninfo", exchange -> {
            String token = exchange.getRequestURI().getRawQuery().replaceFirst("^access_token=", "");
            asked.add(token);
            boolean valid = token.equals(TOKEN) || token.equals(DovecotInstance.PASSWORD);
            byte[] body = (valid ? "{\"email\":\"" + DovecotInstance.USER + "\",\"active\":\"true\"}" : "{\"error\":\"invalid_token\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(valid ? 200 : 401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        idp.start();
        String url = "http://127.0.0.1:" + idp.getAddress().getPort() + "/tokeninfo?access_token=";
        try (DovecotInstance dovecot = DovecotInstance.start(Path.of("target/dovecot/xoauth2"), null, url);
             GatewayFixture gw = new GatewayFixture(TestDatabases.h2(), Map.of("FRONTDESK_IMAP_HOST", "127.0.0.1",
                     "FRONTDESK_IMAP_PORT", String.valueOf(dovecot.port()), "FRONTDESK_IMAP_SECURITY", "none",
                     "FRONTDESK_IMAP_USER", DovecotInstance.USER, "FRONTDESK_IMAP_TOKEN_COMMAND", "printf '%s\\n' " + TOKEN,
                     "FRONTDESK_IMAP_SINCE", "2026-01-01"));
             GatewayFixture failing = new GatewayFixture(TestDatabases.h2(), Map.of("FRONTDESK_IMAP_HOST", "127.0.0.1",
                     "FRONTDESK_IMAP_PORT", String.valueOf(dovecot.port()), "FRONTDESK_IMAP_SECURITY", "none",
                     "FRONTDESK_IMAP_USER", DovecotInstance.USER, "FRONTDESK_IMAP_TOKEN_COMMAND", "echo 'refresh token revoked' >&2; exit 3"))) {
            dovecot.append("INBOX", messages("oauth", 3), null, null);
            ImapIntake imap = new ImapIntake(gw.settings.imap, new MailboxDrain(gw.intake, gw.db, Clock.systemUTC(), Meter.NONE),
                    Clock.systemUTC(), Meter.NONE);
            ImapIntake broken = new ImapIntake(failing.settings.imap, new MailboxDrain(failing.intake, failing.db, Clock.systemUTC(), Meter.NONE),
                    Clock.systemUTC(), Meter.NONE);
            imap.start(Executors.defaultThreadFactory());
            broken.start(Executors.defaultThreadFactory());
            try {
                await(() -> gw.db.inTransaction(r -> r.inbound().countInState(InboundState.RECEIVED)) == 3, 30, "signed in with the token, mail taken");
                assertTrue(asked.contains(TOKEN), "Dovecot checked the command's token with the identity provider: " + asked);
                await(() -> !broken.problems().isEmpty(), 20, "the failing command shows in health");
                String problem = broken.problems().get(0);
                assertTrue(problem.contains("the token command of mailbox default exited with 3") && problem.contains("refresh token revoked"), problem);
                assertFalse(imap.states().toString().contains(TOKEN), "no token in health");
                assertEquals(0L, (long) failing.db.<Long>inTransaction(r -> r.inbound().countInState(InboundState.RECEIVED)));
            } finally {
                imap.stop();
                broken.stop();
            }
        } finally {
            idp.stop(0);
        }
    }
}
