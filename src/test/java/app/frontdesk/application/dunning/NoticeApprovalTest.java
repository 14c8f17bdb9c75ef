package app.frontdesk.application.dunning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static app.frontdesk.testkit.FixtureSeeds.openCase;

import app.frontdesk.application.accounts.AccountDraft;
import app.frontdesk.application.dunning.NoticeApprovals.Outcome;
import app.frontdesk.application.dunning.NoticeApprovals.Problem;
import app.frontdesk.application.payments.PaymentDraft;
import app.frontdesk.domain.model.audit.AuditEvent;
import app.frontdesk.domain.model.billing.Invoice;
import app.frontdesk.domain.model.billing.Money;
import app.frontdesk.domain.model.billing.Notice;
import app.frontdesk.domain.model.billing.NoticeDecision;
import app.frontdesk.domain.model.billing.NoticeKind;
import app.frontdesk.domain.model.billing.NoticeListing.Order;
import app.frontdesk.domain.model.billing.NoticeState;
import app.frontdesk.domain.model.billing.PaymentSource;
import app.frontdesk.domain.model.billing.Verdict;
import app.frontdesk.domain.model.outbox.OutboxState;
import app.frontdesk.domain.model.staff.StaffRole;
import app.frontdesk.domain.model.staff.Viewer;
import app.frontdesk.domain.model.supportcase.SupportCase;
import app.frontdesk.infrastructure.persistence.DatabaseSettings;
import app.frontdesk.testkit.GatewayFixture;
import app.frontdesk.testkit.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * People and held or blocked notices, with the database: who sees which notice (billing, leads and
 * administrators all; a manager those of the accounts she looks after; anyone else none, as if it did
 * not exist), what an approval accepts and what holds the notice again, the administrator's override,
 * and the console's pages of notices.
 */
class NoticeApprovalTest {

