package app.frontdesk.application.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.application.Meter;
import app.frontdesk.application.intake.IntakeResult;
import app.frontdesk.application.outbox.AdminAlert;
import app.frontdesk.domain.model.inbound.Envelope;
import app.frontdesk.domain.model.inbound.InboundMessage;
import app.frontdesk.domain.model.inbound.InboundState;
import app.frontdesk.domain.model.inbound.Route;
import app.frontdesk.domain.model.outbox.MailKind;
import app.frontdesk.domain.model.outbox.OutboundMail;
import app.frontdesk.infrastructure.persistence.DatabaseSettings;
import app.frontdesk.testkit.GatewayFixture;
import app.frontdesk.testkit.TestDatabases;
import app.frontdesk.testkit.TestMail;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Intake, the pipeline and the outbox rows together on real databases: H2 and the local PostgreSQL,
 * with the same Flyway migrations (the PostgreSQL cases fail, not skip, under CI=true).
 */
class GatewayFlowTest {

    private static InboundMessage message(GatewayFixture gw, long id) {
        return gw.db.inTransaction(r -> r.inbound().find(id).orElseThrow());
    }

    private static List<OutboundMail> outbox(GatewayFixture gw, long id) {
        return gw.db.inTransaction(r -> r.outbox().causedBy(id));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void knownContactIsForwardedIntactWithTheAccountNamed(String name, Supplier<DatabaseSettings> db) throws Exception {
        try (GatewayFixture gw = new GatewayFixture(db.get())) {
            long account = gw.account("Romashka", "romashka.example", "anna@romashka.example");
            byte[] raw = TestMail.from("Anna <Anna@Romashka.example>").subject("Invoice 123").bytes();
            IntakeResult r = gw.intake.accept(raw, new Envelope("anna@romashka.example", "support@frontdesk.test"));
            assertFalse(r.duplicate());
            assertEquals(InboundState.RECEIVED, message(gw, r.id()).state());
            assertArrayEquals(raw, gw.db.inTransaction(x -> x.inbound().rawBytes(r.id())));

            gw.processAll();

            InboundMessage m = message(gw, r.id());
            assertEquals(InboundState.ROUTED, m.state());
            assertEquals(Route.HELPDESK, m.route());
            assertEquals(account, m.accountId());
            assertEquals("Invoice 123", m.subject());
            List<OutboundMail> sent = outbox(gw, r.id());
            assertEquals(1, sent.size());
            OutboundMail forward = sent.get(0);
            assertEquals(MailKind.HELPDESK_FORWARD, forward.kind());
            assertEquals(List.of("helpdesk@frontdesk.test"), forward.recipients());
            String text = new String(forward.raw(), StandardCharsets.UTF_8);
            assertTrue(text.contains("X-Frontdesk-Account: " + account + "\r\n"), text);
            assertTrue(text.contains("Resent-Message-ID: " + forward.messageId() + "\r\n"), text);
            assertTrue(text.endsWith(new String(raw, StandardCharsets.UTF_8)), "the original must follow unchanged");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void anUnverifiedStrangerIsHeldInACaseAndOnlyTriageIsTold(String name, Supplier<DatabaseSettings> db) throws Exception {
        try (GatewayFixture gw = new GatewayFixture(db.get())) {
            gw.account("Romashka", "romashka.example", "anna@romashka.example");
            long id = gw.intake.accept(TestMail.from("someone@elsewhere.example").unverified().bytes(), Envelope.UNKNOWN).id();
            gw.processAll();
            InboundMessage m = message(gw, id);
            assertEquals(InboundState.HELD, m.state(), m.reason());
            assertEquals(Route.UNKNOWN_SENDER, m.route());
            assertTrue(m.reason().startsWith("unknown sender"), m.reason());
            assertTrue(m.caseId() != null, "the message belongs to a case");
            // No reply to an address nothing vouches for; no account, so no authorized contact; triage hears of it.
            List<OutboundMail> sent = outbox(gw, id);
            assertEquals(List.of(MailKind.MANAGER_ALERT), sent.stream().map(OutboundMail::kind).toList());
            assertEquals(List.of("admin@frontdesk.test"), sent.get(0).recipients());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void theSameMessageTwiceIsStoredOnceAndForwardedOnce(String name, Supplier<DatabaseSettings> db) throws Exception {
        try (GatewayFixture gw = new GatewayFixture(db.get())) {
            gw.account("Romashka", "romashka.example", "anna@romashka.example");
            byte[] raw = TestMail.from("anna@romashka.example").bytes();
            IntakeResult first = gw.intake.accept(raw, Envelope.UNKNOWN);
            gw.processAll();
            IntakeResult second = gw.intake.accept(raw, Envelope.UNKNOWN);
            gw.processAll();
            assertTrue(second.duplicate());
            assertEquals(first.id(), second.id());
            assertEquals(1, outbox(gw, first.id()).size());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void concurrentCopiesOfOneMessageAreStoredOnce(String name, Supplier<DatabaseSettings> db) throws Exception {
        try (GatewayFixture gw = new GatewayFixture(db.get())) {
            byte[] raw = TestMail.from("x@y.example").bytes();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<IntakeResult>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return gw.intake.accept(raw, Envelope.UNKNOWN);
                }));
            }
            start.countDown();
            Set<Long> ids = new HashSet<>();
            int accepted = 0;
            for (Future<IntakeResult> f : results) {
                IntakeResult r = f.get();
                ids.add(r.id());
                accepted += r.duplicate() ? 0 : 1;
            }
            pool.shutdown();
            assertEquals(1, ids.size());
            assertEquals(1, accepted);
        }
    }

    /**
     * H2 used to lock every due row when asked for one (it sorts and limits after locking): the
     * other workers found nothing to do and each claim rewrote every pending mail into the file.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void aClaimLocksOnlyTheRowsItTakes(String name, Supplier<DatabaseSettings> db) throws Exception {
        try (GatewayFixture gw = new GatewayFixture(db.get())) {
            gw.account("Romashka", "romashka.example", "anna@romashka.example");
            for (int i = 0; i < 5; i++) {
                gw.intake.accept(TestMail.from("anna@romashka.example").body("message " + i).bytes(), Envelope.UNKNOWN);
            }
            gw.processAll();
            CountDownLatch claimed = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(1);
            ExecutorService worker = Executors.newSingleThreadExecutor();
            Future<List<Long>> first = worker.submit(() -> gw.db.inTransaction(r -> {
                List<Long> ids = r.outbox().claimDue(gw.clock.instant(), 1).stream().map(OutboundMail::id).toList();
                claimed.countDown();
                try {
                    done.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return ids;
            }));
            claimed.await();
            List<Long> second;
            try {
                second = gw.db.inTransaction(r -> r.outbox().claimDue(gw.clock.instant(), 10).stream().map(OutboundMail::id).toList());
            } finally {
                done.countDown();
            }
            List<Long> firstIds = first.get();
            worker.shutdown();
            assertEquals(1, firstIds.size());
            assertEquals(4, second.size(), "the other four mails stay free for a second worker: " + second);
            assertFalse(second.contains(firstIds.get(0)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void twoWorkersNeverProcessOneMessageTwice(String name, Supplier<DatabaseSettings> db) throws Exception {
        try (GatewayFixture gw = new GatewayFixture(db.get())) {
            gw.account("Romashka", "romashka.example", "anna@romashka.example");
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                ids.add(gw.intake.accept(TestMail.from("anna@romashka.example").body("message " + i).bytes(), Envelope.UNKNOWN).id());
            }
            InboundProcessor second = new InboundProcessor(gw.db, gw.pipeline,
                    gw.services.adminAlert, gw.clock, Meter.NONE, 7, 3);
            List<Integer> counts = Collections.synchronizedList(new ArrayList<>());
            Thread a = new Thread(() -> { int n; while ((n = gw.processor.processDue()) > 0) { counts.add(n); } });
            Thread b = new Thread(() -> { int n; while ((n = second.processDue()) > 0) { counts.add(n); } });
            a.start();
            b.start();
            a.join();
            b.join();
            assertEquals(120, counts.stream().mapToInt(Integer::intValue).sum(), "each message claimed exactly once");
            for (long id : ids) {
                assertEquals(1, outbox(gw, id).size(), "message " + id);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void unparseableMailIsQuarantinedWithAnAdminAlertAndKeptAsReceived(String name, Supplier<DatabaseSettings> db) throws Exception {
        try (GatewayFixture gw = new GatewayFixture(db.get())) {
            byte[] raw = "\r\n\r\nno headers at all".getBytes(StandardCharsets.US_ASCII);
            long id = gw.intake.accept(raw, Envelope.UNKNOWN).id();
            gw.processAll();
            InboundMessage m = message(gw, id);
            assertEquals(InboundState.QUARANTINED, m.state());
            assertTrue(m.reason().contains("no header fields"), m.reason());
            List<OutboundMail> alerts = outbox(gw, id);
            assertEquals(1, alerts.size());
            assertEquals(MailKind.ADMIN_ALERT, alerts.get(0).kind());
            assertEquals(List.of("admin@frontdesk.test"), alerts.get(0).recipients());
            assertArrayEquals(raw, gw.db.inTransaction(x -> x.inbound().rawBytes(id)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void aFailingStepIsRetriedWithBackoffThenQuarantinedWithoutBlockingOthers(String name, Supplier<DatabaseSettings> db)
            throws Exception {
        try (GatewayFixture gw = new GatewayFixture(db.get())) {
            Pipeline failsOnPoison = new Pipeline(List.of(
                    Step.step("parse", Matcher.always(), new ParseMessage(new app.frontdesk.infrastructure.mime.Mime4jMailParser(),
                            gw.services.adminAlert)),
                    Step.step("explode", m -> m.parsed().subject().equals("poison") ? Optional.of("") : Optional.empty(),
                            (m, why) -> { throw new IllegalStateException("step exploded"); }),
                    Step.step("hold", Matcher.always(), new HoldAsUnknownSender())));
            InboundProcessor p = new InboundProcessor(gw.db, failsOnPoison, gw.services.adminAlert, gw.clock,
                    Meter.NONE, 10, 3);
            long poison = gw.intake.accept(TestMail.from("x@y.example").subject("poison").bytes(), Envelope.UNKNOWN).id();
            long fine = gw.intake.accept(TestMail.from("x@y.example").subject("fine").bytes(), Envelope.UNKNOWN).id();

            while (p.processDue() > 0) { }
            assertEquals(InboundState.HELD, message(gw, fine).state(), "the good message is not held up by the bad one");
            assertEquals(InboundState.RECEIVED, message(gw, poison).state());
            assertEquals(1, message(gw, poison).attempts());
            assertTrue(message(gw, poison).reason().contains("step exploded"));

            for (int i = 0; i < 3; i++) {
                gw.clock.advance(Duration.ofHours(1));
                while (p.processDue() > 0) { }
            }
            InboundMessage m = message(gw, poison);
            assertEquals(InboundState.QUARANTINED, m.state());
            assertTrue(m.reason().startsWith("processing failed 3 times"), m.reason());
            assertEquals(1, outbox(gw, poison).size(), "one alert to the administrator");
        }
    }
}
