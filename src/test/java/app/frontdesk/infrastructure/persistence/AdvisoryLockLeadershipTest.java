package app.frontdesk.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.application.instances.Leadership;
import app.frontdesk.testkit.TestDatabases;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Two instances over one PostgreSQL schema: one leads; when its session ends, the other leads. Fails under CI=true without PostgreSQL. */
class AdvisoryLockLeadershipTest {

    @Test
    void oneOfTwoLeadsAndTheOtherTakesOverWhenTheLeadersSessionIsKilled() throws Exception {
        DatabaseSettings settings = schema(); // a schema of its own: the lock key is the schema's
        try (AdvisoryLockLeadership a = new AdvisoryLockLeadership(settings, "a", Duration.ofMillis(200));
             AdvisoryLockLeadership b = new AdvisoryLockLeadership(settings, "b", Duration.ofMillis(200))) {
            CountDownLatch aElected = new CountDownLatch(1);
            CountDownLatch aLost = new CountDownLatch(1);
            a.addListener(listener(aElected, aLost));
            a.start();
            assertTrue(aElected.await(10, TimeUnit.SECONDS), "the first instance leads");
            CountDownLatch bElected = new CountDownLatch(1);
            b.addListener(listener(bElected, new CountDownLatch(1)));
            b.start();
            Thread.sleep(1_000);
            assertFalse(b.isLeader(), "never two leaders");

            // the leader's machine is gone as the database sees it: its session ends (kill -9 closes the socket the same way)
            TestDatabases.sql(TestDatabases.PG_URL, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE application_name = 'frontdesk-leadership a'");
            assertTrue(aLost.await(10, TimeUnit.SECONDS), "the old leader notices it no longer leads");
            assertTrue(bElected.await(10, TimeUnit.SECONDS), "the other instance leads");
            assertFalse(a.isLeader() && b.isLeader(), "never two leaders");
        }
    }

    @Test
    void anotherSchemaIsAnotherDeploymentWithItsOwnLeader() throws Exception {
        try (AdvisoryLockLeadership a = new AdvisoryLockLeadership(schema(), "a", Duration.ofMillis(200)).start();
             AdvisoryLockLeadership b = new AdvisoryLockLeadership(schema(), "b", Duration.ofMillis(200)).start()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!(a.isLeader() && b.isLeader()) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(a.isLeader() && b.isLeader());
        }
    }

    /** A fresh schema (created: current_schema() names only one that exists). */
    private static DatabaseSettings schema() throws Exception {
        DatabaseSettings s = TestDatabases.postgres();
        TestDatabases.sql(TestDatabases.PG_URL, "CREATE SCHEMA " + s.url().substring(s.url().indexOf("currentSchema=") + 14));
        return s;
    }

    private static Leadership.Listener listener(CountDownLatch elected, CountDownLatch lost) {
        return new Leadership.Listener() {
            @Override
            public void elected() {
                elected.countDown();
            }

            @Override
            public void lost() {
                lost.countDown();
            }
        };
    }
}
