package app.frontdesk.application.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.application.Meter;
import app.frontdesk.domain.model.inbound.Envelope;
import app.frontdesk.domain.model.inbound.InboundMessage;
import app.frontdesk.domain.model.inbound.InboundState;
import app.frontdesk.domain.model.inbound.Route;
import app.frontdesk.infrastructure.mime.Mime4jMailParser;
import app.frontdesk.infrastructure.persistence.DatabaseSettings;
import app.frontdesk.testkit.GatewayFixture;
import app.frontdesk.testkit.HostileMail;
import app.frontdesk.testkit.TestDatabases;
import app.frontdesk.testkit.TestMail;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One message must never stop the pipeline: whatever it throws, wherever, and even when it kills the JVM. */
class PoisonMessageTest {

    private static InboundMessage message(GatewayFixture gw, long id) {
        return gw.db.inTransaction(r -> r.inbound().find(id).orElseThrow());
    }

    private static InboundProcessor processor(GatewayFixture gw, Step poisonStep, int maxAttempts) {
        Pipeline pipeline = new Pipeline(List.of(
                Step.step("parse", Matcher.always(), new ParseMessage(new Mime4jMailParser(), gw.services.adminAlert)),
                poisonStep,
                Step.step("hold", Matcher.always(), new HoldAsUnknownSender())));
        return new InboundProcessor(gw.db, pipeline, gw.services.adminAlert, gw.clock, Meter.NONE, 10, maxAttempts);
    }

