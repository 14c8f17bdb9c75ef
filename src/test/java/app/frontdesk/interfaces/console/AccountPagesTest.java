package app.frontdesk.interfaces.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.domain.model.billing.Money;
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
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The account pages as shipped: who is offered which form, money at its currency's scale, dates as people type them. */
class AccountPagesTest {

    private final ConsoleTemplates pages = new ConsoleTemplates(new ConsoleSettings(Path.of("server-config/templates"), "ООО «Облако»",
            ZoneId.of("Europe/Moscow"), Locale.ENGLISH, Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC)));

    @Test
    void whoLooksAfterTheAccountIsOfferedEveryFormAndBillingOnlyThePaymentOrder() {
        for (Locale lang : List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"))) {
            Map<String, Object> m = account(true);
            String full = pages.render("account", lang, m);
            for (String action : List.of("/console/accounts/7/contacts\"", "/console/accounts/7/contacts/100/remove\"",
                    "/console/accounts/7/flag/clear\"", "/console/accounts/7/evidence\"")) {
                assertTrue(full.contains("action=\"" + action), lang + ": " + action + " offered to whoever looks after the account");
            }
            assertTrue(full.contains("id=\"experiences\"") && full.contains("id=\"history-list\""), "the care timeline and the history");

            String billing = pages.render("account", lang, account(false));
            assertTrue(billing.contains("action=\"/console/accounts/7/evidence\""), "billing records payment orders");
            assertFalse(billing.contains("/contacts\"") || billing.contains("/remove\"") || billing.contains("/flag/clear\""),
                    "billing is offered no contact or flag form");
            assertFalse(billing.contains("id=\"experiences\"") || billing.contains("id=\"history-list\""));
            assertTrue(billing.contains("anna@romashka.example") && billing.contains("INV-2026-0042"), "but sees contacts and invoices");
            assertTrue(billing.contains("class=\"flagged\""), "and that the account is red-flagged (its notices wait for the manager)");
        }
    }

    @Test
    void theFlagFormIsThereOnlyWhileTheFlagIs() {
        Map<String, Object> m = account(true);
        m.put("care", Map.of("raised", false, "hasExperiences", false,
                "cleared", Map.of("at", "today", "by", "olga@frontdesk.test", "note", "called the CEO")));
        m.put("flagged", false);
        String html = pages.render("account", Locale.ENGLISH, m);
        assertFalse(html.contains("/flag/clear"));
        assertTrue(html.contains("Last cleared today by olga@frontdesk.test: “called the CEO”"), html);
    }

    @Test
    void theListLinksEachAccountAndPagesOnByKey() {
        Map<String, Object> m = base();
        m.put("onAccounts", true);
        m.put("q", "romashka");
        m.put("searched", true);
        m.put("accounts", List.of(Map.of("accountId", 7, "accountName", "ООО «Ромашка»", "domains", "romashka.example", "managerName", "Ольга",
                "flagged", true)));
        m.put("nextPage", "/console/accounts?q=romashka&after=7");
        String html = pages.render("accounts", Locale.ENGLISH, m);
        assertTrue(html.contains("<title>Accounts — ООО «Облако»</title>"), html);
        assertTrue(html.contains("<a href=\"/console/accounts/7\">ООО «Ромашка»</a> <strong class=\"flag\">red flag</strong>"), html);
        assertTrue(html.contains("href=\"/console/accounts?q&#x3D;romashka&amp;after&#x3D;7\" rel=\"next\""), html);
        assertTrue(html.contains("<form method=\"get\" action=\"/console/accounts\"") && !html.contains("name=\"_csrf\" value=\"token-123\"><input type=\"search\""),
                "the search is a GET without the token in its URL");
    }

    @Test
    void moneyIsShownAtItsCurrencysScaleInTheReadersWay() {
        assertEquals("1,500.00 RUB", AccountViews.money(Money.of("1500", "RUB"), Locale.ENGLISH));
        assertEquals("1\u00a0500,00 RUB", AccountViews.money(Money.of("1500", "RUB"), Locale.forLanguageTag("ru")));
        assertEquals("1,500 JPY", AccountViews.money(Money.of("1500", "JPY"), Locale.ENGLISH));
        assertEquals("0.125 KWD", AccountViews.money(Money.of("0.125", "KWD"), Locale.ENGLISH));
    }

    @Test
    void aDateIsTakenAsTheDateFieldSendsItOrAsPeopleTypeIt() {
        assertEquals(Optional.of(LocalDate.of(2026, 11, 20)), AccountPages.date("2026-11-20"));
        assertEquals(Optional.of(LocalDate.of(2026, 11, 20)), AccountPages.date(" 20.11.2026 "));
        assertEquals(Optional.empty(), AccountPages.date("last friday"));
        assertEquals(Optional.empty(), AccountPages.date(""));
    }

    private static Map<String, Object> base() {
        Map<String, Object> m = new HashMap<>();
        m.put("company", "ООО «Облако»");
        m.put("csrf", "token-123");
        m.put("me", Map.of("name", "Ольга", "email", "olga@frontdesk.test"));
        return m;
    }

    private static Map<String, Object> account(boolean looksAfter) {
        Map<String, Object> m = base();
        m.put("onAccount", true);
        m.put("accountId", 7);
        m.put("accountName", "ООО «Ромашка»");
        m.put("looksAfter", looksAfter);
        m.put("flagged", true);
        m.put("hasContacts", true);
        m.put("contacts", List.of(Map.of("contactId", 100, "address", "anna@romashka.example", "contactName", "Анна", "language", "русский",
                "since", "1 November 2026, 10:00", "webhook", false)));
        m.put("hasInvoices", true);
        m.put("invoices", List.of(Map.of("number", "INV-2026-0042", "issued", "1 November 2026", "due", "15 November 2026",
                "amount", "1,500.00 RUB", "paid", "0.00 RUB", "status", Map.of("OPEN", true))));
        m.put("today", "2026-11-28");
        if (looksAfter) {
            m.put("care", Map.of("raised", true, "raisedAt", "27 November 2026, 10:00", "headAlerted", false, "hasExperiences", true,
                    "experiences", List.of(Map.of("at", "today", "kind", Map.of("COMPLAINT", true), "detail", "not delivered"))));
            m.put("hasHistory", true);
            m.put("history", List.of(Map.of("at", "today", "actor", "care", "action", "red-flag-raised", "known", true,
                    "what", Map.of("redFlagRaised", true), "detail", "2 bad experiences")));
        }
        return m;
    }
}
