package app.frontdesk.application.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.frontdesk.application.Meter;
import app.frontdesk.application.pipeline.InboundProcessor;
import app.frontdesk.domain.model.inbound.Envelope;
import app.frontdesk.domain.model.inbound.InboundState;
import app.frontdesk.domain.model.supportcase.CaseState;
import app.frontdesk.domain.model.supportcase.SupportCase;
import app.frontdesk.infrastructure.persistence.DatabaseSettings;
import app.frontdesk.testkit.GatewayFixture;
import app.frontdesk.testkit.TestMail;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One new sender, one case, whoever processes their messages: two workers (as on two instances, or a worker taking
 * another's share) each take one of a new sender's first two messages at the same moment. Both used to find no open
 * case and open one each; the sender's row in sender_throttle (kind CASE) now orders them, so the second joins the
 * first's case.
 */
class CaseOpeningRaceTest {

    private static final int SENDERS = 12;

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void twoWorkersTakingANewSendersFirstMessagesTogetherOpenOneCase(String name, Supplier<DatabaseSettings> db) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (GatewayFixture gw = new GatewayFixture(db.get())) {
            gw.account("Romashka", "romashka.example", "anna@romashka.example");
            InboundProcessor first = new InboundProcessor(gw.db, gw.pipeline, gw.services.adminAlert, gw.clock, Meter.NONE, 1, 3);
            InboundProcessor second = new InboundProcessor(gw.db, gw.pipeline, gw.services.adminAlert, gw.clock, Meter.NONE, 1, 3);
            for (int s = 0; s < SENDERS; s++) {
                String sender = "stranger" + s + "@example.org";
                for (int m = 0; m < 2; m++) {
                    gw.intake.accept(TestMail.from(sender).subject("Question " + m).messageId("<s" + s + "-" + m + "@example.org>").bytes(),
                            Envelope.UNKNOWN);
                }
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Integer>> done = new ArrayList<>();
                for (InboundProcessor worker : List.of(first, second)) {
                    done.add(threads.submit(() -> {
                        together.await(10, TimeUnit.SECONDS);
                        return worker.processDue(); // one message each: batch size 1, the other's row is skipped
                    }));
                }
                for (Future<Integer> f : done) {
                    f.get(60, TimeUnit.SECONDS);
                }
                // on H2 both may pick the same page of rows and one finds it locked: that one is processed after
                gw.processAll();
            }
            assertEquals(0L, (long) gw.db.inTransaction(r -> r.inbound().countInState(InboundState.RECEIVED)), "nothing left waiting");
            Map<String, Long> casesPerSender = gw.db.inTransaction(r -> r.cases().list(Optional.of(CaseState.OPEN), 1000))
                    .stream().collect(Collectors.groupingBy(SupportCase::sender, Collectors.counting()));
            assertEquals(SENDERS, casesPerSender.size(), name + ": every sender has a case");
            assertEquals(Map.of(), casesPerSender.entrySet().stream().filter(e -> e.getValue() > 1)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), name + ": senders with more than one open case");
        } finally {
            threads.shutdownNow();
        }
    }
}
