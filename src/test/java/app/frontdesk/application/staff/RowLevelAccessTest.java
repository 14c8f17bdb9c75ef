package app.frontdesk.application.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static app.frontdesk.testkit.FixtureSeeds.OLGA;
import static app.frontdesk.testkit.FixtureSeeds.BORIS;
import static app.frontdesk.testkit.FixtureSeeds.LEAD;
import static app.frontdesk.testkit.FixtureSeeds.BILLING;
import static app.frontdesk.testkit.FixtureSeeds.account;
import static app.frontdesk.testkit.FixtureSeeds.openCase;

import app.frontdesk.domain.model.staff.StaffRole;
import app.frontdesk.domain.model.staff.Viewer;
import app.frontdesk.domain.model.supportcase.CaseState;
import app.frontdesk.domain.model.supportcase.SupportCase;
import app.frontdesk.infrastructure.persistence.DatabaseSettings;
import app.frontdesk.testkit.GatewayFixture;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the console may show and do for whom, enforced in the queries: a manager sees and acts on the
 * cases of the accounts they look after and nothing else (another's case is "no case"); a lead sees
 * every case, the unassigned ones too.
 */
class RowLevelAccessTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void aManagerSeesAndActsOnlyOnTheCasesOfHerOwnAccounts(String name, Supplier<DatabaseSettings> db) throws Exception {
        try (GatewayFixture gw = new GatewayFixture(db.get())) {
            long romashka = account(gw, "ООО «Ромашка»", "romashka.example", OLGA.email());
            long lyutik = account(gw, "ООО «Лютик»", "lyutik.example", BORIS.email());
            long olgas = openCase(gw, "ivan@petrov-family.example", romashka);
            long boriss = openCase(gw, "petr@lyutik-home.example", lyutik);
            long nobodys = openCase(gw, "stranger@example.net", null);
            var cases = gw.services.caseQueries;

            assertEquals(List.of(olgas), cases.openFor(OLGA, 100, SupportCase::id));
            assertEquals(List.of(boriss), cases.openFor(BORIS, 100, SupportCase::id));
            assertEquals(Set.of(olgas, boriss, nobodys), Set.copyOf(cases.openFor(LEAD, 100, SupportCase::id)), "a lead sees all, unassigned too");
            assertEquals(List.of(), cases.openFor(BILLING, 100, SupportCase::id), "billing looks after no account's cases");

            assertTrue(cases.detailFor(OLGA, olgas, (c, a, m, s, k) -> c.id()).isPresent());
            assertTrue(cases.detailFor(BORIS, olgas, (c, a, m, s, k) -> c.id()).isEmpty(), "Olga's case is no case for Boris");
            assertTrue(cases.detailFor(OLGA, nobodys, (c, a, m, s, k) -> c.id()).isEmpty());
            assertTrue(cases.detailFor(OLGA, 999_999, (c, a, m, s, k) -> c.id()).isEmpty(), "and looks like one that does not exist");

            var actions = gw.services.caseActions;
            assertTrue(actions.resolveAs(BORIS, olgas, "mine now", lyutik).isEmpty(), "Boris cannot act on Olga's case");
            assertTrue(gw.services.caseRejection.rejectAs(BORIS, olgas, "spam").isEmpty());
            assertTrue(actions.resolveAs(OLGA, nobodys, "claimed", romashka).isEmpty(), "nor Olga on an unassigned one");
            assertTrue(actions.resolveAs(OLGA, olgas, "moved", lyutik).isEmpty(), "nor authorize a sender for Boris's account");
            assertEquals(CaseState.OPEN, state(gw, olgas), "nothing of that changed the case");

            assertEquals(CaseState.RESOLVED, actions.resolveAs(OLGA, olgas, "called Anna", romashka).orElseThrow().state());
            assertEquals(CaseState.REJECTED, gw.services.caseRejection.rejectAs(LEAD, nobodys, "nobody we know").orElseThrow().state(), "a lead acts on any case");
            SupportCase c = gw.db.inTransaction(r -> {
                SupportCase x = r.cases().find(olgas).orElseThrow();
                x.timeline().size();
                return x;
            });
            assertTrue(c.timeline().stream().anyMatch(e -> e.actor().equals(OLGA.email())), "the timeline names who acted");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void aLeadHandsACaseToAColleagueWhoIsToldAndThenSeesAndActsOnIt(String name, Supplier<DatabaseSettings> db) throws Exception {
        try (GatewayFixture gw = new GatewayFixture(db.get())) {
            long romashka = account(gw, "ООО «Ромашка»", "romashka.example", OLGA.email());
            long olgas = openCase(gw, "ivan@petrov-family.example", romashka);
            StaffDirectory staff = gw.services.staff;
            staff.ensureFirstAdmin("admin@frontdesk.test", java.util.Optional.of("configured-admin-pw"), gw.dataDir.resolve("secrets"),
                    Locale.ENGLISH);
            Viewer admin = ((SignIn.Welcome) staff.signIn("admin@frontdesk.test", "configured-admin-pw", "127.0.0.1")).viewer();
            Viewer boris = staff.create(admin, BORIS.email(), "Борис Орлов", Set.of(StaffRole.MANAGER), Locale.forLanguageTag("ru"),
                    "boris-password-1");
            var actions = gw.services.caseActions;

            assertTrue(gw.services.caseHandover.handOverAs(OLGA, olgas, boris.email(), "you know them").isEmpty(), "a manager does not hand over");
            assertThrows(IllegalArgumentException.class, () -> gw.services.caseHandover.handOverAs(LEAD, olgas, "nobody@frontdesk.test", "x"));
            assertTrue(actions.noteAs(boris, olgas, "not mine yet").isEmpty(), "before: not his");

            assertEquals(boris.email(), gw.services.caseHandover.handOverAs(LEAD, olgas, boris.email(), "Ольга в отпуске").orElseThrow().assignee().orElseThrow());
            assertEquals(List.of(olgas), gw.services.caseQueries.openFor(boris, 100, SupportCase::id), "now among his own");
            assertEquals(List.of(olgas), gw.services.caseQueries.openFor(OLGA, 100, SupportCase::id), "and still among hers: her account");
            var mails = gw.db.inTransaction(r -> r.outbox().ofCase(olgas)).stream().filter(o -> o.recipients().contains(boris.email())).toList();
            assertEquals(1, mails.size(), "he is told");
            String text = app.frontdesk.testkit.Mails.text(mails.get(0).raw());
            assertTrue(text.contains("Вам передано обращение") && text.contains("Кто передал: Lead.") && text.contains("Ольга в отпуске") && text.contains("/console/cases/" + olgas),
                    "in his language, who, why and where: " + text);
            assertTrue(actions.noteAs(boris, olgas, "called Anna").isPresent());
            assertEquals(CaseState.REJECTED, gw.services.caseRejection.spamAs(boris, olgas, null).orElseThrow().state());
            assertEquals(1, gw.db.inTransaction(r -> r.outbox().ofCase(olgas)).stream().filter(o -> o.recipients().contains(boris.email())).count(),
                    "spam alerts nobody");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void heldMailIsListedByTheSameRuleAndOnlyALeadSendsQuarantinedMailThroughAgain(String name, Supplier<DatabaseSettings> db) throws Exception {
        try (GatewayFixture gw = new GatewayFixture(db.get())) {
            long romashka = account(gw, "ООО «Ромашка»", "romashka.example", OLGA.email());
            long held = store(gw, "<held@x>");
            long poisoned = store(gw, "<poison@x>");
            gw.db.run(r -> {
                r.inbound().find(held).orElseThrow().route(app.frontdesk.domain.model.inbound.Route.UNKNOWN_SENDER,
                        app.frontdesk.domain.model.inbound.InboundState.HELD, romashka, "unknown sender", gw.clock.instant());
                r.inbound().find(poisoned).orElseThrow().quarantine("the parser failed 5 times", gw.clock.instant());
            });
            var inbound = gw.services.inboundQueries;
            java.util.Optional<app.frontdesk.domain.model.inbound.InboundState> all = java.util.Optional.empty();
            assertEquals(List.of(held), inbound.waitingForPeople(OLGA, all, 100, m -> m.id()), "her account's held mail, not the quarantine");
            assertEquals(List.of(), inbound.waitingForPeople(BORIS, all, 100, m -> m.id()));
            assertEquals(List.of(poisoned, held), inbound.waitingForPeople(LEAD, all, 100, m -> m.id()), "a lead: all, newest first");

            assertEquals(0, gw.services.quarantine.retry(OLGA, List.of(poisoned)), "a manager does not");
            assertEquals(0, gw.services.quarantine.retry(LEAD, List.of(held)), "only quarantined mail goes back");
            assertEquals(1, gw.services.quarantine.retry(LEAD, List.of(poisoned, held)));
            assertEquals(app.frontdesk.domain.model.inbound.InboundState.RECEIVED,
                    gw.db.inTransaction(r -> r.inbound().find(poisoned).orElseThrow().state()));
            assertEquals(1L, (long) gw.db.inTransaction(r -> r.audit().about("inbound", poisoned).stream()
                    .filter(e -> e.action().equals("quarantine-retried")).count()), "audited");
            assertEquals(0L, (long) gw.db.inTransaction(r -> r.audit().about("inbound", held).size()), "only what went back is audited");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void aLeadSendsSelectedHeldMailToBeDecidedAgainAndNobodyElseDoes(String name, Supplier<DatabaseSettings> db) throws Exception {
        try (GatewayFixture gw = new GatewayFixture(db.get())) {
            long romashka = account(gw, "ООО «Ромашка»", "romashka.example", OLGA.email());
            long held = store(gw, "<held-1@x>");
            long other = store(gw, "<held-2@x>");
            long poisoned = store(gw, "<poison-1@x>");
            gw.db.run(r -> {
                for (long id : List.of(held, other)) {
                    r.inbound().find(id).orElseThrow().route(app.frontdesk.domain.model.inbound.Route.UNKNOWN_SENDER,
                            app.frontdesk.domain.model.inbound.InboundState.HELD, romashka, "unknown sender", gw.clock.instant());
                }
                r.inbound().find(poisoned).orElseThrow().quarantine("the parser failed 5 times", gw.clock.instant());
            });
            var desk = gw.services.quarantine;
            assertEquals(0, desk.decideAgain(OLGA, List.of(held)), "not a manager, not even on her own account");
            assertEquals(0, desk.decideAgain(BILLING, List.of(held)));
            assertEquals(0, desk.decideAgain(LEAD, List.of(poisoned)), "a quarantined message is retried, not decided again");
            assertEquals(0, desk.decideAgain(LEAD, List.of(999_999L)), "nor one that does not exist");
            assertEquals(1, desk.decideAgain(LEAD, List.of(held, poisoned)), "only the held one of the selection");
            assertEquals(app.frontdesk.domain.model.inbound.InboundState.RECEIVED, stateOf(gw, held));
            assertEquals(app.frontdesk.domain.model.inbound.InboundState.HELD, stateOf(gw, other), "what was not selected stays");
            assertEquals(app.frontdesk.domain.model.inbound.InboundState.QUARANTINED, stateOf(gw, poisoned));
            assertEquals(List.of("held-decided-again"), gw.db.inTransaction(r -> r.audit().about("inbound", held)).stream()
                    .map(e -> e.action()).toList(), "audited, once");
            assertEquals(List.of(), gw.db.inTransaction(r -> r.audit().about("inbound", poisoned)));
            gw.processAll();
            assertTrue(stateOf(gw, held) != app.frontdesk.domain.model.inbound.InboundState.RECEIVED, "the pipeline decided it again");
        }
    }

    private static app.frontdesk.domain.model.inbound.InboundState stateOf(GatewayFixture gw, long id) {
        return gw.db.inTransaction(r -> r.inbound().find(id).orElseThrow().state());
    }

    private static long store(GatewayFixture gw, String messageId) throws Exception {
        return gw.intake.accept(app.frontdesk.testkit.TestMail.from("someone@example.net").messageId(messageId).subject("Hello").bytes(),
                new app.frontdesk.domain.model.inbound.Envelope("someone@example.net", "support@frontdesk.test")).id();
    }

    private static CaseState state(GatewayFixture gw, long id) {
        return gw.db.inTransaction(r -> r.cases().find(id).orElseThrow().state());
    }
}
