package app.frontdesk.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.application.accounts.AccountDraft;
import app.frontdesk.domain.model.inbound.Envelope;
import app.frontdesk.infrastructure.persistence.DatabaseSettings;
import app.frontdesk.testkit.GatewayFixture;
import app.frontdesk.testkit.TestMail;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * GET /api/tasks?assignee=&state= over the real services, on H2 and PostgreSQL (the resource's error answers need a JAX-RS
 * runtime: they are exercised end to end).
 */
class TaskResourceTest {

    private static long account(GatewayFixture gw, String name, String domain, String manager) throws Exception {
        return gw.accounts.create(new AccountDraft(name, List.of(domain), List.of(new AccountDraft.ContactDraft("buh@" + domain, null, "ru")),
                new AccountDraft.ManagerDraft("Manager", manager)), "test");
    }

    private static void strangerWrites(GatewayFixture gw, String from) throws Exception {
        gw.intake.accept(TestMail.from(from).subject("Вопрос").rawHeaderCharset(StandardCharsets.UTF_8).body("Добрый день, вопрос.").bytes(),
                Envelope.UNKNOWN);
        gw.processAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void theApiListsTasksByAssigneeAndStateAndAPersonMarksOneDone(String name, Supplier<DatabaseSettings> db) throws Exception {
        try (GatewayFixture gw = new GatewayFixture(db.get())) {
            long romashka = account(gw, "Romashka", "romashka.example", "olga@frontdesk.test");
            long vasilek = account(gw, "Vasilek", "vasilek.example", "petr@frontdesk.test");
            strangerWrites(gw, "ceo@romashka.example");
            strangerWrites(gw, "cfo@vasilek.example");
            TaskResource api = new TaskResource();
            api.tasks = gw.services.tasks;

            List<TaskResource.TaskView> olga = api.list("olga@frontdesk.test", "OPEN", 100);
            assertEquals(1, olga.size(), olga.toString());
            TaskResource.TaskView task = olga.get(0);
            assertEquals("ANSWER", task.kind());
            assertEquals(romashka, task.accountId());
            assertEquals("ceo@romashka.example", task.promisedTo());
            assertTrue(task.caseReference().startsWith("FD-"), task.toString());
            assertEquals(false, task.overdue());
            assertEquals(List.of(vasilek), api.list("petr@frontdesk.test", null, 100).stream().map(TaskResource.TaskView::accountId).toList());
            assertEquals(olga, api.list(" Olga@Frontdesk.test ", "open", 100), "the address as people type it");
            assertEquals(2, api.list(null, null, 100).size());
            assertEquals(List.of(), api.list("olga@frontdesk.test", "DONE", 100));

            gw.clock.advance(Duration.ofDays(3));
            assertEquals(true, api.list("olga@frontdesk.test", "OPEN", 100).get(0).overdue(), "by the gateway's clock");

            // POST /api/tasks/{id}/done is the service's done (the resource only reads the JSON and maps 404 and 409)
            TaskResource.TaskView after = gw.services.tasks.done(task.id(), "admin-api: olga", "answered Ivan by phone",
                    t -> TaskResource.TaskView.of(t, false)).orElseThrow();
            assertEquals("DONE", after.state());
            assertEquals("admin-api: olga", after.doneBy());
            assertEquals("answered Ivan by phone", after.note());
            assertEquals(List.of(), api.list("olga@frontdesk.test", "OPEN", 100));
            assertEquals(1, api.list("olga@frontdesk.test", "DONE", 100).size());
            assertThrows(IllegalStateException.class, () -> gw.services.tasks.done(task.id(), "admin-api", "again", t -> t), "done once: 409");
            assertEquals(java.util.Optional.empty(), gw.services.tasks.done(999_999, "admin-api", "x", t -> t), "no such task: 404");
        }
    }
}
