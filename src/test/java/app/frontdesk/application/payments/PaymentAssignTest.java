package app.frontdesk.application.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.application.accounts.AccountDraft;
import app.frontdesk.domain.model.billing.Invoice;
import app.frontdesk.domain.model.billing.InvoiceStatus;
import app.frontdesk.domain.model.billing.Money;
import app.frontdesk.domain.model.billing.PaymentState;
import app.frontdesk.infrastructure.persistence.DatabaseSettings;
import app.frontdesk.testkit.GatewayFixture;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A statement uploaded as a file, and a person tying a payment nobody could match to its account (the console's Payments page). */
class PaymentAssignTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void anUnmatchedPaymentTiedToItsAccountPaysTheEarliestDueInvoicesFirstAndIsAudited(String name, Supplier<DatabaseSettings> db)
            throws Exception {
        try (GatewayFixture gw = new GatewayFixture(db.get())) {
            long account = gw.accounts.create(new AccountDraft("ООО «Ромашка»", List.of("romashka.example"), List.of(), null, List.of()), "test");
            gw.db.run(r -> {
                r.billing().add(new Invoice("INV-2", account, Money.of("1000.00", "RUB"), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 20)));
                r.billing().add(new Invoice("INV-1", account, Money.of("500.00", "RUB"), LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 20)));
            });
            PaymentDesk desk = gw.services.payments;
            var r = desk.importFile(("external_id,amount,currency,booking_date,value_date,payer_inn,payer_account,purpose\n"
                    + "b-1,1200.00,RUB,2026-11-27,2026-11-27,,,оплата по договору\n").getBytes(StandardCharsets.UTF_8));
            assertEquals(1, r.unmatched(), "no INN, no invoice number: nobody's");
            long id = desk.unmatched(10, p -> p.id()).get(0);

            assertEquals(PaymentState.ALLOCATED, desk.assign(id, account, "billing@frontdesk.test").orElseThrow());
            assertEquals(List.of(InvoiceStatus.PAID, InvoiceStatus.PARTIALLY_PAID), gw.db.inTransaction(x -> List.of(
                    x.billing().invoiceByNumber("INV-1").orElseThrow().status(), x.billing().invoiceByNumber("INV-2").orElseThrow().status())),
                    "the earlier due invoice first, the rest to the next");
            assertTrue(desk.unmatched(10, p -> p.id()).isEmpty());
            assertEquals(1, (int) gw.db.inTransaction(x -> x.audit().about("payment", id).size()), "who tied it, audited");
            assertThrows(IllegalStateException.class, () -> desk.assign(id, account, "again"), "tied once");
            assertTrue(desk.assign(999_999, account, "x").isEmpty());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void aPaymentTiedToAnAccountThatDoesNotExistChangesNothing(String name, Supplier<DatabaseSettings> db) throws Exception {
        try (GatewayFixture gw = new GatewayFixture(db.get())) {
            PaymentDesk desk = gw.services.payments;
            desk.importFile(("external_id,amount,currency,booking_date,value_date,payer_inn,payer_account,purpose\n"
                    + "b-2,10.00,RUB,2026-11-27,,,,?\n").getBytes(StandardCharsets.UTF_8));
            long id = desk.unmatched(10, p -> p.id()).get(0);
            assertThrows(IllegalArgumentException.class, () -> desk.assign(id, 424242, "billing"));
            assertEquals(List.of(id), desk.unmatched(10, p -> p.id()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void inTheConsoleAPaymentGoesOnlyToAnAccountTheViewerMaySeeFoundByTheAccountSearch(String name, Supplier<DatabaseSettings> db)
            throws Exception {
        try (GatewayFixture gw = new GatewayFixture(db.get())) {
            var olga = new app.frontdesk.domain.model.staff.Viewer(1, "olga@frontdesk.test", "Ольга",
                    java.util.Set.of(app.frontdesk.domain.model.staff.StaffRole.MANAGER), java.util.Locale.ENGLISH);
            var billing = new app.frontdesk.domain.model.staff.Viewer(2, "billing@frontdesk.test", "Billing",
                    java.util.Set.of(app.frontdesk.domain.model.staff.StaffRole.BILLING), java.util.Locale.ENGLISH);
            long lyutik = gw.accounts.create(new AccountDraft("ООО «Лютик»", List.of("lyutik.example"), List.of(),
                    new AccountDraft.ManagerDraft("Борис", "boris@frontdesk.test"), List.of()), "test");
            gw.db.run(r -> r.billing().add(new Invoice("INV-77", lyutik, Money.of("10.00", "RUB"), LocalDate.of(2026, 11, 1),
                    LocalDate.of(2026, 11, 20))));
            PaymentDesk desk = gw.services.payments;
            desk.importFile(("external_id,amount,currency,booking_date,value_date,payer_inn,payer_account,purpose\n"
                    + "b-3,10.00,RUB,2026-11-27,,,,?\n").getBytes(StandardCharsets.UTF_8));
            long id = desk.unmatched(10, p -> p.id()).get(0);

            // what the Payments page offers: the accounts list's search, by invoice number here
            var found = gw.services.accountDesk.search(billing, "INV-77", 0, 10, l -> l.account().id()).rows();
            assertEquals(List.of(lyutik), found);
            assertEquals(List.of(), gw.services.accountDesk.search(olga, "INV-77", 0, 10, l -> l.account().id()).rows(),
                    "a manager finds only her own");
            assertThrows(IllegalArgumentException.class, () -> desk.assignAs(olga, id, lyutik), "not hers: as if there were none");
            assertEquals(List.of(id), desk.unmatched(10, p -> p.id()), "nothing changed");
            assertEquals(PaymentState.ALLOCATED, desk.assignAs(billing, id, lyutik).orElseThrow());
            assertEquals("billing@frontdesk.test", gw.db.inTransaction(x -> x.audit().about("payment", id).get(0).actor()));
        }
    }
}
