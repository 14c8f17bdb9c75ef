package app.frontdesk.interfaces.lmtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.application.Meter;
import app.frontdesk.application.Repositories;
import app.frontdesk.application.Transactions;
import app.frontdesk.application.intake.MessageIntake;
import app.frontdesk.domain.model.inbound.InboundMessage;
import app.frontdesk.domain.model.inbound.InboundState;
import app.frontdesk.infrastructure.persistence.Database;
import app.frontdesk.infrastructure.persistence.DatabaseSettings;
import app.frontdesk.testkit.GatewayFixture;
import app.frontdesk.testkit.TestDatabases;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** The LMTP listener spoken to over a raw socket, storing through the real intake into H2. */
class LmtpServerTest {

    private static final String MESSAGE = "From: Anna <anna@northwind.example>\r\nSubject: Order 7\r\n"
            + "Message-ID: <lmtp-1@northwind.example>\r\n\r\nHello.\r\n..a line that began with a dot\r\n.\r\n";

    @Test
    void pipelinedCommandsAreAnsweredInOrderAndEachRecipientGetsItsOwnReplyAfterItsMessageIsStored() throws Exception {
        try (GatewayFixture gw = new GatewayFixture(TestDatabases.h2()); LmtpServer lmtp = start(gw.intake, "127.0.0.1")) {
            try (Client c = new Client(lmtp)) {
                assertTrue(c.line().startsWith("220 "));
                // everything up to the end of the data in one write, as a pipelining client may send it
                c.send("LHLO mx.frontdesk.test\r\nMAIL FROM:<anna@northwind.example> SIZE=200 BODY=8BITMIME\r\n"
                        + "RCPT TO:<support@frontdesk.test>\r\nRCPT TO:not-a-path\r\nRCPT TO:<billing@frontdesk.test>\r\n"
                        + "RCPT TO:<sales@frontdesk.test>\r\nDATA\r\n" + MESSAGE);
                List<String> lhlo = c.reply();
                assertTrue(lhlo.containsAll(List.of("250-PIPELINING", "250-ENHANCEDSTATUSCODES", "250-8BITMIME")), lhlo.toString());
                assertTrue(lhlo.get(lhlo.size() - 1).matches("250 SIZE \\d+"), lhlo.toString());
                assertEquals("250 2.1.0 OK", c.line());
                assertEquals("250 2.1.5 OK", c.line());
                assertTrue(c.line().startsWith("501 5.1.3"), "a recipient without a path is refused, the others stay");
                assertEquals("250 2.1.5 OK", c.line());
                assertEquals("250 2.1.5 OK", c.line());
                assertTrue(c.line().startsWith("354 "));
                List<String> replies = List.of(c.line(), c.line(), c.line());
                String[] order = {"support@frontdesk.test", "billing@frontdesk.test", "sales@frontdesk.test"};
                for (int i = 0; i < 3; i++) {
                    assertTrue(replies.get(i).startsWith("250 2.0.0 <" + order[i] + "> stored as "), replies.toString());
                    long id = Long.parseLong(replies.get(i).substring(replies.get(i).lastIndexOf(' ') + 1));
                    InboundMessage m = gw.db.inTransaction(r -> r.inbound().find(id)).orElseThrow();
                    assertEquals(order[i], m.envelope().recipient());
                    assertEquals("anna@northwind.example", m.envelope().sender());
                    assertEquals("<lmtp-1@northwind.example>", m.messageId());
                    String raw = new String(gw.db.inTransaction(r -> r.inbound().rawBytes(id)), StandardCharsets.UTF_8);
                    assertEquals("Return-Path: <anna@northwind.example>\r\nDelivered-To: " + order[i] + "\r\n"
                            + MESSAGE.substring(0, MESSAGE.length() - 3).replace("\r\n..a line", "\r\n.a line"), raw,
                            "stored as sent, trace fields first, dot-stuffing removed");
                }
                // the same delivery again (the mail server did not see our answer): one message per recipient still
                c.send("MAIL FROM:<anna@northwind.example>\r\nRCPT TO:<support@frontdesk.test>\r\nDATA\r\n" + MESSAGE);
                assertEquals("250 2.1.0 OK", c.line());
                assertEquals("250 2.1.5 OK", c.line());
                assertTrue(c.line().startsWith("354 "));
                assertTrue(c.line().startsWith("250 2.0.0 <support@frontdesk.test> already stored as "));
                c.send("QUIT\r\n");
                assertTrue(c.line().startsWith("221 "));
            }
            assertEquals(3L, gw.db.<Long>inTransaction(r -> r.inbound().countInState(InboundState.RECEIVED)));
        }
    }

