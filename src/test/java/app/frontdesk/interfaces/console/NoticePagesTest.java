package app.frontdesk.interfaces.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.application.dunning.GateDecision;
import app.frontdesk.application.dunning.GateFacts;
import app.frontdesk.application.dunning.NoticeDesk;
import app.frontdesk.application.dunning.NoticeRequest;
import app.frontdesk.application.dunning.Reason;
import app.frontdesk.domain.model.audit.AuditEvent;
import app.frontdesk.domain.model.billing.InvoiceState;
import app.frontdesk.domain.model.billing.InvoiceStatus;
import app.frontdesk.domain.model.billing.Money;
import app.frontdesk.domain.model.billing.Notice;
import app.frontdesk.domain.model.billing.NoticeDecision;
import app.frontdesk.domain.model.billing.NoticeKind;
import app.frontdesk.domain.model.billing.Verdict;
import app.frontdesk.domain.model.staff.StaffRole;
import app.frontdesk.domain.model.staff.Viewer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The notices pages from real notices and decisions (the JSON the gate stores), rendered with the
 * shipped templates: what the gate saw is shown as tables, amounts at their currency's scale, and the
 * forms offered are the ones the viewer may use.
 */
class NoticePagesTest {

    private static final Instant NOW = Instant.parse("2026-11-23T07:00:00Z");
    private static final ConsoleSettings SETTINGS = new ConsoleSettings(Path.of("server-config/templates"), "ООО «Облако»",
            ZoneId.of("Europe/Moscow"), Locale.ENGLISH, Clock.fixed(NOW, ZoneOffset.UTC));
    private final ConsoleTemplates pages = new ConsoleTemplates(SETTINGS);
    private final NoticeViews views = new NoticeViews(new ConsoleViews(SETTINGS),
            app.frontdesk.application.dunning.ReasonWords.load(Path.of("server-config/templates")));
    private static final Viewer BILLING = new Viewer(3, "billing@frontdesk.test", "Billing", Set.of(StaffRole.BILLING), Locale.ENGLISH);
    private static final Viewer ADMIN = new Viewer(5, "admin@frontdesk.test", "Admin", Set.of(StaffRole.ADMIN), new Locale("ru"));

    @Test
    void aHeldNoticeShowsWhatTheGateSawAndOffersApprovalWithTheDecisionOnThePage() throws Exception {
        Notice n = notice(77);
        n.decided(Verdict.HOLD, null, NOW);
        NoticeDecision d = decision(n, new GateDecision(Verdict.HOLD, List.of(new Reason("OPEN_CASE", "The account has an open case (FD-51).")),
                null), 901);
        String html = render(BILLING, n, List.of(d), List.of());
        assertTrue(html.contains("<form method=\"post\" action=\"/console/notices/77/approve\">"), html);
        assertTrue(html.contains("name=\"seen\" value=\"901\""), "the form names the decision the person saw");
        assertFalse(html.contains("/override\""), "billing overrides nothing");
        assertTrue(html.contains("<td class=\"num\">1,500.00 RUB</td><td class=\"num\">500.00 RUB</td><td class=\"num\">1,000.00 RUB</td>"),
                "amount, paid and outstanding from the data the gate saw: " + html);
        assertTrue(html.contains("Open cases: FD-51"), "billing gets no link to a case it cannot open: " + html);
        assertTrue(html.contains("waits for a person’s approval"));
    }

    @Test
    void aBlockedNoticeOffersTheOverrideToAnAdministratorOnlyInTheirLanguage() throws Exception {
        Notice n = notice(78);
        n.decided(Verdict.BLOCK, null, NOW);
        NoticeDecision d = decision(n, new GateDecision(Verdict.BLOCK, List.of(new Reason("AMOUNT_WRONG", "The notice claims 1500.00 RUB but"
                + " 1000.00 RUB is outstanding.")), null), 902);
        String admin = render(ADMIN, n, List.of(d), List.of(new AuditEvent(NOW, "admin@frontdesk.test", "notice-block-overridden", "notice",
                78L, "<b>agreed</b>")));
        assertTrue(admin.contains("action=\"/console/notices/78/override\""), admin);
        assertFalse(admin.contains("/approve\""), "a block is not approved");
        assertTrue(admin.contains("<html lang=\"ru\">") && admin.contains("Снять блокировку"));
        assertTrue(admin.contains("&lt;b&gt;agreed&lt;/b&gt;"), "what people wrote is text");
        assertTrue(admin.contains("<a href=\"/console/cases/51\">FD-51</a>"), "an administrator may open the case");
        assertTrue(admin.contains("1\u00a0500,00 RUB"), "amounts grouped as a Russian reader groups them: " + admin);
        String billing = render(BILLING, n, List.of(d), List.of());
        assertFalse(billing.contains("/override\""));
        assertTrue(billing.contains("only an administrator can override a block"));
    }

