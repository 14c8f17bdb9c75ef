package app.frontdesk.application.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.application.Meter;
import app.frontdesk.domain.model.inbound.Envelope;
import app.frontdesk.infrastructure.persistence.Database;
import app.frontdesk.infrastructure.persistence.DatabaseSettings;
import app.frontdesk.testkit.TestDatabases;
import app.frontdesk.testkit.TestMail;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, item 3: a process killed between a shared commit and its answers has told no caller a lie. A child
 * JVM stores messages from 8 threads through group commit on PostgreSQL and prints each answer; it
 * also prints each batch right after its commit, before anyone is answered. It is killed with SIGKILL there
 * (the commit is done, nobody answered yet), or at a random moment. After each kill the database is opened
 * again as a restart would: every message answered or printed as committed in any cycle so far is there, and no
 * answer came before the commit that holds its message.
 *
 * <p>On PostgreSQL, not the embedded H2: what is tested is group commit's promise, and H2 2.2.224 (the one Payara
 * ships) could not open its own file after about one kill in 24 of this test ("Double mark", h2database#2752, open
 * upstream; docs/operations.md, "The embedded database and crashes"). Fails under CI=true without PostgreSQL.
 */
class GroupCommitCrashTest {

    private static final int CYCLES = 4;

    @Test
    void everyAnsweredMessageIsStoredWhenTheProcessDiesBetweenTheCommitAndTheAnswers() throws Exception {
        DatabaseSettings settings = TestDatabases.postgres();
        TestDatabases.open(settings).close(); // the schema, migrated once
        Random random = new Random(20261128L);
        int batchesSeen = 0;
        int answersSeen = 0;
        Set<Long> committed = new HashSet<>();
        List<Long> answered = new ArrayList<>();
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            boolean afterCommit = cycle % 2 == 0;
            int stopAtBatch = 10 + random.nextInt(20);
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), StoringChild.class.getName(), settings.url(), settings.user(),
                    String.valueOf(afterCommit ? stopAtBatch : -1))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            int committedBefore = committed.size();
            int linesBeforeKill = 20 + random.nextInt(200);
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                int read = 0;
                while ((line = out.readLine()) != null) {
                    read++;
                    if (line.startsWith("C ")) {
                        for (String id : line.substring(2).trim().split(" ")) {
                            committed.add(Long.parseLong(id));
                        }
                        batchesSeen++;
                    } else if (line.startsWith("M ")) {
                        long id = Long.parseLong(line.substring(2).trim());
                        assertTrue(committed.contains(id), "cycle " + cycle + ": message " + id + " was answered before its commit");
                        answered.add(id);
                        answersSeen++;
                    } else if (line.equals("STOP")) {
                        break; // a batch is committed and its callers are not answered yet: kill now
                    }
                    if (!afterCommit && read >= linesBeforeKill) {
                        break;
                    }
                }
                child.destroyForcibly(); // SIGKILL: no shutdown hook, no close of the database
                assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            }
            assertTrue(committed.size() > committedBefore, "cycle " + cycle + ": the child committed something before it was killed");
            try (Database db = Database.open(settings)) {
                List<Long> lostAnswered = answered.stream().filter(id -> db.inTransaction(r -> r.inbound().find(id)).isEmpty()).toList();
                List<Long> lostCommitted = committed.stream().filter(id -> db.inTransaction(r -> r.inbound().find(id)).isEmpty()).toList();
                assertEquals(List.of(), lostAnswered, "cycle " + cycle + ": answered messages lost");
                assertEquals(List.of(), lostCommitted, "cycle " + cycle + ": committed messages lost");
            }
        }
        assertTrue(answersSeen > 0, "answers were seen before the kills");
        TestDatabases.dispose(Database.open(settings));
        System.out.printf("group commit crash test: %d cycles, %d commits and %d answers seen before the kills%n",
                CYCLES, batchesSeen, answersSeen);
    }

    /** The child (arguments: database URL, user, batch to stop after or -1): 8 threads store messages through group commit and print each answer; each commit is printed before its answers. */
    public static final class StoringChild {
        public static void main(String[] args) throws Exception {
            // the database and intake alone, as the gateway opens them: a child that starts in a second or two
            Database database = Database.open(new DatabaseSettings(args[0], args[1], ""));
            int stopAtBatch = Integer.parseInt(args[2]);
            AtomicInteger batches = new AtomicInteger();
            MessageIntake intake = new MessageIntake(database, Clock.systemUTC(), Meter.NONE, 1 << 20, () -> { }, 64, stored -> {
                StringBuilder line = new StringBuilder("C");
                stored.forEach(r -> line.append(' ').append(r.id()));
                synchronized (System.out) {
                    System.out.println(line);
                    System.out.flush();
                }
                if (batches.incrementAndGet() == stopAtBatch) {
                    synchronized (System.out) {
                        System.out.println("STOP");
                        System.out.flush();
                    }
                    try {
                        Thread.sleep(Long.MAX_VALUE); // committed; the answers never come
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                threads.add(new Thread(() -> {
                    for (int i = 0; ; i++) {
                        long id;
                        try {
                            id = intake.accept(TestMail.from("anna@northwind.example").body("message " + thread + "/" + i).bytes(),
                                    new Envelope("anna@northwind.example", "support@frontdesk.test")).id();
                        } catch (MessageTooLargeException e) {
                            throw new IllegalStateException(e);
                        }
                        synchronized (System.out) {
                            System.out.println("M " + id);
                            System.out.flush();
                        }
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
        }
    }
}