    @Test
    void aMessageOverTheCapIsRefusedWith552AtMailAndAfterDataAndTheSessionGoesOn() throws Exception {
        try (GatewayFixture gw = new GatewayFixture(TestDatabases.h2(), Map.of("FRONTDESK_MAX_MESSAGE_BYTES", "4096"));
             LmtpServer lmtp = start(gw.intake, "127.0.0.1")) {
            long cap = LmtpServer.bodyCap(4096);
            try (Client c = new Client(lmtp)) {
                c.line();
                c.send("LHLO mx\r\n");
                assertEquals("250 SIZE " + cap, c.reply().get(5 - 1));
                c.send("MAIL FROM:<a@northwind.example> SIZE=" + (cap + 1) + "\r\n");
                assertTrue(c.line().startsWith("552 5.3.4 "), "over the cap as declared");
                c.send("MAIL FROM:<a@northwind.example>\r\nRCPT TO:<support@frontdesk.test>\r\nRCPT TO:<sales@frontdesk.test>\r\nDATA\r\n");
                assertEquals("250 2.1.0 OK", c.line());
                c.line();
                c.line();
                assertTrue(c.line().startsWith("354 "));
                c.send("Subject: big\r\n\r\n" + "x".repeat(100).concat("\r\n").repeat(50) + ".\r\n");
                assertTrue(c.line().startsWith("552 5.3.4 <support@frontdesk.test> "), "one reply per recipient");
                assertTrue(c.line().startsWith("552 5.3.4 <sales@frontdesk.test> "));
                c.send("MAIL FROM:<a@northwind.example>\r\nRCPT TO:<support@frontdesk.test>\r\nDATA\r\nSubject: small\r\n\r\nok\r\n.\r\n");
                assertEquals("250 2.1.0 OK", c.line());
                c.line();
                c.line();
                assertTrue(c.line().startsWith("250 2.0.0 <support@frontdesk.test> stored as "), "the session goes on");
            }
            assertEquals(1L, gw.db.<Long>inTransaction(r -> r.inbound().countInState(InboundState.RECEIVED)));
        }
    }

    @Test
    void aFaultOfOursIsAnswered451ForEveryRecipientAndNothingIsStored() throws Exception {
        try (GatewayFixture gw = new GatewayFixture(TestDatabases.h2())) {
            // the real database; the commit fails as on a full disk
            Transactions full = new Transactions() {
                @Override
                public <T> T inTransaction(Function<Repositories, T> work) {
                    return gw.db.inTransaction(repos -> {
                        work.apply(repos);
                        throw new IllegalStateException("No space left on device (injected)");
                    });
                }
            };
            MessageIntake intake = new MessageIntake(full, Clock.systemUTC(), Meter.NONE, 1 << 20, () -> { }, 64);
            Map<String, Long> counted = new ConcurrentHashMap<>();
            Meter meter = (counter, amount, tags) -> counted.merge(counter + String.join(",", tags), amount, Long::sum);
            try (LmtpServer lmtp = LmtpServer.start(config("127.0.0.1"), intake, meter, Thread::new); Client c = new Client(lmtp)) {
                c.line();
                c.send("LHLO mx\r\nMAIL FROM:<>\r\nRCPT TO:<support@frontdesk.test>\r\nRCPT TO:<sales@frontdesk.test>\r\nDATA\r\n" + MESSAGE);
                c.reply();
                c.line();
                c.line();
                c.line();
                assertTrue(c.line().startsWith("354 "));
                assertTrue(c.line().startsWith("451 4.3.0 <support@frontdesk.test> "));
                assertTrue(c.line().startsWith("451 4.3.0 <sales@frontdesk.test> "));
            }
            assertEquals(0L, gw.db.<Long>inTransaction(r -> r.inbound().countInState(InboundState.RECEIVED)));
            assertEquals(2L, counted.get("lmtp_refusedreason,unavailable"));
        }
    }

