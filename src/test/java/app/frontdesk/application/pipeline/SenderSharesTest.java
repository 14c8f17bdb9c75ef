package app.frontdesk.application.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import app.frontdesk.application.Meter;
import app.frontdesk.application.intake.SenderKey;
import app.frontdesk.domain.model.inbound.Envelope;
import app.frontdesk.domain.model.inbound.InboundState;
import app.frontdesk.infrastructure.persistence.DatabaseSettings;
import app.frontdesk.testkit.GatewayFixture;
import app.frontdesk.testkit.TestDatabases;
import app.frontdesk.testkit.TestMail;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pipeline workers share the senders out: each takes its own senders' messages first, so two
 * workers never hold messages of one sender at once while both have work; a worker with nothing of
 * its own takes any due message, so nothing waits behind an idle worker.
 */
class SenderSharesTest {

    @Test
    void theKeyIsTheSendersAddressWhateverItsCaseOrDisplayName() {
        int anna = SenderKey.of(TestMail.from("Anna <anna@romashka.example>").bytes(), Envelope.UNKNOWN);
        assertEquals(anna, SenderKey.of(TestMail.from("\"Anna K.\" <ANNA@Romashka.example>").bytes(), Envelope.UNKNOWN));
        assertEquals(anna, SenderKey.of("Subject: no From\r\n\r\nbody".getBytes(StandardCharsets.US_ASCII),
                new Envelope("anna@romashka.example", "support@frontdesk.example")), "no From: the envelope sender");
        assertNotEquals(anna, SenderKey.of(TestMail.from("boris@romashka.example").bytes(), Envelope.UNKNOWN));
        assertEquals(0, SenderKey.of("Subject: nobody\r\n\r\n".getBytes(StandardCharsets.US_ASCII), Envelope.UNKNOWN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void aWorkerTakesItsOwnSendersFirstAndOthersOnlyWhenItHasNone(String name, Supplier<DatabaseSettings> db) throws Exception {
        // two senders in worker 0's share and one in worker 1's (sender key mod 2)
        List<String> share0 = new ArrayList<>();
        List<String> share1 = new ArrayList<>();
        for (int n = 0; share0.size() < 2 || share1.isEmpty(); n++) {
            String address = "c" + n + "@romashka.example";
            (SenderKey.of(TestMail.from(address).bytes(), Envelope.UNKNOWN) % 2 == 0 ? share0 : share1).add(address);
        }
        List<String> senders = List.of(share0.get(0), share0.get(1), share1.get(0));
        try (GatewayFixture gw = new GatewayFixture(db.get())) {
            gw.account("Romashka", "romashka.example", senders.toArray(String[]::new));
            Map<Long, String> sentBy = new HashMap<>();
            for (int i = 0; i < 12; i++) {
                String from = senders.get(i % 3);
                long id = gw.intake.accept(TestMail.from(from).subject("Question " + i).messageId("<q" + i + "@romashka.example>").bytes(),
                        Envelope.UNKNOWN).id();
                sentBy.put(id, from);
            }
            InboundProcessor worker = new InboundProcessor(gw.db, gw.pipeline, gw.services.adminAlert,
                    gw.clock, Meter.NONE, 100, 3);

            assertEquals(4, worker.processDue(1, 2), "worker 1 takes only its own sender's messages while it has any");
            for (var e : sentBy.entrySet()) {
                InboundState state = gw.db.inTransaction(r -> r.inbound().find(e.getKey()).orElseThrow().state());
                assertEquals(e.getValue().equals(share1.get(0)) ? InboundState.ROUTED : InboundState.RECEIVED, state, e.getValue());
            }
            assertEquals(8, worker.processDue(1, 2), "nothing of its own left: it takes the others' rather than idle");
            assertEquals(0, worker.processDue(1, 2));
            assertEquals(12L, (long) gw.db.inTransaction(r -> r.inbound().countInState(InboundState.ROUTED)));
        }
    }
}
