package app.frontdesk.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.domain.model.supportcase.CaseEvent;
import app.frontdesk.domain.model.supportcase.CaseKind;
import app.frontdesk.domain.model.supportcase.SupportCase;
import app.frontdesk.testkit.TestDatabases;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A case records an event without reading its history (a sender who wrote hundreds of times made each further message
 * load and compare every earlier event), and every recorded event is still written, once, in order, on H2 and PostgreSQL.
 */
class CaseEventWriterTest {

    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void recordingWritesTheEventWithoutLoadingTheHistory(String name, Supplier<DatabaseSettings> settings) {
        Database db = TestDatabases.open(settings.get());
        try {
            long id = db.inTransaction(repos -> {
                SupportCase c = new SupportCase(CaseKind.UNKNOWN_SENDER, "flood@elsewhere.example", null, null, 0, null,
                        Locale.ENGLISH, T0, T0.plusSeconds(3600), T0.plusSeconds(86_400));
                repos.cases().add(c);
                IntStream.range(0, 300).forEach(i -> c.record(T0.plusSeconds(i), "pipeline", "message-joined", "message " + i));
                return c.id();
            });

            db.inTransaction(repos -> {
                SupportCase c = repos.cases().openCaseOf("flood@elsewhere.example").orElseThrow(); // as the pipeline does
                c.record(T0.plusSeconds(400), "pipeline", "message-joined", "message 300");
                assertTrue(repos.cases().hasEvent(c, "message-joined")); // a query: EclipseLink flushes first, and writes the event
                c.record(T0.plusSeconds(401), "pipeline", "reply-suppressed", "after the flush");
                assertTrue(repos.cases().hasEvent(c, "reply-suppressed"), "a recorded event counts before commit");
                assertFalse(repos.cases().hasEvent(c, "asked"));
                assertFalse(db.isLoaded(c, "timeline"), "the 300 earlier events were not read");
                List<CaseEvent> seen = c.timeline(); // reads them now, the flushed one among them
                assertEquals(302, seen.size(), "read after a flush, the written event is not counted twice");
                assertEquals("after the flush", seen.get(301).detail());
                return null;
            });

            List<CaseEvent> stored = db.inTransaction(repos -> repos.cases().find(id).orElseThrow().timeline());
            assertEquals(302, stored.size());
            assertEquals(IntStream.range(0, 301).mapToObj(i -> "message " + i).toList(),
                    stored.subList(0, 301).stream().map(CaseEvent::detail).toList(), "in the order recorded");
            assertEquals("reply-suppressed", stored.get(301).kind());
        } finally {
            TestDatabases.dispose(db);
        }
    }
}