    @Test
    void theGatesReasonsAreInTheReadersLanguageWithTheFactsItStored() throws Exception {
        Notice n = notice(80);
        n.decided(Verdict.BLOCK, null, NOW);
        Reason paid = new Reason("INVOICE_PAID", "Invoice INV-2026-0042 is paid in full (1500.00 RUB of 1500.00 RUB).",
                Map.of("invoice", "INV-2026-0042", "paid", Money.of("1500.00", "RUB"), "amount", Money.of("1500.00", "RUB")));
        Reason later = new Reason("NOT_BUSINESS_TIME", "planned at night", Map.of("kind", app.frontdesk.domain.model.billing.NoticeKind.FINAL,
                "planned", Instant.parse("2026-11-22T20:00:00Z"), "next", Instant.parse("2026-11-23T06:00:00Z")));
        NoticeDecision d = decision(n, new GateDecision(Verdict.BLOCK, List.of(paid, later), null), 904);

        String ru = render(ADMIN, n, List.of(d), List.of()).replaceAll("[\u00a0\u202f]", " ");
        assertTrue(ru.contains("Счёт INV-2026-0042 оплачен полностью (1 500,00 ₽ из 1 500,00 ₽)."), ru);
        assertTrue(ru.contains("Оно пришло бы клиенту в воскресенье, 22 ноября 2026, 23:00 (МСК)"), ru);
        assertFalse(ru.contains("is paid in full") || ru.contains("planned at night"), "no English on a Russian page: " + ru);
        String en = render(BILLING, n, List.of(d), List.of());
        assertTrue(en.contains("Invoice INV-2026-0042 is paid in full (") && en.contains("It would reach the customer on Sunday"), en);

        // a decision stored before facts were: each reason by its few words, still in the reader's language
        var old = views.reasons("[{\"code\":\"INVOICE_PAID\",\"message\":\"Invoice X is paid in full.\"},"
                + "{\"code\":\"SOMETHING_NEW\",\"message\":\"Said by the gate.\"}]", new Locale("ru"));
        assertEquals("Счёт уже оплачен.", old.get(0).get("message"));
        assertEquals("Said by the gate.", old.get(1).get("message"), "a code the texts do not know keeps the gate's message");
    }

    @Test
    void amountsKeepTheirCurrencysScale() {
        assertEquals("1,500.00 RUB", NoticeViews.money(Money.of("1500.00", "RUB"), Locale.ENGLISH));
        assertEquals("1\u00a0500,00 RUB", NoticeViews.money(Money.of("1500", "RUB"), new Locale("ru")));
        assertEquals("15,000 JPY", NoticeViews.money(Money.of("15000", "JPY"), Locale.ENGLISH));
        assertEquals("12.345 KWD", NoticeViews.money(Money.of("12.345", "KWD"), Locale.ENGLISH));
        assertEquals("0.01 EUR", NoticeViews.money(Money.of("0.01", "EUR"), Locale.ENGLISH));
    }

    @Test
    void dataCutAtItsColumnsSizeIsShownAsItIsInsteadOfFailingThePage() {
        Map<String, Object> seen = views.seen("{\"request\":{\"account\":1,\"kind\":\"REMIND...", Locale.ENGLISH);
        assertEquals("{\"request\":{\"account\":1,\"kind\":\"REMIND...", seen.get("raw"));
        assertEquals(List.of(Map.of("code", "", "message", "[{\"code\":\"OPEN")), views.reasons("[{\"code\":\"OPEN", Locale.ENGLISH));
    }

    @Test
    void needsMeListsTheNoticesHeldForMyApprovalAndCountsThemInTheTitle() {
        Notice n = notice(79);
        n.decided(Verdict.HOLD, null, NOW);
        NoticeDecision d = decision(n, new GateDecision(Verdict.HOLD, List.of(new Reason("RED_FLAG", "The account is red-flagged.")), null), 903);
        Map<String, Object> m = base(BILLING, "needs");
        m.put("heldNotices", List.of(views.row(n, "ООО «Ромашка»", d, Locale.ENGLISH)));
        m.put("heldCount", 1);
        m.put("count", 1);
        m.put("cases", List.of());
        String html = pages.render("needs", Locale.ENGLISH, m);
        assertTrue(html.contains("<title>(1) Needs me — ООО «Облако»</title>"), html);
        assertTrue(html.contains("Notices held for my approval: 1") && html.contains("<a href=\"/console/notices/79\">No. 79</a>"), html);
        assertFalse(html.contains("id=\"cases\""), "no empty table of cases");
        assertFalse(html.contains("Nothing is waiting"));
    }

    private String render(Viewer v, Notice n, List<NoticeDecision> decisions, List<AuditEvent> actions) {
        Map<String, Object> m = views.detail(v, n, "ООО «Ромашка»", decisions, actions);
        m.putAll(base(v, "notice"));
        return pages.render("notice", v.locale(), m);
    }

    private static Map<String, Object> base(Viewer v, String page) {
        Map<String, Object> m = new HashMap<>();
        m.put("company", "ООО «Облако»");
        m.put("csrf", "token-123");
        m.put("me", Map.of("name", v.displayName(), "email", v.email()));
        m.put("on" + Character.toUpperCase(page.charAt(0)) + page.substring(1), true);
        return m;
    }

    private static Notice notice(long id) throws RuntimeException {
        Notice n = new Notice(42, NoticeKind.SUSPENSION, List.of("INV-2026-0042"), Money.of("1500.00", "RUB"), NOW,
                List.of("buh@romashka.example"), "Приостановка", "Счёт не оплачен.", null, "B-77", NOW);
        set(n, "id", id);
        return n;
    }

    private static NoticeDecision decision(Notice n, GateDecision d, long id) {
        NoticeRequest r = new NoticeRequest(n.accountId(), n.kind(), n.invoices(), n.claimed(), n.plannedAt());
        GateFacts f = new GateFacts(Map.of("INV-2026-0042", new InvoiceState("INV-2026-0042", 42, Money.of("1500.00", "RUB"), InvoiceStatus.OPEN,
                LocalDate.of(2026, 11, 15), Money.of("500.00", "RUB"))), List.of(), List.of(), List.of("FD-51"), false, Map.of(),
                ZoneId.of("Europe/Moscow"), null);
        NoticeDecision stored = NoticeDesk.record(n.id(), r, d, f, "submit", NOW);
        set(stored, "id", id);
        return stored;
    }

    private static void set(Object o, String field, Object value) {
        try {
            var f = o.getClass().getDeclaredField(field);
            f.setAccessible(true);
            f.set(o, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