    private static Matcher subjectIs(String subject) {
        return m -> m.parsed().subject().equals(subject) ? Optional.of("") : Optional.empty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void aStackOverflowInAStepIsThatMessagesFailureAndTheWorkerGoesOn(String name, Supplier<DatabaseSettings> db) throws Exception {
        try (GatewayFixture gw = new GatewayFixture(db.get())) {
            InboundProcessor p = processor(gw, Step.step("overflow", subjectIs("poison"), (m, why) -> recurse(0)), 2);
            long poison = gw.intake.accept(TestMail.from("x@y.example").subject("poison").bytes(), Envelope.UNKNOWN).id();
            long fine = gw.intake.accept(TestMail.from("z@y.example").subject("fine").bytes(), Envelope.UNKNOWN).id();

            while (p.processDue() > 0) { }
            assertEquals(InboundState.HELD, message(gw, fine).state());
            assertEquals(InboundState.RECEIVED, message(gw, poison).state());
            assertTrue(message(gw, poison).reason().contains("StackOverflowError"), message(gw, poison).reason());
            assertTrue(message(gw, poison).reason().endsWith("in step overflow"), message(gw, poison).reason());

            gw.clock.advance(Duration.ofHours(1));
            while (p.processDue() > 0) { }
            assertEquals(InboundState.QUARANTINED, message(gw, poison).state(), "quarantined after the last attempt");
        }
    }

    private static int recurse(int n) {
        return recurse(n + 1) + 1;
    }

    @org.junit.jupiter.api.Test
    void theParsersLimitsAreConfigurableAndTheReasonNamesTheOneReached() throws Exception {
        try (GatewayFixture gw = new GatewayFixture(TestDatabases.h2(), java.util.Map.of("FRONTDESK_MIME_MAX_NESTING", "3",
                "FRONTDESK_MIME_MAX_HEADER_FIELDS", "20"))) {
            long nested = gw.intake.accept(HostileMail.nestedMessages("x@y.example", 5), Envelope.UNKNOWN).id();
            long fields = gw.intake.accept(HostileMail.manyHeaderFields("z@y.example", 30), Envelope.UNKNOWN).id();
            long plain = gw.intake.accept(TestMail.from("w@y.example").bytes(), Envelope.UNKNOWN).id();
            gw.processAll();
            assertEquals(InboundState.HELD, message(gw, nested).state());
            assertTrue(message(gw, nested).reason().endsWith("read only in part: MIME nesting deeper than 3 levels (limit): the inner"
                    + " parts not read"), message(gw, nested).reason());
            assertTrue(message(gw, fields).reason().contains("read only in part: more than 20 header fields"), message(gw, fields).reason());
            assertFalse(message(gw, plain).reason().contains("read only in part"), message(gw, plain).reason());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void controlCharactersStayInTheRawBytesAndAreReplacedInTheTextColumns(String name, Supplier<DatabaseSettings> db) throws Exception {
        try (GatewayFixture gw = new GatewayFixture(db.get())) {
            byte[] raw = TestMail.from("\"Ivan\u0000Petrov\u0007\" <ivan@y.example>").subject("Invoice\u0000 42\u001b[31m").bytes();
            long id = gw.intake.accept(raw, Envelope.UNKNOWN).id();
            gw.processAll();
            InboundMessage m = message(gw, id);
            assertEquals(InboundState.HELD, m.state(), "decided, not quarantined: " + m.reason());
            assertEquals("Invoice\uFFFD 42\uFFFD[31m", m.subject());
            org.junit.jupiter.api.Assertions.assertArrayEquals(raw, gw.db.inTransaction(r -> r.inbound().rawBytes(id)),
                    "the bytes as received");
            var c = gw.db.inTransaction(r -> r.cases().find(m.caseId()).orElseThrow());
            assertEquals(Optional.of("Ivan\uFFFDPetrov\uFFFD"), c.senderName());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void readinessSeesHowLongTheOldestMessageHasWaited(String name, Supplier<DatabaseSettings> db) throws Exception {
        try (GatewayFixture gw = new GatewayFixture(db.get())) {
            assertEquals(Optional.empty(), gw.db.inTransaction(r -> r.inbound().oldestWaiting()));
            Instant first = gw.clock.instant();
            gw.intake.accept(TestMail.from("x@y.example").bytes(), Envelope.UNKNOWN);
            gw.clock.advance(Duration.ofMinutes(5));
            gw.intake.accept(TestMail.from("z@y.example").bytes(), Envelope.UNKNOWN);
            assertEquals(Optional.of(first), gw.db.inTransaction(r -> r.inbound().oldestWaiting()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void theAttemptIsCommittedBeforeTheWorkStarts(String name, Supplier<DatabaseSettings> db) throws Exception {
        try (GatewayFixture gw = new GatewayFixture(db.get())) {
            List<Integer> seenFromOutside = new ArrayList<>();
            InboundProcessor p = processor(gw, Step.step("look", Matcher.always(), (m, why) ->
                    // another transaction, as a restarted JVM would see the row
                    seenFromOutside.add(gw.db.inTransaction(r -> r.inbound().find(m.message().id()).orElseThrow().attempts()))), 5);
            gw.intake.accept(TestMail.from("x@y.example").subject("hello").bytes(), Envelope.UNKNOWN);
            p.processDue();
            assertEquals(List.of(1), seenFromOutside);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void afterACrashTheMessagesThatWereBeingTriedAreTriedOneAtATimeAndOnlyTheCulpritIsQuarantined(String name,
            Supplier<DatabaseSettings> db) throws Exception {
        try (GatewayFixture gw = new GatewayFixture(db.get())) {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ids.add(gw.intake.accept(TestMail.from("x" + i + "@y.example").subject(i == 2 ? "kills" : "fine " + i).bytes(),
                        Envelope.UNKNOWN).id());
            }
            // Three crashes in a row while the whole batch was being tried: each counted an attempt on all four, then died.
            for (int crash = 0; crash < 3; crash++) {
                Instant now = gw.clock.instant();
                gw.db.run(r -> r.inbound().claimDue(now, 10).forEach(m -> m.startAttempt(Duration.ofSeconds(10), now)));
                gw.clock.advance(Duration.ofMinutes(1));
            }
            // The restarted gateway: "kills" still throws (as a stand-in for killing the JVM), the others are fine.
            InboundProcessor p = processor(gw, Step.step("kill", subjectIs("kills"), (m, why) -> {
                throw new IllegalStateException("the JVM would die here");
            }), 4);
            assertEquals(1, p.processDue(), "a message tried before is claimed alone");
            while (p.processDue() > 0) { }
            assertEquals(Route.QUARANTINE, message(gw, ids.get(2)).route());
            for (int i : new int[] {0, 1, 3}) {
                assertEquals(InboundState.HELD, message(gw, ids.get(i)).state(), "message " + i);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void deeplyNestedMessagesFromAnySenderAreRoutedAndTheOnesAfterThemToo(String name, Supplier<DatabaseSettings> db) throws Exception {
        try (GatewayFixture gw = new GatewayFixture(db.get())) {
            long messages = gw.intake.accept(HostileMail.nestedMessages("x@y.example", 30_000), Envelope.UNKNOWN).id();
            long multiparts = gw.intake.accept(HostileMail.nestedMultiparts("x@y.example", 30_000), Envelope.UNKNOWN).id();
            long after = gw.intake.accept(TestMail.from("z@y.example").subject("after").bytes(), Envelope.UNKNOWN).id();
            gw.processAll();
            for (long id : new long[] {messages, multiparts, after}) {
                InboundMessage m = message(gw, id);
                assertFalse(m.state() == InboundState.RECEIVED, "message " + id + " decided: " + m.reason());
                assertFalse(m.route() == Route.QUARANTINE, "message " + id + " routed as its sender deserves: " + m.reason());
            }
        }
    }
}
