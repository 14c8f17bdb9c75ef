package app.frontdesk.bench;

import app.frontdesk.domain.model.inbound.Envelope;
import app.frontdesk.infrastructure.persistence.DatabaseSettings;
import app.frontdesk.testkit.GatewayFixture;
import app.frontdesk.testkit.TestDatabases;
import java.util.Locale;
import java.util.Map;

/**
 * What the pipeline's database work costs for senders who write again and again into their open case (an impatient
 * stranger, a mail loop): four unknown senders, {@code -Dbench.messages} (4,000) messages in blocks of
 * {@code -Dbench.block} (500), each block accepted and then processed; per block the pipeline's messages/s and the CPU
 * PostgreSQL spent per message (its backends of this benchmark's own database, and its writers). A cost that grows
 * from block to block grows with the length of the cases.
 *
 * <p>{@code mvn -B -q exec:java -Dexec.mainClass=app.frontdesk.bench.ChattySenderBenchmark -Dexec.classpathScope=test}
 */
public final class ChattySenderBenchmark {

    public static void main(String[] args) throws Exception {
        int messages = Integer.getInteger("bench.messages", 4_000);
        int block = Integer.getInteger("bench.block", 500);
        TestDatabases.postgres(); // fails under CI=true when PostgreSQL is not there
        String db = "fd_chatty_" + System.currentTimeMillis();
        TestDatabases.sql(TestDatabases.PG_URL, "CREATE DATABASE " + db);
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%nFour unknown senders, %d messages in blocks of %d (PostgreSQL, the pipeline in this process):%n", messages, block));
        try (GatewayFixture gw = new GatewayFixture(new DatabaseSettings(TestDatabases.PG_URL.replace("/test", "/" + db)
                + "?currentSchema=fd", TestDatabases.PG_USER, ""), Map.of())) {
            for (int from = 0; from < messages; from += block) {
                for (int i = from; i < from + block; i++) {
                    // senders 36-39 of the benchmark's message are the unknown ones
                    gw.intake.accept(GatewayBenchmark.message(36 + Math.floorMod(i, 4) + 40 * i), Envelope.UNKNOWN);
                }
                IntakeBenchmark.Cpu before = IntakeBenchmark.Cpu.now(ProcessHandle.current().pid(), db);
                long start = System.nanoTime();
                gw.processAll();
                double seconds = (System.nanoTime() - start) / 1e9;
                IntakeBenchmark.Cpu used = IntakeBenchmark.Cpu.now(ProcessHandle.current().pid(), db).minus(before);
                out.append(String.format(Locale.ROOT, "  messages %5d-%5d: %6.0f msg/s processed, CPU per message: this JVM %4.0f us,"
                        + " PostgreSQL %4.0f us%n", from + 1, from + block, block / seconds, used.gateway() * 1e6 / block,
                        used.postgres() * 1e6 / block));
            }
        } finally {
            TestDatabases.sql(TestDatabases.PG_URL, "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        }
        System.out.println(out);
    }

    private ChattySenderBenchmark() {
    }
}
