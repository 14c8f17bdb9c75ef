package app.frontdesk.application.accountdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static app.frontdesk.testkit.FixtureSeeds.OLGA;
import static app.frontdesk.testkit.FixtureSeeds.BORIS;
import static app.frontdesk.testkit.FixtureSeeds.LEAD;
import static app.frontdesk.testkit.FixtureSeeds.BILLING;

import app.frontdesk.application.accounts.AccountDraft;
import app.frontdesk.domain.model.account.EmailAddress;
import app.frontdesk.domain.model.audit.AuditEvent;
import app.frontdesk.domain.model.billing.Invoice;
import app.frontdesk.domain.model.billing.Money;
import app.frontdesk.domain.model.billing.PaymentEvidence;
import app.frontdesk.domain.model.care.ExperienceKind;
import app.frontdesk.domain.model.care.FlaggedAccount;
import app.frontdesk.domain.model.outbox.MailKind;
import app.frontdesk.domain.model.staff.Viewer;
import app.frontdesk.infrastructure.persistence.DatabaseSettings;
import app.frontdesk.testkit.GatewayFixture;
import app.frontdesk.testkit.Mails;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The account desk, on both databases: a manager sees and changes only the accounts she looks after
 * (another's is no account, by page, list, search or action); billing sees every account's billing
 * and records payment orders but changes no contact and clears no flag; a lead does everything.
 * Every change is audited with who did it and why.
 */
class AccountDeskTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void eachSeesTheAccountsTheirRoleAllowsByPageListAndSearch(String db, Supplier<DatabaseSettings> database) throws Exception {
        try (GatewayFixture gw = new GatewayFixture(database.get())) {
            long romashka = account(gw, "ООО «Ромашка»", "romashka.example", OLGA, "7707083893");
            long lyutik = account(gw, "ООО «Лютик»", "lyutik.example", BORIS, "5001007329");
            long nobodys = account(gw, "АО «100% Гвоздик_и»", "gvozdika.example", null, null);
            gw.services.payments.addInvoices(List.of(new Invoice("INV-2026-0042", romashka, Money.of("1500.00", "RUB"),
                    LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 15))));
            AccountDesk desk = gw.services.accountDesk;

            assertEquals(List.of(romashka), ids(desk, OLGA, ""));
            assertEquals(List.of(lyutik), ids(desk, BORIS, ""));
            assertEquals(List.of(romashka, lyutik, nobodys), ids(desk, LEAD, ""), "a lead sees every account, one without a manager too");
            assertEquals(List.of(romashka, lyutik, nobodys), ids(desk, BILLING, ""), "billing sees every account");

            for (String search : List.of("ромаш", "РОМАШКА", "romashka.example", "ROMASHKA.example", "7707083893", "INV-2026-0042",
                    "inv-2026-0042", "anna@romashka.example")) {
                assertEquals(List.of(romashka), ids(desk, LEAD, search), "a lead finds Romashka by " + search);
                assertEquals(List.of(romashka), ids(desk, OLGA, search), "Olga finds her account by " + search);
                assertEquals(List.of(), ids(desk, BORIS, search), "Boris finds nothing of Olga's by " + search);
            }
            assertEquals(List.of(nobodys), ids(desk, LEAD, "100%"), "% in a search is a character, not a wildcard");
            assertEquals(List.of(), ids(desk, LEAD, "ом%ка"));
            assertEquals(List.of(nobodys), ids(desk, LEAD, "к_и"), "and so is _");
            assertEquals(List.of(), ids(desk, LEAD, "ш_а"));

            var first = desk.search(LEAD, "", 0, 2, l -> l.account().id());
            assertEquals(List.of(romashka, lyutik), first.rows());
            assertEquals(Optional.of(lyutik), first.nextAfter(), "pages on by key");
            var second = desk.search(LEAD, "", first.nextAfter().orElseThrow(), 2, l -> l.account().id());
            assertEquals(List.of(nobodys), second.rows());
            assertEquals(Optional.empty(), second.nextAfter());
            assertEquals(List.of("romashka.example"), desk.search(OLGA, "", 0, 10, AccountDesk.Listed::domains).rows().get(0));

            assertEquals(Optional.of(true), desk.detailFor(OLGA, romashka, AccountDesk.Detail::looksAfter));
            assertEquals(Optional.empty(), desk.detailFor(BORIS, romashka, AccountDesk.Detail::looksAfter), "Olga's account is no account for Boris");
            assertEquals(Optional.empty(), desk.detailFor(OLGA, nobodys, AccountDesk.Detail::looksAfter));
            assertEquals(Optional.empty(), desk.detailFor(OLGA, 999_999, AccountDesk.Detail::looksAfter), "and looks like one that does not exist");
            assertEquals(Optional.of(true), desk.detailFor(LEAD, lyutik, AccountDesk.Detail::looksAfter));

            AccountDesk.Detail billing = desk.detailFor(BILLING, romashka, d -> d).orElseThrow();
            assertFalse(billing.looksAfter(), "billing sees the account but does not look after it");
            assertEquals(List.of("INV-2026-0042"), billing.invoices().stream().map(Invoice::number).toList());
            assertTrue(billing.care().isEmpty() && billing.history().isEmpty(), "nor its care timeline and history");
            AccountDesk.Detail olgas = desk.detailFor(OLGA, romashka, d -> d).orElseThrow();
            assertTrue(olgas.care().isPresent());
            assertTrue(olgas.history().stream().anyMatch(e -> e.action().equals("account-created")));
            assertEquals(List.of("7707083893"), olgas.references().stream().map(r -> r.value()).toList(), "its numbers, not its name");

            flag(gw, romashka);
            flag(gw, lyutik);
            assertEquals(List.of(romashka), desk.redFlagsFor(OLGA, 10, FlaggedAccount::accountId), "red flags on her accounts");
            assertEquals(Set.of(romashka, lyutik), Set.copyOf(desk.redFlagsFor(LEAD, 10, FlaggedAccount::accountId)));
            assertEquals(List.of(), desk.redFlagsFor(BILLING, 10, FlaggedAccount::accountId), "billing looks after no account's care");
            assertEquals(List.of(true), desk.search(OLGA, "", 0, 10, AccountDesk.Listed::flagged).rows());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void contactsChangeOnlyForWhoLooksAfterTheAccountAndEveryChangeIsAudited(String db, Supplier<DatabaseSettings> database) throws Exception {
        try (GatewayFixture gw = new GatewayFixture(database.get())) {
            long romashka = account(gw, "ООО «Ромашка»", "romashka.example", OLGA, null);
            AccountDesk desk = gw.services.accountDesk;
            EmailAddress ivan = EmailAddress.of("ivan@romashka.example");

            assertEquals(Optional.empty(), desk.addContact(BORIS, romashka, ivan.value(), "Иван", Locale.ENGLISH, "he says so"));
            assertEquals(Optional.empty(), desk.addContact(BILLING, romashka, ivan.value(), "Иван", Locale.ENGLISH, "he pays"),
                    "billing changes no contact");
            assertEquals(List.of(), contactAccounts(gw, ivan), "nothing of that made him a contact");

            assertEquals("reason", assertThrows(AccountDesk.Refused.class,
                    () -> desk.addContact(OLGA, romashka, ivan.value(), null, Locale.ENGLISH, "  ")).problem());
            assertEquals("address", assertThrows(AccountDesk.Refused.class,
                    () -> desk.addContact(OLGA, romashka, "ivan at romashka", null, Locale.ENGLISH, "called")).problem());
            assertEquals("already", assertThrows(AccountDesk.Refused.class,
                    () -> desk.addContact(OLGA, romashka, "Anna@Romashka.example", null, Locale.ENGLISH, "called")).problem());

            long contact = desk.addContact(OLGA, romashka, " Ivan@Romashka.example ", "Иван Петров", Locale.ENGLISH,
                    "Anna Petrova confirmed by phone").orElseThrow();
            assertEquals(List.of(romashka), contactAccounts(gw, ivan), "his verified mail is a contact's now");
            AuditEvent added = last(gw, romashka);
            assertEquals(List.of(OLGA.email(), "contact-added"), List.of(added.actor(), added.action()));
            assertTrue(added.detail().contains("ivan@romashka.example") && added.detail().contains("Anna Petrova confirmed by phone"), added.detail());

            assertEquals(Optional.empty(), desk.removeContact(BORIS, romashka, contact, "not theirs"));
            assertEquals(Optional.empty(), desk.removeContact(BILLING, romashka, contact, "not theirs"));
            assertEquals(Optional.empty(), desk.removeContact(OLGA, romashka, 999_999, "no such contact"));
            assertEquals(List.of(romashka), contactAccounts(gw, ivan));
            assertEquals("reason", assertThrows(AccountDesk.Refused.class, () -> desk.removeContact(OLGA, romashka, contact, "")).problem());

            assertEquals(Optional.of("ivan@romashka.example"), desk.removeContact(LEAD, romashka, contact, "left the company"));
            assertEquals(List.of(), contactAccounts(gw, ivan));
            AuditEvent removed = last(gw, romashka);
            assertEquals(List.of(LEAD.email(), "contact-removed"), List.of(removed.actor(), removed.action()));
            assertTrue(removed.detail().contains("left the company"), removed.detail());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void billingAndTheManagerRecordAPaymentOrderAtTheCurrencysScale(String db, Supplier<DatabaseSettings> database) throws Exception {
        try (GatewayFixture gw = new GatewayFixture(database.get())) {
            long romashka = account(gw, "ООО «Ромашка»", "romashka.example", OLGA, null);
            AccountDesk desk = gw.services.accountDesk;
            LocalDate friday = LocalDate.of(2026, 11, 20);

            assertEquals(Optional.empty(), desk.addEvidence(BORIS, romashka, "118", friday, "1500", "RUB"));
            long id = desk.addEvidence(BILLING, romashka, "118", friday, "1 500,00", "rub").orElseThrow();
            desk.addEvidence(OLGA, romashka, null, friday, "", null).orElseThrow();
            List<PaymentEvidence> stored = gw.db.inTransaction(r -> r.billing().evidenceOf(romashka, 10));
            assertEquals(2, stored.size());
            PaymentEvidence first = stored.get(1);
            assertEquals(id, first.id());
            assertEquals(new BigDecimal("1500.00"), first.amount().orElseThrow().amount(), "at the currency's scale");
            assertEquals("RUB", first.amount().orElseThrow().currency().getCurrencyCode());
            assertEquals(friday, first.orderDate());
            assertEquals(Optional.empty(), stored.get(0).amount(), "an order without an amount holds too");
            AuditEvent audited = gw.db.inTransaction(r -> r.audit().latestAbout("account", romashka, 2)).get(1);
            assertEquals(List.of(BILLING.email(), "payment-evidence-added"), List.of(audited.actor(), audited.action()));
            assertTrue(audited.detail().contains("118") && audited.detail().contains("1500.00 RUB"), audited.detail());

            assertEquals("amount", assertThrows(AccountDesk.Refused.class,
                    () -> desk.addEvidence(OLGA, romashka, "119", friday, "1500,005", "RUB")).problem(), "never rounded");
            assertEquals("amount", assertThrows(AccountDesk.Refused.class,
                    () -> desk.addEvidence(OLGA, romashka, "119", friday, "-5", "RUB")).problem());
            assertEquals("amount", assertThrows(AccountDesk.Refused.class,
                    () -> desk.addEvidence(OLGA, romashka, "119", friday, "5", "XYZ")).problem());
            assertEquals("date", assertThrows(AccountDesk.Refused.class,
                    () -> desk.addEvidence(OLGA, romashka, "119", LocalDate.of(2026, 12, 31), "5", "RUB")).problem());
            assertEquals("date", assertThrows(AccountDesk.Refused.class,
                    () -> desk.addEvidence(OLGA, romashka, "119", null, "5", "RUB")).problem());
            assertEquals(2, gw.db.inTransaction(r -> r.billing().evidenceOf(romashka, 10)).size(), "nothing of that was stored");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void theRedFlagIsClearedWithANoteByWhoLooksAfterTheAccountAndItsAlertLinksToThePage(String db, Supplier<DatabaseSettings> database)
            throws Exception {
        try (GatewayFixture gw = new GatewayFixture(database.get())) {
            long romashka = account(gw, "ООО «Ромашка»", "romashka.example", OLGA, null);
            AccountDesk desk = gw.services.accountDesk;
            flag(gw, romashka);

            String alert = gw.db.inTransaction(r -> r.outbox().claimDue(gw.clock.instant().plus(Duration.ofDays(1)), 100)).stream()
                    .filter(m -> m.kind() == MailKind.MANAGER_ALERT && m.recipients().contains(OLGA.email()))
                    .map(m -> Mails.text(m.raw())).findFirst().orElseThrow();
            assertTrue(alert.contains("http://frontdesk.test/console/accounts/" + romashka + "\n")
                    || alert.contains("http://frontdesk.test/console/accounts/" + romashka + "\r\n"), "the alert opens the account's page: " + alert);
            assertFalse(alert.contains("/api/") || alert.contains("POST"), "no curl instruction left: " + alert);

            assertEquals(Optional.empty(), desk.clearFlag(BORIS, romashka, "not mine, but done"));
            assertEquals(Optional.empty(), desk.clearFlag(BILLING, romashka, "paid"), "billing clears no flag");
            assertEquals("note", assertThrows(AccountDesk.Refused.class, () -> desk.clearFlag(OLGA, romashka, " ")).problem());
            assertTrue(gw.services.care.timeline(romashka).flagged(), "still flagged after all that");

            assertEquals(Optional.of(true), desk.clearFlag(OLGA, romashka, "Called the CEO, apologised, credit note sent"));
            var care = gw.services.care.timeline(romashka);
            assertFalse(care.flagged());
            assertEquals(OLGA.email(), care.clearedBy());
            assertEquals("Called the CEO, apologised, credit note sent", care.note());
            AuditEvent cleared = last(gw, romashka);
            assertEquals(List.of(OLGA.email(), "red-flag-cleared", "Called the CEO, apologised, credit note sent"),
                    List.of(cleared.actor(), cleared.action(), cleared.detail()));
            assertEquals(List.of(), desk.redFlagsFor(OLGA, 10, FlaggedAccount::accountId), "gone from Needs me");
            assertThrows(IllegalStateException.class, () -> desk.clearFlag(OLGA, romashka, "again"), "a flag is cleared once");
        }
    }

    private static long account(GatewayFixture gw, String name, String domain, Viewer manager, String inn) throws Exception {
        return gw.accounts.create(new AccountDraft(name, List.of(domain), List.of(new AccountDraft.ContactDraft("anna@" + domain, "Анна", "ru")),
                manager == null ? null : new AccountDraft.ManagerDraft("Manager of " + name, manager.email()),
                inn == null ? List.of() : List.of(new AccountDraft.ReferenceDraft("INN", inn))), "test");
    }

    private static void flag(GatewayFixture gw, long account) {
        gw.db.run(r -> gw.services.care.record(r, account, ExperienceKind.COMPLAINT, "order 77 not delivered", null));
        gw.clock.advance(Duration.ofHours(1));
        gw.db.run(r -> gw.services.care.record(r, account, ExperienceKind.REPEAT_CONTACT, "order 77 again", null));
    }

    private static List<Long> ids(AccountDesk desk, Viewer v, String search) {
        return desk.search(v, search, 0, 50, l -> l.account().id()).rows();
    }

    private static List<Long> contactAccounts(GatewayFixture gw, EmailAddress address) {
        return gw.db.inTransaction(r -> r.accounts().accountsWithContact(address));
    }

    private static AuditEvent last(GatewayFixture gw, long account) {
        return gw.db.inTransaction(r -> r.audit().latestAbout("account", account, 1)).get(0);
    }
}