    private static final ZoneId MSK = ZoneId.of("Europe/Moscow");
    private static final Viewer OLGA = viewer(1, "olga.smirnova@frontdesk.test", StaffRole.MANAGER);
    private static final Viewer BORIS = viewer(2, "boris.orlov@frontdesk.test", StaffRole.MANAGER);
    private static final Viewer BILLING = viewer(3, "billing@frontdesk.test", StaffRole.BILLING);
    private static final Viewer LEAD = viewer(4, "lead@frontdesk.test", StaffRole.LEAD);
    private static final Viewer ADMIN = viewer(5, "admin@frontdesk.test", StaffRole.ADMIN);
    private static final Viewer NOBODY = new Viewer(6, "intern@frontdesk.test", "Intern", Set.of(), Locale.ENGLISH);

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void aManagerSeesAndApprovesOnlyTheNoticesOfHerOwnAccountsWhileBillingLeadsAndAdministratorsSeeAll(String name,
            Supplier<DatabaseSettings> db) throws Exception {
        try (GatewayFixture gw = gateway(db.get())) {
            at(gw, "2026-11-23T10:00");
            long romashka = account(gw, "ООО «Ромашка»", "romashka.example", OLGA.email(), "INV-R-1", "7707083893");
            long lyutik = account(gw, "ООО «Лютик»", "lyutik.example", BORIS.email(), "INV-L-1", "7728168971");
            openCase(gw, "ivan@petrov-family.example", romashka);
            openCase(gw, "petr@lyutik-home.example", lyutik);
            long olgas = submit(gw, romashka, NoticeKind.REMINDER, "INV-R-1", "1500.00").noticeId();
            long boriss = submit(gw, lyutik, NoticeKind.REMINDER, "INV-L-1", "1500.00").noticeId();
            NoticeQueries q = gw.services.noticeQueries;

            assertEquals(List.of(olgas), ids(q, OLGA, NoticeState.HELD));
            assertEquals(List.of(boriss), ids(q, BORIS, NoticeState.HELD));
            for (Viewer all : List.of(BILLING, LEAD, ADMIN)) {
                assertEquals(List.of(boriss, olgas), ids(q, all, NoticeState.HELD), all.email() + " sees every account's notices");
            }
            assertEquals(List.of(), ids(q, NOBODY, NoticeState.HELD), "no role that sees billing, no account of one's own: nothing");
            assertEquals(Optional.of("ООО «Ромашка»"), q.detailFor(OLGA, olgas, (n, account, d, a) -> account));
            assertTrue(q.detailFor(BORIS, olgas, (n, account, d, a) -> n).isEmpty(), "Olga's notice is no notice for Boris");
            assertTrue(q.detailFor(BORIS, 999_999, (n, account, d, a) -> n).isEmpty(), "as one that does not exist");
            assertEquals(List.of(olgas), q.awaitingApprovalBy(OLGA, 10, (n, account, d) -> n.id()), "held for her approval");
            assertEquals(List.of(boriss), q.awaitingApprovalBy(BORIS, 10, (n, account, d) -> n.id()));
            assertEquals(List.of(olgas, boriss), q.awaitingApprovalBy(BILLING, 10, (n, account, d) -> n.id()));

            NoticeApprovals approvals = gw.services.noticeApprovals;
            assertTrue(approvals.approveAs(BORIS, olgas, "mine now", null).isEmpty(), "Boris cannot approve Olga's notice");
            assertTrue(approvals.approveAs(NOBODY, olgas, "why not", null).isEmpty());
            assertTrue(approvals.overrideAs(BILLING, olgas, "override", null).isEmpty(), "only an administrator overrides");
            assertEquals(NoticeState.HELD, notice(gw, olgas).state(), "none of that changed the notice");
            assertEquals(List.of("submit"), causes(gw, olgas));
            assertEquals(List.of(), audit(gw, olgas));

            Outcome approved = approvals.approveAs(OLGA, olgas, "The case is about another contract; the debt is real", null).orElseThrow();
            assertTrue(approved.done());
            assertEquals(NoticeState.QUEUED, approved.state());
            assertEquals(List.of(), q.awaitingApprovalBy(OLGA, 10, (n, account, d) -> n.id()), "nothing waits for her any more");
            assertEquals(NoticeState.HELD, notice(gw, boriss).state(), "Boris's notice is his to approve");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void billingApprovesANoticeHeldForTheManagerItIsSentAndACaseOpenedAfterTheApprovalHoldsTheNextOneAgain(String name,
            Supplier<DatabaseSettings> db) throws Exception {
        try (GatewayFixture gw = gateway(db.get())) {
            at(gw, "2026-11-23T10:00");
            long account = account(gw, "ООО «Ромашка»", "romashka.example", OLGA.email(), "INV-R-1", "7707083893");
            long firstCase = openCase(gw, "ivan@petrov-family.example", account);
            NoticeDesk.Answer held = submit(gw, account, NoticeKind.REMINDER, "INV-R-1", "1500.00");
            assertEquals(Verdict.HOLD, held.decision().verdict());
            assertEquals(List.of("OPEN_CASE"), codes(held.decision()));
            NoticeApprovals approvals = gw.services.noticeApprovals;

            assertThrows(IllegalArgumentException.class, () -> approvals.approveAs(BILLING, held.noticeId(), "  ", null), "a reason is required");
            long seen = latestDecision(gw, held.noticeId());
            Outcome o = approvals.approveAs(BILLING, held.noticeId(), "Olga is on leave; I called the customer", seen).orElseThrow();
            assertTrue(o.done(), o.toString());
            assertEquals(NoticeState.QUEUED, o.state());
            assertEquals(Verdict.SEND, o.decision().verdict());
            assertEquals(List.of("APPROVED"), codes(o.decision()));
            assertTrue(o.decision().reasons().get(0).message().contains("billing@frontdesk.test accepted open case "
                    + SupportCase.reference(firstCase)), o.decision().reasons().toString());
            assertEquals(List.of("submit", "approved"), causes(gw, held.noticeId()));
            List<AuditEvent> audit = audit(gw, held.noticeId());
            assertEquals(1, audit.size());
            assertEquals("billing@frontdesk.test", audit.get(0).actor());
            assertEquals("notice-approved", audit.get(0).action());
            assertTrue(audit.get(0).detail().startsWith("Olga is on leave; I called the customer [accepted: open case "), audit.get(0).detail());

            gw.services.dispatcher.dispatchDue();
            assertEquals(NoticeState.SENT, notice(gw, held.noticeId()).state(), "checked again right before sending: still approved");
            assertEquals(List.of("submit", "approved", "before-send"), causes(gw, held.noticeId()));
            assertEquals(Problem.STATE, approvals.approveAs(BILLING, held.noticeId(), "again", null).orElseThrow().problem(),
                    "a sent notice is not approved twice");

            // the next notice of the account: approved with the first case open; then another case opens before it is sent
            NoticeDesk.Answer next = submit(gw, account, NoticeKind.FINAL, "INV-R-1", "1500.00");
            assertEquals(List.of("OPEN_CASE"), codes(next.decision()));
            assertEquals(Problem.STALE, approvals.approveAs(OLGA, next.noticeId(), "as I saw it", seen).orElseThrow().problem(),
                    "a page showing an older decision approves nothing");
            assertTrue(approvals.approveAs(OLGA, next.noticeId(), "same case, same answer", latestDecision(gw, next.noticeId()))
                    .orElseThrow().done());
            long queued = notice(gw, next.noticeId()).outboxId();
            long secondCase = openCase(gw, "maria@petrov-family.example", account);
            gw.services.dispatcher.dispatchDue();
            Notice again = notice(gw, next.noticeId());
            assertEquals(NoticeState.HELD, again.state(), "the approval covered the case she saw, not a later one");
            assertEquals(List.of("OPEN_CASE", "APPROVED"), codes(gw, next.noticeId()));
            assertTrue(lastDecision(gw, next.noticeId()).reasons().contains(SupportCase.reference(secondCase)));
            assertFalse(lastDecision(gw, next.noticeId()).reasons().contains("open case (" + SupportCase.reference(firstCase)));
            assertEquals(OutboxState.CANCELLED, gw.db.inTransaction(r -> r.outbox().byId(queued)).orElseThrow().state(), "and not sent");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void anApprovedSuspensionStillWaitsForTheBusinessMorningAndAPaymentOrderHoldIsReleasedEarly(String name, Supplier<DatabaseSettings> db)
            throws Exception {
        try (GatewayFixture gw = gateway(db.get())) {
            long account = account(gw, "ООО «Ромашка»", "romashka.example", OLGA.email(), "INV-R-1", "7707083893");
            openCase(gw, "ivan@petrov-family.example", account);
            at(gw, "2026-11-21T10:00"); // Saturday
            NoticeDesk.Answer held = submit(gw, account, NoticeKind.SUSPENSION, "INV-R-1", "1500.00");
            assertEquals(List.of("NOT_BUSINESS_TIME", "OPEN_CASE"), codes(held.decision()));
            NoticeApprovals approvals = gw.services.noticeApprovals;
            Outcome o = approvals.approveAs(OLGA, held.noticeId(), "Talked to the director, go ahead", null).orElseThrow();
            assertTrue(o.done());
            assertEquals(NoticeState.HELD, o.state(), "nobody approves a suspension into the weekend");
            assertEquals(List.of("NOT_BUSINESS_TIME", "APPROVED"), codes(o.decision()));
            Instant monday = LocalDateTime.parse("2026-11-23T09:00").atZone(MSK).toInstant();
            assertEquals(Optional.of(monday), notice(gw, held.noticeId()).holdUntil(), "held until the business morning, by itself");
            assertEquals(Problem.NOTHING_TO_APPROVE, approvals.approveAs(BILLING, held.noticeId(), "now!", null).orElseThrow().problem());
            assertEquals(List.of(), gw.services.noticeQueries.awaitingApprovalBy(OLGA, 10, (n, a, d) -> n.id()), "no longer hers");
            at(gw, "2026-11-23T09:00");
            assertEquals(1, gw.services.notices.recheckDue());
            assertEquals(NoticeState.QUEUED, notice(gw, held.noticeId()).state());

            // a payment order holds a reminder for the clearing window; billing checked with the bank and releases it early
            long other = account(gw, "ООО «Лютик»", "lyutik.example", BORIS.email(), "INV-L-1", "7728168971");
            gw.services.payments.recordEvidence(other, "118", LocalDate.of(2026, 11, 23), Money.of("1500.00", "RUB"), null);
            at(gw, "2026-11-23T10:00");
            NoticeDesk.Answer waiting = submit(gw, other, NoticeKind.REMINDER, "INV-L-1", "1500.00");
            assertEquals(List.of("PAYMENT_EVIDENCE"), codes(waiting.decision()));
            assertTrue(notice(gw, waiting.noticeId()).holdUntil().isPresent(), "a timed hold");
            Outcome released = approvals.approveAs(BILLING, waiting.noticeId(), "The bank says order 118 was returned unpaid", null)
                    .orElseThrow();
            assertEquals(NoticeState.QUEUED, released.state());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void onlyAnAdministratorOverridesABlockAndAChangedFactBlocksItAgain(String name, Supplier<DatabaseSettings> db) throws Exception {
        try (GatewayFixture gw = gateway(db.get())) {
            at(gw, "2026-11-23T10:00");
            long account = account(gw, "ООО «Ромашка»", "romashka.example", OLGA.email(), "INV-R-1", "7707083893");
            NoticeDesk.Answer blocked = submit(gw, account, NoticeKind.REMINDER, "INV-R-1", "1000.00");
            assertEquals(List.of("AMOUNT_WRONG"), codes(blocked.decision()));
            assertEquals(NoticeState.BLOCKED, blocked.state());
            NoticeApprovals approvals = gw.services.noticeApprovals;

            assertEquals(Problem.STATE, approvals.approveAs(BILLING, blocked.noticeId(), "send it", null).orElseThrow().problem(),
                    "a block is not a hold: approving does nothing");
            assertTrue(approvals.overrideAs(BILLING, blocked.noticeId(), "send it", null).isEmpty());
            assertTrue(approvals.overrideAs(LEAD, blocked.noticeId(), "send it", null).isEmpty());
            assertTrue(approvals.overrideAs(OLGA, blocked.noticeId(), "send it", null).isEmpty());
            assertEquals(NoticeState.BLOCKED, notice(gw, blocked.noticeId()).state());

            Outcome o = approvals.overrideAs(ADMIN, blocked.noticeId(), "Agreed with the customer: we claim 1000 now", null).orElseThrow();
            assertTrue(o.done(), o.toString());
            assertEquals(NoticeState.QUEUED, o.state());
            assertEquals(List.of("submit", "overridden"), causes(gw, blocked.noticeId()));
            assertEquals("notice-block-overridden", audit(gw, blocked.noticeId()).get(0).action());
            assertTrue(audit(gw, blocked.noticeId()).get(0).detail().contains("the block AMOUNT_WRONG"));

            // a partial payment before the outbox sends it: the amount is wrong in another way now, and nobody accepted that
            gw.services.payments.record(List.of(new PaymentDraft("api:part-1", Money.of("200.00", "RUB"), LocalDate.of(2026, 11, 23),
                    LocalDate.of(2026, 11, 23), "7707083893", null, "INV-R-1", PaymentSource.API)));
            gw.services.dispatcher.dispatchDue();
            assertEquals(NoticeState.BLOCKED, notice(gw, blocked.noticeId()).state());
            assertEquals(List.of("AMOUNT_WRONG", "APPROVED"), codes(gw, blocked.noticeId()));
            assertTrue(lastDecision(gw, blocked.noticeId()).reasons().contains("1300.00 RUB"), lastDecision(gw, blocked.noticeId()).reasons());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void theListComesOnePageAtATimeNewestOrSoonestFirstFilteredByState(String name, Supplier<DatabaseSettings> db) throws Exception {
        try (GatewayFixture gw = gateway(db.get())) {
            at(gw, "2026-11-23T10:00");
            long account = account(gw, "ООО «Ромашка»", "romashka.example", OLGA.email(), "INV-R-1", "7707083893");
            openCase(gw, "ivan@petrov-family.example", account);
            long[] ids = new long[5];
            int[] hoursAhead = {30, 10, 50, 20, 40};
            for (int i = 0; i < 5; i++) {
                Instant planned = gw.clock.instant().plus(Duration.ofHours(hoursAhead[i]));
                ids[i] = gw.services.notices.submit(new NoticeDesk.Submission(new NoticeRequest(account, NoticeKind.REMINDER, List.of("INV-R-1"),
                        Money.of("1500.00", "RUB"), planned), List.of("buh@romashka.example"), "Напоминание " + i, "Счёт INV-R-1.", null,
                        "R-" + i)).noticeId();
            }
            NoticeQueries q = gw.services.noticeQueries;
            NoticeQueries.Page<Long> first = q.pageFor(BILLING, List.of(NoticeState.HELD), Order.NEWEST, 0, 2, (n, a, d) -> n.id());
            assertEquals(List.of(ids[4], ids[3]), first.rows());
            assertTrue(first.more());
            NoticeQueries.Page<Long> last = q.pageFor(BILLING, List.of(NoticeState.HELD), Order.NEWEST, 2, 2, (n, a, d) -> n.id());
            assertEquals(List.of(ids[0]), last.rows());
            assertFalse(last.more());
            assertEquals(List.of(ids[1], ids[3], ids[0], ids[4], ids[2]),
                    q.pageFor(OLGA, List.of(NoticeState.HELD), Order.SOONEST, 0, 10, (n, a, d) -> n.id()).rows(), "earliest planned first");
            assertEquals(List.of(), q.pageFor(BILLING, List.of(NoticeState.SENT), Order.NEWEST, 0, 10, (n, a, d) -> n.id()).rows());
            assertEquals(List.of("OPEN_CASE"), q.pageFor(BILLING, List.of(NoticeState.HELD), Order.NEWEST, 0, 1,
                    (n, a, d) -> d.reasons().contains("OPEN_CASE") ? "OPEN_CASE" : d.reasons()).rows(), "each with the gate's latest word");
        }
    }

    private static Viewer viewer(long id, String email, StaffRole role) {
        return new Viewer(id, email, email, Set.of(role), Locale.ENGLISH);
    }

    private static GatewayFixture gateway(DatabaseSettings db) {
        return new GatewayFixture(db, Map.of("FRONTDESK_BILLING_ADDRESS", "billing@frontdesk.test"));
    }

    private static void at(GatewayFixture gw, String mskLocal) {
        gw.clock.set(LocalDateTime.parse(mskLocal).atZone(MSK).toInstant());
    }

    private static long account(GatewayFixture gw, String name, String domain, String manager, String invoice, String inn) throws Exception {
        long id = gw.accounts.create(new AccountDraft(name, List.of(domain), List.of(new AccountDraft.ContactDraft("buh@" + domain, "Бухгалтерия", "ru")),
                new AccountDraft.ManagerDraft("Manager of " + name, manager), List.of(new AccountDraft.ReferenceDraft("INN", inn))), "test");
        gw.db.inTransaction(r -> {
            r.billing().add(new Invoice(invoice, id, Money.of("1500.00", "RUB"), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 15)));
            return null;
        });
        return id;
    }

    private static NoticeDesk.Answer submit(GatewayFixture gw, long account, NoticeKind kind, String invoice, String amount) {
        return gw.services.notices.submit(new NoticeDesk.Submission(new NoticeRequest(account, kind, List.of(invoice), Money.of(amount, "RUB"),
                null), List.of("buh@romashka.example"), "Счёт " + invoice, "Счёт " + invoice + " не оплачен.", null, null));
    }

    private static List<Long> ids(NoticeQueries q, Viewer v, NoticeState state) {
        return q.pageFor(v, List.of(state), Order.NEWEST, 0, 50, (n, a, d) -> n.id()).rows();
    }

    private static Notice notice(GatewayFixture gw, long id) {
        return gw.db.inTransaction(r -> r.billing().notice(id).orElseThrow());
    }

    private static List<String> causes(GatewayFixture gw, long id) {
        return gw.db.inTransaction(r -> r.billing().decisions(id)).stream().map(NoticeDecision::cause).toList();
    }

    private static NoticeDecision lastDecision(GatewayFixture gw, long id) {
        List<NoticeDecision> all = gw.db.inTransaction(r -> r.billing().decisions(id));
        return all.get(all.size() - 1);
    }

    private static long latestDecision(GatewayFixture gw, long id) {
        return lastDecision(gw, id).id();
    }

    private static List<String> codes(GateDecision d) {
        return d.reasons().stream().map(Reason::code).toList();
    }

    private static List<String> codes(GatewayFixture gw, long id) {
        return jakarta.json.Json.createReader(new java.io.StringReader(lastDecision(gw, id).reasons())).readArray().stream()
                .map(v -> v.asJsonObject().getString("code")).toList();
    }

    private static List<AuditEvent> audit(GatewayFixture gw, long id) {
        return gw.db.inTransaction(r -> r.audit().about("notice", id));
    }
}
