package app.frontdesk.application.needs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static app.frontdesk.testkit.FixtureSeeds.OLGA;
import static app.frontdesk.testkit.FixtureSeeds.BORIS;
import static app.frontdesk.testkit.FixtureSeeds.LEAD;
import static app.frontdesk.testkit.FixtureSeeds.account;

import app.frontdesk.domain.model.supportcase.CaseKind;
import app.frontdesk.domain.model.supportcase.SupportCase;
import app.frontdesk.domain.model.task.Task;
import app.frontdesk.domain.model.task.TaskKind;
import app.frontdesk.domain.model.task.TaskState;
import app.frontdesk.infrastructure.persistence.DatabaseSettings;
import app.frontdesk.testkit.GatewayFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * "Needs me" lists the tasks a person owes, earliest due first, and a lead also everyone's overdue or
 * escalated ones; a manager neither sees nor completes another manager's task (the same answer as for no
 * task), and completing one is audited.
 */
class NeedsMeTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void eachSeesTheTasksTheyOweAndALeadAlsoEveryoneElsesLateOnes(String name, Supplier<DatabaseSettings> db) throws Exception {
        try (GatewayFixture gw = new GatewayFixture(db.get())) {
            long romashka = account(gw, "ООО «Ромашка»", "romashka.example", OLGA.email());
            long lyutik = account(gw, "ООО «Лютик»", "lyutik.example", BORIS.email());
            Instant now = gw.clock.instant();
            long olgaLater = task(gw, OLGA.email(), romashka, now.plus(Duration.ofHours(5)));
            long olgaSoon = task(gw, OLGA.email(), romashka, now.plus(Duration.ofHours(1)));
            long borisLate = task(gw, BORIS.email(), lyutik, now.minus(Duration.ofHours(2)));
            long borisLater = task(gw, BORIS.email(), lyutik, now.plus(Duration.ofDays(1)));
            long leads = task(gw, LEAD.email(), lyutik, now.plus(Duration.ofHours(3)));
            long done = task(gw, OLGA.email(), romashka, now.minus(Duration.ofHours(9)));
            gw.db.run(r -> r.tasks().lock(done).orElseThrow().done("olga", "called", now));
            long olgasCase = gw.db.inTransaction(r -> {
                SupportCase c = new SupportCase(CaseKind.UNKNOWN_SENDER, "ivan@petrov-family.example", null, romashka, 70, "test",
                        Locale.ENGLISH, now, now.plus(Duration.ofHours(4)), now.plus(Duration.ofDays(7)));
                r.cases().add(c);
                return c.id();
            });
            NeedsMe needs = gw.services.needsMe;

            var olgas = needs.of(OLGA, 100, views());
            assertEquals(List.of(olgaSoon, olgaLater), olgas.tasks(), "her open tasks, earliest due first; the done one gone");
            assertEquals(List.of(olgasCase), olgas.cases(), "read with her cases in the same call");
            assertEquals(3, olgas.count(), "the count the title shows");
            assertEquals(List.of(borisLate, borisLater), needs.of(BORIS, 100, views()).tasks());
            assertEquals(List.of(borisLate, leads), needs.of(LEAD, 100, views()).tasks(), "a lead: her own and everyone's overdue ones");
            gw.db.run(r -> r.tasks().lock(borisLater).orElseThrow().escalated(LEAD.email(), now));
            assertEquals(List.of(borisLate, leads, borisLater), needs.of(LEAD, 100, views()).tasks(), "and the escalated ones");

            var desk = gw.services.tasks;
            assertTrue(desk.doneBy(BORIS, olgaSoon, "mine now", Task::id).isEmpty(), "Boris cannot complete Olga's task");
            assertTrue(desk.doneBy(BORIS, 999_999, "x", Task::id).isEmpty(), "the same answer as for no task");
            assertEquals(TaskState.OPEN, state(gw, olgaSoon), "nothing changed");

            assertEquals(olgaSoon, desk.doneBy(OLGA, olgaSoon, "  called Anna ", Task::id).orElseThrow());
            assertEquals(TaskState.DONE, state(gw, olgaSoon));
            assertThrows(IllegalStateException.class, () -> desk.doneBy(OLGA, olgaSoon, "again", Task::id), "done once");
            var audit = gw.db.inTransaction(r -> r.audit().about("task", olgaSoon));
            assertEquals(1, audit.size());
            assertEquals(OLGA.email(), audit.get(0).actor());
            assertTrue(audit.get(0).detail().endsWith("; called Anna"), audit.get(0).detail());
            assertEquals(List.of(olgaLater), needs.of(OLGA, 100, views()).tasks(), "it leaves her list");

            assertEquals(borisLate, desk.doneBy(LEAD, borisLate, null, Task::id).orElseThrow(), "a lead completes anyone's");
        }
    }

    private static NeedsMe.Views<Long, Long, Long, Long> views() {
        return new NeedsMe.Views<>() {
            @Override
            public Long caseRow(SupportCase c) {
                return c.id();
            }

            @Override
            public Long noticeRow(app.frontdesk.domain.model.billing.Notice n, String accountName,
                                  app.frontdesk.domain.model.billing.NoticeDecision latest) {
                return n.id();
            }

            @Override
            public Long flagRow(app.frontdesk.domain.model.care.FlaggedAccount f) {
                return f.accountId();
            }

            @Override
            public Long taskRow(Task t) {
                return t.id();
            }
        };
    }

    private static long task(GatewayFixture gw, String assignee, long account, Instant due) {
        return gw.db.inTransaction(r -> {
            Task t = new Task(TaskKind.CALL, assignee, account, null, null, "Анна", "call Анна about the invoice", due, gw.clock.instant());
            r.tasks().add(t);
            return t.id();
        });
    }

    private static TaskState state(GatewayFixture gw, long id) {
        return gw.db.inTransaction(r -> r.tasks().lock(id).orElseThrow().state());
    }
}
