package app.frontdesk.application.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.frontdesk.domain.model.supportcase.SenderThrottle;
import app.frontdesk.infrastructure.persistence.Database;
import app.frontdesk.infrastructure.persistence.DatabaseSettings;
import app.frontdesk.testkit.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One auto-reply per sender per window, and one alert, across instances: two Database instances (two pools, as two
 * gateways have) over one database race {@link Throttles#pass} for a sender nobody has written to yet. Exactly one
 * passes, and the one that loses the first insert is told no, not failed on the primary key (its message would go
 * back to the pipeline with a stack trace and be tried again).
 */
class ThrottleRaceTest {

    private static final int THREADS = 8;
    private static final int ROUNDS = 15;

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void ofManyRacingForTheFirstMailToASenderExactlyOnePassesAndNoneFails(String name, Supplier<DatabaseSettings> settings) throws Exception {
        DatabaseSettings s = settings.get();
        Database a = TestDatabases.open(s);
        Database b = Database.open(s);
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            Instant now = Instant.parse("2026-11-20T09:00:00Z");
            for (int round = 0; round < ROUNDS; round++) {
                String sender = "sender-" + round + "@northwind.example";
                SenderThrottle.Kind kind = round % 2 == 0 ? SenderThrottle.Kind.REPLY : SenderThrottle.Kind.ALERT;
                CyclicBarrier together = new CyclicBarrier(THREADS);
                List<Future<Boolean>> passed = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    Database db = t % 2 == 0 ? a : b;
                    passed.add(threads.submit(() -> {
                        together.await(10, TimeUnit.SECONDS);
                        return db.inTransaction(r -> Throttles.pass(r, sender, kind, Duration.ofDays(1), null, now));
                    }));
                }
                int passes = 0;
                for (Future<Boolean> f : passed) {
                    passes += f.get(60, TimeUnit.SECONDS) ? 1 : 0; // a primary-key failure would throw here
                }
                assertEquals(1, passes, name + ", round " + round + ": one mail to " + sender);
                // and the window holds afterwards, on either instance
                assertEquals(false, b.inTransaction(r -> Throttles.pass(r, sender, kind, Duration.ofDays(1), null, now.plusSeconds(60))));
                assertEquals(true, a.inTransaction(r -> Throttles.pass(r, sender, kind, Duration.ofDays(1), null, now.plus(Duration.ofDays(1)))),
                        "a new window: one more");
            }
        } finally {
            threads.shutdownNow();
            b.close();
            TestDatabases.dispose(a);
        }
    }
}
