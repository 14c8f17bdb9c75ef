package app.frontdesk.application.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.domain.model.inbound.Envelope;
import app.frontdesk.domain.model.inbound.InboundMessage;
import app.frontdesk.domain.model.inbound.InboundState;
import app.frontdesk.domain.model.inbound.Route;
import app.frontdesk.testkit.Corpus;
import app.frontdesk.testkit.GatewayFixture;
import app.frontdesk.testkit.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every message of the shared real-mail corpus goes through intake and the whole pipeline on H2:
 * each one is stored byte for byte and ends routed, held or quarantined with a reason; no bounce is
 * taken for a person's mail.
 */
class CorpusPipelineTest {

    @Test
    void everyCorpusMessageIsStoredAndEndsWithAReasonAndNoBounceIsTakenForAPerson() throws Exception {
        Path root = Corpus.root().orElse(null);
        Assumptions.assumeTrue(root != null, "the shared corpus is not present");
        List<Path> files = Corpus.messages(root);
        assertTrue(files.size() > 800, "expected the whole corpus, found " + files.size());
        try (GatewayFixture gw = new GatewayFixture(TestDatabases.h2())) {
            gw.account("Known", "known.example", "someone@known.example");
            Map<Long, Path> ids = new HashMap<>();
            for (Path f : files) {
                byte[] raw = Files.readAllBytes(f);
                long id = gw.intake.accept(raw, Envelope.UNKNOWN).id();
                ids.putIfAbsent(id, f);
                assertTrue(java.util.Arrays.equals(raw, gw.db.inTransaction(r -> r.inbound().rawBytes(id))),
                        "stored bytes differ for " + f);
            }
            gw.processAll();
            List<String> humanBounces = new ArrayList<>();
            Map<Route, Integer> routes = new HashMap<>();
            for (var e : ids.entrySet()) {
                InboundMessage m = gw.db.inTransaction(r -> r.inbound().find(e.getKey()).orElseThrow());
                assertTrue(m.state() != InboundState.RECEIVED, "not processed: " + e.getValue());
                assertTrue(m.reason() != null && !m.reason().isBlank(), "no reason for " + e.getValue());
                routes.merge(m.route(), 1, Integer::sum);
                if (m.route() == Route.QUARANTINE || root.relativize(e.getValue()).toString().contains("/not/")) {
                    System.out.println(root.relativize(e.getValue()) + ": " + m.route() + " - " + m.reason());
                }
                if (Corpus.isBounce(root, e.getValue()) && (m.route() == Route.HELPDESK || m.route() == Route.UNKNOWN_SENDER)) {
                    humanBounces.add(root.relativize(e.getValue()) + " -> " + m.reason() + " [" + m.subject() + "]");
                }
            }
            System.out.println("corpus routes: " + routes);
            assertEquals(List.of(), humanBounces, humanBounces.size() + " bounces taken for a person's mail");
        }
    }
}
