package app.frontdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.application.Meter;
import app.frontdesk.infrastructure.config.Settings;
import app.frontdesk.testkit.GatewayProcess;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LMTP listener is started and stopped with the gateway, shows in readiness, and a start that cannot
 * listen ends with one line: port 25 is a wrong setting (78), a port someone else has a missing service (69).
 */
class LmtpStartTest {

    @Test
    void port25IsRefusedAsAWrongSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> settings(Path.of("unused"), "127.0.0.1:25", null));
        StartFailure why = StartFailure.of(e);
        assertEquals(StartFailure.CONFIGURATION, why.exitCode());
        assertTrue(why.line().contains("FRONTDESK_LMTP_ADDRESS must not use port 25"), why.line());
        assertTrue(StartFailure.of(assertThrows(IllegalArgumentException.class, () -> settings(Path.of("unused"), "localhost", null)))
                .line().contains("must be host:port"));
    }

    @Test
    void aBadAllowListStopsTheStartNamingTheSetting(@TempDir Path dir) {
        StartFailure why = StartFailure.of(assertThrows(IllegalArgumentException.class,
                () -> new Gateway(settings(dir, "127.0.0.1:" + GatewayProcess.freePort(), "mx.example.com"), Clock.systemUTC(), Meter.NONE)));
        assertEquals(StartFailure.CONFIGURATION, why.exitCode());
        assertTrue(why.line().contains("FRONTDESK_LMTP_CLIENTS"), why.line());
    }

    @Test
    void theListenerRunsWithTheGatewayAndASecondOneOnTheSamePortCannotStart(@TempDir Path dir) throws Exception {
        int port = GatewayProcess.freePort();
        try (Gateway first = new Gateway(settings(dir.resolve("a"), "127.0.0.1:" + port, null), Clock.systemUTC(), Meter.NONE)) {
            first.start(Thread::new, (line, code) -> { });
            assertEquals("listening on 127.0.0.1:" + port, first.health().readiness().data().get("lmtp"));
            try (Socket s = new Socket("127.0.0.1", port)) {
                assertTrue(new BufferedReader(new InputStreamReader(s.getInputStream())).readLine().startsWith("220 "));
            }
            Gateway second = new Gateway(settings(dir.resolve("b"), "127.0.0.1:" + port, null), Clock.systemUTC(), Meter.NONE);
            try {
                StartFailure why = StartFailure.of(assertThrows(RuntimeException.class, () -> second.start(Thread::new, (line, code) -> { })));
                assertEquals(StartFailure.UNAVAILABLE, why.exitCode());
                assertTrue(why.line().startsWith("LMTP cannot listen on 127.0.0.1:" + port) && why.line().contains("FRONTDESK_LMTP_ADDRESS")
                        && !why.line().contains("\n"), why.line());
            } finally {
                second.close();
            }
        }
        try (Socket s = new Socket()) {
            assertThrows(java.io.IOException.class, () -> s.connect(new java.net.InetSocketAddress("127.0.0.1", port), 2000),
                    "closed with the gateway");
        }
    }

    @Test
    void lmtpCountsCarryTheInstanceLabelAsEveryOtherCounterDoes(@TempDir Path dir) throws Exception {
        int port = GatewayProcess.freePort();
        Map<String, List<String>> tagsOf = new ConcurrentHashMap<>();
        Meter meter = (counter, amount, tags) -> tagsOf.put(counter, List.of(tags));
        Map<String, String> env = new HashMap<>(Map.of("FRONTDESK_DATA_DIR", dir.toString(),
                "FRONTDESK_CONFIG_DIR", Path.of("server-config").toAbsolutePath().toString(),
                "FRONTDESK_TRUSTED_AUTHSERV_IDS", "mx.frontdesk.test", "FRONTDESK_DEMO_DATA", "false", "FRONTDESK_INSTANCE_ID", "lmtp-a",
                "FRONTDESK_PUBLIC_URL", "http://frontdesk.test", "FRONTDESK_LMTP_ADDRESS", "127.0.0.1:" + port));
        try (Gateway gateway = new Gateway(new Settings(name -> Optional.ofNullable(env.get(name))), Clock.systemUTC(), meter)) {
            gateway.start(Thread::new, (line, code) -> { });
            try (Socket s = new Socket("127.0.0.1", port)) {
                s.setSoTimeout(30_000);
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                in.readLine();
                s.getOutputStream().write(("LHLO mx\r\nMAIL FROM:<anna@northwind.example>\r\nRCPT TO:<support@frontdesk.test>\r\nDATA\r\n"
                        + "From: anna@northwind.example\r\nSubject: Order 7\r\n\r\nHello.\r\n.\r\n").getBytes(StandardCharsets.US_ASCII));
                String line;
                do {
                    line = in.readLine();
                } while (line != null && !line.startsWith("250 2.0.0 ") && !line.startsWith("4") && !line.startsWith("5"));
                assertTrue(line != null && line.startsWith("250 2.0.0 "), line);
            }
            assertEquals(List.of("instance", "lmtp-a"), tagsOf.get("lmtp_accepted"), tagsOf.toString());
            assertEquals(List.of("instance", "lmtp-a"), tagsOf.get("inbound_accepted"), tagsOf.toString());
        }
    }

    private static Settings settings(Path dataDir, String lmtp, String clients) {
        Map<String, String> env = new HashMap<>(Map.of("FRONTDESK_DATA_DIR", dataDir.toString(),
                "FRONTDESK_CONFIG_DIR", Path.of("server-config").toAbsolutePath().toString(),
                "FRONTDESK_TRUSTED_AUTHSERV_IDS", "mx.frontdesk.test", "FRONTDESK_DEMO_DATA", "false",
                "FRONTDESK_PUBLIC_URL", "http://frontdesk.test", "FRONTDESK_LMTP_ADDRESS", lmtp));
        if (clients != null) {
            env.put("FRONTDESK_LMTP_CLIENTS", clients);
        }
        return new Settings(name -> Optional.ofNullable(env.get(name)));
    }
}