    @Test
    void whileTheDatabaseIsUnreachableEveryDeliveryIsAnswered451WithoutALogLineOfItsOwn() throws Exception {
        // a database of its own on the local PostgreSQL, made unreachable as an outage looks (DatabaseAvailabilityTest):
        // the one "database is unreachable" line is the database layer's; LMTP adds none per deferred delivery
        TestDatabases.postgres();
        String name = "fd_lmtp_away_" + System.nanoTime();
        TestDatabases.sql(TestDatabases.PG_URL, "CREATE DATABASE " + name);
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger sessionLog = Logger.getLogger(LmtpSession.class.getName());
        sessionLog.addHandler(capture);
        try (Database db = Database.open(new DatabaseSettings(TestDatabases.PG_URL.replace("/test", "/" + name), TestDatabases.PG_USER, ""))) {
            MessageIntake intake = new MessageIntake(db, Clock.systemUTC(), Meter.NONE, 1 << 20, () -> { }, 64);
            Map<String, Long> counted = new ConcurrentHashMap<>();
            Meter meter = (counter, amount, tags) -> counted.merge(counter + String.join(",", tags), amount, Long::sum);
            TestDatabases.sql(TestDatabases.PG_URL, "ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
            TestDatabases.sql(TestDatabases.PG_URL, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
            try (LmtpServer lmtp = LmtpServer.start(config("127.0.0.1"), intake, meter, Thread::new); Client c = new Client(lmtp)) {
                c.line();
                c.send("LHLO mx\r\n");
                c.reply();
                for (int i = 0; i < 5; i++) {
                    c.send("MAIL FROM:<anna@northwind.example>\r\nRCPT TO:<support@frontdesk.test>\r\nRCPT TO:<sales@frontdesk.test>\r\n"
                            + "DATA\r\n" + MESSAGE);
                    assertEquals("250 2.1.0 OK", c.line());
                    c.line();
                    c.line();
                    assertTrue(c.line().startsWith("354 "));
                    assertTrue(c.line().startsWith("451 4.3.0 <support@frontdesk.test> "), "the mail server keeps it and retries");
                    assertTrue(c.line().startsWith("451 4.3.0 <sales@frontdesk.test> "));
                }
            }
            assertEquals(10L, counted.get("lmtp_refusedreason,unavailable"), "each refusal is still counted");
            assertEquals(List.of(), logged.stream().map(r -> r.getLevel() + " " + r.getMessage()).toList(),
                    "the outage is said once, by the database layer, not once per delivery");
        } finally {
            sessionLog.removeHandler(capture);
            TestDatabases.sql(TestDatabases.PG_URL, "ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
            TestDatabases.sql(TestDatabases.PG_URL, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    @Test
    void aClientOutsideTheAllowListIsRefusedAtConnect() throws Exception {
        try (GatewayFixture gw = new GatewayFixture(TestDatabases.h2()); LmtpServer lmtp = start(gw.intake, "10.0.0.0/8, fd00::/8")) {
            try (Client c = new Client(lmtp)) {
                assertTrue(c.line().startsWith("554 5.7.1 127.0.0.1 "));
                assertEquals(null, c.in.readLine(), "and closed");
            }
        }
    }

    @Test
    void commandsOutOfOrderAndUnknownOnesAreRefusedWithoutEndingTheSession() throws Exception {
        try (GatewayFixture gw = new GatewayFixture(TestDatabases.h2()); LmtpServer lmtp = start(gw.intake, "127.0.0.1")) {
            try (Client c = new Client(lmtp)) {
                c.line();
                c.send("MAIL FROM:<a@b>\r\nEHLO mx\r\nLHLO mx\r\n");
                assertTrue(c.line().startsWith("503 5.5.1 "), "LHLO first");
                assertTrue(c.line().startsWith("500 5.5.1 "), "LMTP is not SMTP");
                c.reply();
                c.send("RCPT TO:<a@b>\r\nDATA\r\nMAIL FROM:<a@b>\r\nDATA\r\nFOO\r\n" + "X".repeat(5000) + "\r\nNOOP\r\n");
                assertTrue(c.line().startsWith("503 5.5.1 "));
                assertTrue(c.line().startsWith("503 5.5.1 "));
                assertEquals("250 2.1.0 OK", c.line());
                assertTrue(c.line().startsWith("503 5.5.1 No valid recipients"));
                assertTrue(c.line().startsWith("500 5.5.1 "));
                assertTrue(c.line().startsWith("500 5.5.2 "), "an over-long line");
                assertEquals("250 2.0.0 OK", c.line());
            }
        }
    }

    @Test
    void theAllowListTakesAddressesAndRangesAndRefusesNames() throws Exception {
        ClientAllowList list = ClientAllowList.parse("127.0.0.0/8, ::1 192.168.10.0/23");
        assertTrue(list.allows(InetAddress.getByName("127.3.4.5")));
        assertTrue(list.allows(InetAddress.getByName("::1")));
        assertTrue(list.allows(InetAddress.getByName("192.168.11.200")));
        assertTrue(!list.allows(InetAddress.getByName("192.168.12.1")));
        assertTrue(!list.allows(InetAddress.getByName("10.0.0.1")));
        assertThrows(IllegalArgumentException.class, () -> ClientAllowList.parse("mx.example.com"));
        assertThrows(IllegalArgumentException.class, () -> ClientAllowList.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> ClientAllowList.parse(" , "));
    }

    @Test
    void repliesAreSentWithoutNaglesDelay() throws Exception {
        // Nagle's algorithm held a reply back until the client's delayed acknowledgement of the one before (up to
        // 40 ms a delivery, IntakeBenchmark 2026-11-29): the session's socket must have TCP_NODELAY before it speaks
        try (GatewayFixture gw = new GatewayFixture(TestDatabases.h2()); java.net.ServerSocket listener = new java.net.ServerSocket(0);
             Socket client = new Socket("127.0.0.1", listener.getLocalPort()); Socket accepted = listener.accept()) {
            assertTrue(!accepted.getTcpNoDelay(), "the platform's default, or this test shows nothing");
            Thread session = new Thread(new LmtpSession(accepted, config("127.0.0.1"), gw.intake, Meter.NONE, () -> false));
            session.start();
            client.setSoTimeout(30_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
            assertTrue(in.readLine().startsWith("220 "));
            assertTrue(accepted.getTcpNoDelay());
            client.getOutputStream().write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            session.join(30_000);
        }
    }

    private static LmtpServer.Config config(String clients) {
        return new LmtpServer.Config(new InetSocketAddress("127.0.0.1", 0), ClientAllowList.parse(clients), "frontdesk.test", 8, 100,
                Duration.ofSeconds(30));
    }

    private static LmtpServer start(MessageIntake intake, String clients) throws IOException {
        return LmtpServer.start(config(clients), intake, Meter.NONE, Thread::new);
    }

    /** A raw LMTP client: bytes out exactly as given, replies read line by line. */
    static final class Client implements AutoCloseable {
        final Socket socket;
        final BufferedReader in;
        final OutputStream out;

        Client(LmtpServer lmtp) throws IOException {
            socket = new Socket("127.0.0.1", lmtp.port());
            socket.setSoTimeout(30_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out = socket.getOutputStream();
        }

        void send(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        String line() throws IOException {
            return in.readLine();
        }

        /** A multi-line reply, up to its last line ("250 ..." after "250-..."). */
        List<String> reply() throws IOException {
            List<String> lines = new ArrayList<>();
            String l;
            do {
                l = in.readLine();
                lines.add(l);
            } while (l != null && l.length() > 3 && l.charAt(3) == '-');
            return lines;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
