package app.frontdesk.application.dunning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.application.accounts.AccountDraft;
import app.frontdesk.domain.model.billing.Invoice;
import app.frontdesk.domain.model.billing.InvoiceState;
import app.frontdesk.domain.model.billing.InvoiceStatus;
import app.frontdesk.domain.model.billing.Money;
import app.frontdesk.domain.model.billing.Notice;
import app.frontdesk.domain.model.billing.NoticeKind;
import app.frontdesk.domain.model.billing.Payment;
import app.frontdesk.domain.model.billing.PaymentAllocation;
import app.frontdesk.domain.model.billing.PaymentEvidence;
import app.frontdesk.domain.model.billing.PaymentSource;
import app.frontdesk.domain.model.billing.PaymentState;
import app.frontdesk.domain.model.care.AccountFlag;
import app.frontdesk.domain.model.supportcase.CaseKind;
import app.frontdesk.domain.model.supportcase.CaseState;
import app.frontdesk.domain.model.supportcase.SupportCase;
import app.frontdesk.infrastructure.persistence.DatabaseSettings;
import app.frontdesk.testkit.GatewayFixture;
import app.frontdesk.testkit.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gate's facts come from one read of seven statements (on PostgreSQL sent together, on H2 one
 * after another): each fact lands on the right notice, and what must be left out is left out.
 */
class GateFactsReadTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void everyFactReachesItsOwnNoticeAndNothingElse(String name, Supplier<DatabaseSettings> db) throws Exception {
        try (GatewayFixture gw = new GatewayFixture(db.get())) {
            Instant now = gw.clock.instant();
            long romashka = gw.accounts.create(new AccountDraft("Romashka", List.of("romashka.example"), List.of(), null), "test");
            long lyutik = gw.accounts.create(new AccountDraft("Lyutik", List.of("lyutik.example"), List.of(), null), "test");
            long[] ids = gw.db.inTransaction(r -> {
                var a = r.accounts().find(lyutik).orElseThrow();
                a.moveTo(ZoneId.of("Asia/Vladivostok"));
                a.workHours("10:00-19:00");
                Invoice partly = new Invoice("R-1", romashka, Money.of("1000.00", "RUB"), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 10));
                Invoice euros = new Invoice("L-1", lyutik, Money.of("50.00", "EUR"), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 10));
                r.billing().add(partly);
                r.billing().add(euros);
                // 400 of a 700 payment allocated to R-1: R-1 has 400 paid, the payment 300 left over
                Payment p = new Payment("p-1", Money.of("700.00", "RUB"), LocalDate.of(2026, 11, 18), LocalDate.of(2026, 11, 18), null, null,
                        "R-1", PaymentSource.API, now);
                p.matched(romashka, PaymentState.UNALLOCATED);
                r.billing().add(p);
                r.billing().add(new PaymentAllocation(p.id(), partly.id(), Money.of("400.00", "RUB")));
                PaymentEvidence open = new PaymentEvidence(romashka, "17", LocalDate.of(2026, 11, 19), Money.of("600.00", "RUB"), null, now);
                PaymentEvidence confirmed = new PaymentEvidence(romashka, "16", LocalDate.of(2026, 11, 2), null, null, now);
                confirmed.confirmedBy(p.id());
                r.billing().add(open);
                r.billing().add(confirmed);
                SupportCase openCase = new SupportCase(CaseKind.UNKNOWN_SENDER, "ceo@lyutik.example", null, lyutik, 90, null, Locale.ENGLISH, now,
                        now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(7)));
                SupportCase closedCase = new SupportCase(CaseKind.UNKNOWN_SENDER, "cfo@lyutik.example", null, lyutik, 90, null, Locale.ENGLISH, now,
                        now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(7)));
                r.cases().add(openCase);
                r.cases().add(closedCase);
                closedCase.close(CaseState.RESOLVED, "test", "done", now);
                AccountFlag flag = new AccountFlag(lyutik);
                flag.raise(now);
                r.care().add(flag);
                AccountFlag cleared = new AccountFlag(romashka);
                cleared.raise(now.minus(Duration.ofDays(40)));
                cleared.clear("lead@frontdesk.example", "talked it through", now.minus(Duration.ofDays(10)));
                r.care().add(cleared);
                // a reminder for L-1 sent two days ago (inside the 7-day window), one for R-1 long ago, and the notice being re-checked
                Notice recent = new Notice(lyutik, NoticeKind.REMINDER, List.of("L-1"), Money.of("50.00", "EUR"), now, List.of("a@lyutik.example"),
                        "s", "b", null, null, now.minus(Duration.ofDays(2)));
                Notice old = new Notice(romashka, NoticeKind.REMINDER, List.of("R-1"), Money.of("600.00", "RUB"), now, List.of("a@romashka.example"),
                        "s", "b", null, null, now.minus(Duration.ofDays(30)));
                Notice self = new Notice(romashka, NoticeKind.FINAL, List.of("R-1"), Money.of("600.00", "RUB"), now, List.of("a@romashka.example"),
                        "s", "b", null, null, now);
                r.billing().add(recent);
                r.billing().add(old);
                r.billing().add(self);
                recent.sent(now.minus(Duration.ofDays(2)));
                old.sent(now.minus(Duration.ofDays(30)));
                self.sent(now);
                return new long[] {open.id(), openCase.id(), self.id()};
            });

            NoticeRequest toRomashka = new NoticeRequest(romashka, NoticeKind.FINAL, List.of("R-1", "R-404"), Money.of("600.00", "RUB"), now);
            NoticeRequest toLyutik = new NoticeRequest(lyutik, NoticeKind.REMINDER, List.of("L-1"), Money.of("50.00", "EUR"), now);
            List<GateFacts> facts = gw.db.inTransaction(r -> gw.services.notices.loader().load(r, List.of(toRomashka, toLyutik), ids[2], now));

            GateFacts r = facts.get(0);
            assertEquals(List.of("R-1"), List.copyOf(r.invoices().keySet()), "R-404 does not exist, L-1 was not asked for this notice");
            InvoiceState r1 = r.invoices().get("R-1");
            assertEquals(Money.of("1000.00", "RUB"), r1.amount());
            assertEquals(Money.of("400.00", "RUB"), r1.paid());
            assertEquals(2, r1.paid().amount().scale(), "the currency's scale, not the column's four decimals");
            assertEquals(InvoiceStatus.OPEN, r1.status());
            assertEquals(LocalDate.of(2026, 11, 10), r1.dueDate());
            assertEquals(romashka, r1.accountId());
            assertEquals(List.of(Money.of("300.00", "RUB")), r.unallocated());
            assertEquals(1, r.evidence().size(), "the confirmed payment order no longer holds anything");
            PaymentEvidence e = r.evidence().get(0);
            assertEquals(ids[0], e.id());
            assertEquals("17", e.number());
            assertEquals(LocalDate.of(2026, 11, 19), e.orderDate());
            assertEquals(0, Money.of("600.00", "RUB").compareTo(e.amount().orElseThrow()));
            assertEquals(List.of(), r.openCases());
            assertFalse(r.redFlagged(), "its red flag was cleared");
            assertEquals(java.util.Map.of(), r.recentSameKind(), "the old reminder is outside the window and the re-checked notice itself is left out");
            GateFacts withSelf = gw.db.inTransaction(x -> gw.services.notices.loader().load(x, List.of(toRomashka), null, now)).get(0);
            assertEquals(java.util.Set.of("R-1"), withSelf.recentSameKind().keySet(), "without the exception, the notice itself counts as sent");
            assertEquals(ZoneId.of("Europe/Moscow"), r.zone(), "no zone of its own: the gateway's");
            assertNull(r.hours());

            GateFacts l = facts.get(1);
            assertEquals(List.of("L-1"), List.copyOf(l.invoices().keySet()));
            assertEquals(Money.of("0.00", "EUR"), l.invoices().get("L-1").paid());
            assertEquals(List.of(), l.unallocated());
            assertEquals(List.of(), l.evidence());
            assertEquals(List.of("FD-" + ids[1]), l.openCases(), "the resolved case is not open");
            assertTrue(l.redFlagged());
            assertEquals(1, l.recentSameKind().get("L-1").size());
            assertEquals(ZoneId.of("Asia/Vladivostok"), l.zone());
            assertEquals("10:00-19:00", l.hours().toString());

            IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> gw.db.inTransaction(x ->
                    gw.services.notices.loader().loadOne(x, new NoticeRequest(987_654, NoticeKind.REMINDER, List.of("R-1"), Money.of("1.00", "RUB"), now),
                            null, now)));
            assertEquals("no account 987654", unknown.getMessage());
        }
    }
}
