package app.frontdesk.interfaces.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The page templates as shipped (server-config/templates/console), rendered outside a container. */
class ConsolePagesTest {

    private static final String HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'";
    private final ConsoleTemplates pages = new ConsoleTemplates(new ConsoleSettings(Path.of("server-config/templates"), "ООО «Облако»",
            ZoneId.of("Europe/Moscow"), Locale.ENGLISH, Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC)));

    @ParameterizedTest
    @ValueSource(strings = {"ru", "en"})
    void everyPageRendersInBothLanguagesWithWhatAStrangerWroteAsTextAndTheCsrfTokenInEveryForm(String language) {
        for (String page : ConsoleTemplates.PAGES) {
            String html = pages.render(page, Locale.forLanguageTag(language), model());
            assertTrue(html.startsWith("<!DOCTYPE html>"), page);
            assertTrue(html.contains("<html lang=\"" + language + "\">"), page + " is in " + language);
            assertFalse(html.contains("<script>alert") || html.contains("<img src=x"), page + " let markup through:\n" + html);
            assertFalse(html.contains("{{") || html.contains("}}"), page + " has an unrendered tag");
            assertFalse(html.contains("<script>") || html.contains(" on") && html.matches("(?s).*\\son[a-z]+=.*"),
                    page + " has inline script");
            int forms = html.split("<form method=\"post\"", -1).length - 1;
            int tokens = html.split("name=\"_csrf\" value=\"token-123\"", -1).length - 1
                    + html.split("\\?_csrf=token-123\"", -1).length - 1; // an upload form carries it in its action
            assertEquals(forms, tokens, page + ": every form that changes something carries the CSRF token");
            assertEquals(forms + html.split("<form method=\"get\"", -1).length - 1, html.split("<form ", -1).length - 1,
                    page + ": every form says its method (a search form's GET must not put the token into a URL)");
            assertTrue(html.contains("ООО «Облако»"), page + " is signed with the company's name");
            assertFalse(html.contains("Frontdesk"), page + " names the product");
        }
    }

    @Test
    void theCasePageShowsTheMessageAsTextAndOffersTheActionsOnlyWhileOpen() {
        Map<String, Object> m = model();
        String open = pages.render("case", Locale.ENGLISH, m);
        assertTrue(open.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), open);
        assertTrue(open.contains("action=\"/console/cases/51/authorize\"") && open.contains("action=\"/console/cases/51/reject\""));
        m.put("open", false);
        String closed = pages.render("case", Locale.ENGLISH, m);
        assertFalse(closed.contains("/authorize\""), "no action on a closed case");
    }

    @Test
    void aTaskOnNeedsMeHasItsCountdownAndADoneFormThatWorksWithAndWithoutScript() {
        for (Locale lang : List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"))) {
            String html = pages.render("needs", lang, model());
            assertTrue(html.contains("<form method=\"post\" action=\"/console/tasks/300/done\" hx-post=\"/console/tasks/300/done\""
                    + " hx-target=\"#task-300\" hx-swap=\"outerHTML\">"), html);
            assertTrue(html.contains("<tr id=\"task-300\">") && html.contains("href=\"/console/cases/51\""), html);
            assertTrue(html.contains(lang.getLanguage().equals("ru") ? "осталось 2 ч 0 мин" : "2 h 0 min left"), html);
            String row = pages.render("task-done", lang, Map.of("taskId", 300, "doneNow", true, "kind", Map.of("CALL", true), "promisedTo", HOSTILE));
            assertTrue(row.startsWith("<tr id=\"task-300\" class=\"done\">") && !row.contains("<script>"), row);
        }
    }

    @Test
    void theStaffPageOffersRolesPasswordAndAccessPerPersonButNobodyDisablesThemselves() {
        for (Locale lang : List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"))) {
            Map<String, Object> m = model();
            m.put("users", List.of(
                    Map.of("id", 7, "email", "olga@frontdesk.test", "name", "Olga", "roles", "manager", "disabled", false, "self", false,
                            "is", Map.of("manager", true)),
                    Map.of("id", 8, "email", "admin@frontdesk.test", "name", "Admin", "roles", "admin", "disabled", false, "self", true,
                            "is", Map.of("admin", true))));
            String html = pages.render("staff", lang, m);
            assertTrue(html.contains("action=\"/console/staff/7/roles\"") && html.contains("action=\"/console/staff/7/password\"")
                    && html.contains("action=\"/console/staff/7/disable\""), html);
            assertTrue(html.contains("name=\"role\" value=\"manager\" checked") && html.contains("name=\"role\" value=\"admin\" checked"),
                    "each person's roles as they are");
            assertFalse(html.contains("/console/staff/8/disable"), "no button to disable oneself");
            boolean ru = lang.getLanguage().equals("ru");
            assertTrue(html.contains("<ul class=\"roles\"><li>" + (ru ? "менеджер" : "manager") + "</li></ul>")
                    && html.contains("<ul class=\"roles\"><li>" + (ru ? "администратор" : "administrator") + "</li></ul>"),
                    "the roles in the page's words, not their ids: " + html);
            m.put("generated", Map.of("email", "olga@frontdesk.test", "password", "Generated2345678abcde"));
            assertTrue(pages.render("staff", lang, m).contains("<code>Generated2345678abcde</code>"));
            String own = pages.render("password", lang, model());
            assertTrue(own.contains("action=\"/console/password\"") && own.contains("name=\"current\"") && own.contains("autocomplete=\"current-password\""));
        }
    }

    @Test
    void heldMailOffersALeadBothBulkActionsInOneFormThatWorksWithoutScript() {
        for (Locale lang : List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"))) {
            Map<String, Object> m = model();
            m.put("canRetry", true);
            m.put("messages", List.of(Map.of("id", 7, "from", "a@x", "subject", "s", "received", "today", "quarantined", false, "reason", "held"),
                    Map.of("id", 8, "from", "b@x", "subject", "s", "received", "today", "quarantined", true, "reason", "poison")));
            String html = pages.render("held", lang, m);
            assertTrue(html.contains("<form method=\"post\" action=\"/console/held/retry\">")
                    && html.contains("formaction=\"/console/held/decide-again\""), html);
            assertTrue(html.contains("name=\"id\" value=\"7\"") && html.contains("name=\"id\" value=\"8\""), "held and quarantined both selectable");
            m.put("canRetry", false);
            assertFalse(pages.render("held", lang, m).contains("decide-again"), "not offered to a manager");
        }
    }

    @Test
    void theCasePageListsAttachmentsAsDownloadLinksOnly() {
        String html = pages.render("case", Locale.ENGLISH, model());
        assertTrue(html.contains("<a href=\"/console/cases/51/messages/101/parts/0\" download>&lt;script&gt;"), html);
        assertTrue(html.contains("<a href=\"/console/cases/51/messages/101/parts/1\" download>part 1 (no name)</a>"), html);
        assertFalse(html.contains("<img") || html.contains("<iframe") || html.contains("<object"), "nothing is opened in the page");
    }

    @Test
    void aPaymentIsTiedToACompanyFoundByTheSearchNotByATypedId() {
        Map<String, Object> m = model();
        Map<String, Object> row = new HashMap<>(Map.of("id", 9, "externalId", "b-1", "amount", "10.00 RUB", "date", "2026-11-27",
                "payerInn", "7701234567", "purpose", HOSTILE, "searchValue", "7701234567", "searchedHere", true,
                "foundHere", List.of(Map.of("paymentId", 9, "accountId", 7, "accountName", HOSTILE, "domains", "romashka.example")),
                "nothingFoundHere", false));
        m.put("unmatched", List.of(row));
        for (Locale lang : List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"))) {
            String html = pages.render("payments", lang, m);
            assertTrue(html.contains("<form method=\"get\" action=\"/console/payments\" class=\"search\"><input type=\"hidden\" name=\"for\" value=\"9\">"), html);
            assertTrue(html.contains("name=\"q\" value=\"7701234567\""), "the payer's INN is the first search");
            assertTrue(html.contains("<form method=\"post\" action=\"/console/payments/9/assign\" class=\"inline\"><input type=\"hidden\" name=\"_csrf\""
                    + " value=\"token-123\"><input type=\"hidden\" name=\"account\" value=\"7\">"), html);
            assertFalse(html.contains("type=\"number\""), "no account id to type");
        }
    }

    @Test
    void theTitleCountsWhatWaits() {
        Map<String, Object> m = model();
        assertTrue(pages.render("needs", Locale.ENGLISH, m).contains("<title>(1) Needs me — ООО «Облако»</title>"));
        m.put("count", 0);
        assertTrue(pages.render("needs", Locale.ENGLISH, m).contains("<title>Needs me — ООО «Облако»</title>"));
    }

    @Test
    void onlyAPathOfTheConsoleIsAPlaceToGoAfterSignIn() {
        assertEquals("/console/cases/51", ConsoleResource.safeNext("/console/cases/51"));
        for (String bad : new String[] {null, "", "https://evil.example/", "//evil.example/console/", "/console/\\\\evil", "/api/cases",
                "/console/x\r\nSet-Cookie: a=b", "/console/https://evil"}) {
            assertEquals("/console/", ConsoleResource.safeNext(bad), String.valueOf(bad));
        }
    }

    @Test
    void theWordingPadMarksEachFindingWhereItStandsAndJoinsOverlaps() {
        String text = "We regret any inconvenience. As stated in our terms, we cannot.";
        int a = text.indexOf("regret");
        int b = text.indexOf("As stated");
        int c = text.indexOf("terms,");
        var findings = List.of(new app.frontdesk.application.wording.Finding("terms", c, c + 9, "terms, we", "m3", "s3"),
                new app.frontdesk.application.wording.Finding("non-apology", a, a + 24, "regret any inconvenience", "m1", "s1"),
                new app.frontdesk.application.wording.Finding("terms", b, b + 22, "As stated in our terms", "m2", "s2"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> segments = (List<Map<String, Object>>) ToolPages.marked(text, findings).get("segments");
        assertEquals(text, segments.stream().map(x -> (String) x.get("text")).reduce("", String::concat), "nothing lost or repeated");
        assertEquals(List.of("regret any inconvenience", "As stated in our terms", ", we"),
                segments.stream().filter(x -> x.containsKey("finding")).map(x -> (String) x.get("text")).toList());
    }

    @Test
    void theCsrfFieldIsReadFromAFormBody() {
        assertEquals("a b/+=", CsrfCheck.field("x=1&_csrf=a+b%2F%2B%3D&y=2", "_csrf"));
        assertEquals(null, CsrfCheck.field("x=1&csrf=nope", "_csrf"));
    }

    private static Map<String, Object> model() {
        Map<String, Object> m = new HashMap<>();
        m.put("company", "ООО «Облако»");
        m.put("csrf", "token-123");
        m.put("me", Map.of("name", HOSTILE, "email", "olga@frontdesk.test"));
        m.put("isAdmin", true);
        m.put("onNeeds", true);
        m.put("count", 1);
        m.put("next", "/console/");
        m.put("wrong", true);
        m.put("notFound", true);
        m.put("id", 51);
        m.put("caseId", 51);
        m.put("reference", "FD-51");
        m.put("sender", "ivan@example.net");
        m.put("senderName", HOSTILE);
        m.put("open", true);
        m.put("state", Map.of("AWAITING_AUTHORIZATION", true, "HELD", true));
        m.put("account", Map.of("id", 7, "name", HOSTILE)); // not the case's id: a form inside {{#account}} once took this one
        // the case's verdict, candidates and evidence as recorded: what a stranger wrote reaches them too (a name, a value found)
        m.put("verdict", Map.of("unverified", true, "words", HOSTILE, "domain", HOSTILE));
        m.put("hasCandidates", true);
        m.put("candidates", List.of(Map.of("candidateId", 7, "candidateName", HOSTILE, "percent", 82, "facts", HOSTILE, "chosen", true)));
        m.put("evidenceRecorded", HOSTILE);
        m.put("due", "30 November 2026, 13:00");
        m.put("left", Map.of("days", 1, "hours", 2, "minutes", 3, "hasDays", true));
        m.put("age", Map.of("days", 0, "hours", 0, "minutes", 5, "hasDays", false));
        m.put("cases", List.of(Map.of("id", 51, "reference", "FD-51", "sender", "ivan@example.net", "senderName", HOSTILE,
                "state", Map.of("OPEN", true), "kind", Map.of("UNKNOWN_SENDER", true), "due", "today",
                "age", Map.of("hours", 1, "minutes", 2), "left", Map.of("hours", 1, "minutes", 2))));
        m.put("messages", List.of(Map.of("id", 101, "subject", HOSTILE, "from", HOSTILE, "received", "today", "text", HOSTILE,
                "held", true, "reason", HOSTILE, "parts", List.of(Map.of("caseId", 51, "messageId", 101, "index", 0, "name", HOSTILE,
                "type", HOSTILE, "size", "1.5 KB"), Map.of("caseId", 51, "messageId", 101, "index", 1, "name", "", "type", "image/png",
                "size", "16 B")), "hasParts", true)));
        Map<String, Object> task = new HashMap<>(Map.of("escalated", true));
        m.put("tasks", List.of(task));
        task.putAll(Map.of("taskId", 300, "kind", Map.of("CALL", true), "promisedTo", HOSTILE, "promise", HOSTILE,
                "due", "28 November 2026, 15:00", "left", Map.of("hours", 2, "minutes", 0), "caseId", 51, "accountId", 7,
                "othersTask", true, "assignee", "boris@frontdesk.test"));
        m.put("taskCount", 1);
        m.put("timeline", List.of(Map.of("at", "today", "actor", "pipeline", "kind", "opened", "detail", HOSTILE)));
        m.put("sent", List.of(Map.of("kind", "SENDER_REPLY", "to", "ivan@example.net", "state", "SENT")));
        m.put("users", List.of(Map.of("email", "olga@frontdesk.test", "name", HOSTILE, "roles", "manager", "disabled", false)));
        m.put("error", HOSTILE);
        m.put("draft", HOSTILE);
        m.put("checked", true);
        m.put("segments", List.of(Map.of("text", HOSTILE), Map.of("text", HOSTILE, "finding", Map.of("n", 1, "message", HOSTILE))));
        m.put("findings", List.of(Map.of("n", 1, "rule", "blame", "excerpt", HOSTILE, "message", HOSTILE, "suggestion", HOSTILE)));
        m.put("events", List.of(Map.of("id", 5, "at", "today", "actor", HOSTILE, "action", "case-rejected", "subject", "case 51", "detail", HOSTILE)));
        m.put("older", Map.of("before", 5));
        m.put("unmatched", List.of(Map.of("id", 9, "externalId", HOSTILE, "amount", "10.00 RUB", "date", "2026-11-27", "payerInn", "",
                "purpose", HOSTILE)));
        m.put("refused", Map.of("count", 1, "problems", List.of(Map.of("line", 2, "problem", HOSTILE))));
        m.put("imported", Map.of("stored", 1, "duplicates", 0, "allocated", 1, "unallocated", 0, "unmatched", 0, "pending", 0, "accounts", 1));
        m.put("found", List.of(Map.of("accountId", 7, "accountName", HOSTILE, "domains", HOSTILE)));
        m.put("hasCases", true);
        m.put("caseCount", 1);
        // the red flags on "Needs me", the account list and an account's page
        m.put("hasFlags", true);
        m.put("flagCount", 1);
        m.put("flags", List.of(Map.of("accountId", 7, "accountName", HOSTILE, "since", "27 November 2026, 10:00", "headAlerted", true)));
        m.put("q", HOSTILE);
        m.put("searched", true);
        m.put("accounts", List.of(Map.of("accountId", 7, "accountName", HOSTILE, "domains", HOSTILE, "managerName", HOSTILE, "flagged", true)));
        m.put("later", true);
        m.put("firstPage", "/console/accounts?q=x");
        m.put("nextPage", "/console/accounts?q=x&after=7");
        m.put("accountId", 7);
        m.put("accountName", HOSTILE);
        m.put("looksAfter", true);
        m.put("flagged", true);
        m.put("done", Map.of("contactAdded", true));
        m.put("problem", Map.of("reason", true));
        m.put("manager", Map.of("name", HOSTILE, "address", "olga@frontdesk.test"));
        m.put("domainList", HOSTILE);
        m.put("timeZone", "Europe/Moscow");
        m.put("businessHours", "09:00-18:00");
        m.put("hasReferences", true);
        m.put("references", List.of(Map.of("kind", Map.of("INN", true), "value", HOSTILE)));
        m.put("hasContacts", true);
        m.put("contacts", List.of(Map.of("contactId", 100, "address", "anna@romashka.example", "contactName", HOSTILE, "language", "русский",
                "since", "1 November 2026, 10:00", "webhook", true)));
        m.put("care", Map.of("raised", true, "raisedAt", "27 November 2026, 10:00", "headAlerted", true, "hasExperiences", true,
                "experiences", List.of(Map.of("at", "today", "kind", Map.of("COMPLAINT", true), "detail", HOSTILE, "settled", true)),
                "cleared", Map.of("at", "today", "by", HOSTILE, "note", HOSTILE)));
        m.put("hasInvoices", true);
        m.put("invoices", List.of(Map.of("number", HOSTILE, "issued", "1 November 2026", "due", "15 November 2026", "amount", "1,500.00 RUB",
                "paid", "0.00 RUB", "status", Map.of("OPEN", true))));
        m.put("invoicesCut", true);
        m.put("rows", 50);
        m.put("hasPayments", true);
        m.put("payments", List.of(Map.of("booked", "", "amount", "1,500.00 RUB", "purpose", HOSTILE, "payerInn", HOSTILE,
                "state", Map.of("PENDING", true))));
        m.put("hasEvidence", true);
        m.put("evidence", List.of(Map.of("number", HOSTILE, "date", "20 November 2026", "amount", "", "confirmed", false,
                "received", "today", "byMail", true)));
        m.put("today", "2026-11-28");
        m.put("hasHistory", true);
        m.put("history", List.of(Map.of("at", "today", "actor", HOSTILE, "action", "contact-added", "known", true,
                "what", Map.of("contactAdded", true), "detail", HOSTILE), Map.of("at", "today", "actor", "care", "action", HOSTILE,
                "known", false, "detail", "")));
        noticeModel(m);
        return m;
    }

    /** What the notices pages and the notices on "Needs me" show: billing's texts and the gate's words are escaped too. */
    static void noticeModel(Map<String, Object> m) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", 77);
        row.put("account", Map.of("id", 7, "name", HOSTILE));
        row.put("kind", Map.of("SUSPENSION", true));
        row.put("state", Map.of("HELD", true));
        row.put("planned", "23 November 2026, 09:00");
        row.put("holdUntil", "");
        row.put("waitsForPerson", true);
        row.put("invoices", HOSTILE);
        row.put("amount", "1,500.00 RUB");
        row.put("externalRef", HOSTILE);
        row.put("reasons", List.of(Map.of("code", "OPEN_CASE", "message", HOSTILE)));
        m.put("notices", List.of(row));
        m.put("heldNotices", List.of(row));
        m.put("heldCount", 1);
        m.put("hasCases", true);
        m.put("caseCount", 1);
        m.put("list", Map.of("HELD", true));
        m.put("listName", "held");
        m.put("order", "newest");
        m.put("newest", true);
        m.put("pageNumber", 2);
        m.put("previous", 1);
        m.put("next", 3);
        m.put("kind", Map.of("SUSPENSION", true));
        m.put("planned", "23 November 2026, 09:00");
        m.put("holdUntil", "");
        m.put("waitsForPerson", true);
        m.put("invoices", HOSTILE);
        m.put("amount", "1,500.00 RUB");
        m.put("externalRef", HOSTILE);
        m.put("reasons", List.of(Map.of("code", "OPEN_CASE", "message", HOSTILE)));
        m.put("to", HOSTILE);
        m.put("subject", HOSTILE);
        m.put("body", HOSTILE);
        m.put("caseLinks", true);
        m.put("seen", 901);
        Map<String, Object> saw = new HashMap<>();
        saw.put("read", true);
        saw.put("invoices", List.of(Map.of("number", HOSTILE, "amount", "1,500.00 RUB", "paid", "0.00 RUB", "outstanding", "1,500.00 RUB",
                "status", "OPEN", "due", "2026-11-15")));
        saw.put("unallocated", List.of(HOSTILE));
        saw.put("evidence", List.of(Map.of("number", HOSTILE, "date", "2026-11-20", "amount", HOSTILE)));
        saw.put("openCases", List.of(Map.of("reference", "FD-51", "id", "51")));
        saw.put("redFlagged", true);
        saw.put("recent", List.of(Map.of("invoice", HOSTILE, "count", "1")));
        saw.put("zone", "Europe/Moscow");
        m.put("saw", saw);
        m.put("approvable", true);
        m.put("overridable", true);
        m.put("decisions", List.of(Map.of("at", "today", "verdict", Map.of("HOLD", true), "cause", Map.of("submit", true), "causeText", "",
                "reasons", List.of(Map.of("code", "OPEN_CASE", "message", HOSTILE)), "holdUntil", "", "saw", saw)));
        m.put("hasActions", true);
        m.put("actions", List.of(Map.of("at", "today", "actor", HOSTILE, "action", Map.of("notice_approved", true), "detail", HOSTILE)));
    }
}
