package app.frontdesk.interfaces.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.application.cases.CaseQueries.CandidateAccount;
import app.frontdesk.application.cases.CaseQueries.MessageText;
import app.frontdesk.application.dunning.GateDecision;
import app.frontdesk.application.dunning.GateFacts;
import app.frontdesk.application.dunning.NoticeDesk;
import app.frontdesk.application.dunning.NoticeRequest;
import app.frontdesk.application.dunning.Reason;
import app.frontdesk.application.dunning.ReasonWords;
import app.frontdesk.application.evidence.Candidate;
import app.frontdesk.application.evidence.Candidates;
import app.frontdesk.application.evidence.Evidence;
import app.frontdesk.application.mail.ParsedMail;
import app.frontdesk.application.verification.SenderPolicy;
import app.frontdesk.application.verification.SenderVerifier;
import app.frontdesk.application.verification.Verification;
import app.frontdesk.domain.model.account.Account;
import app.frontdesk.domain.model.audit.AuditEvent;
import app.frontdesk.domain.model.billing.Money;
import app.frontdesk.domain.model.billing.Notice;
import app.frontdesk.domain.model.billing.NoticeDecision;
import app.frontdesk.domain.model.billing.NoticeKind;
import app.frontdesk.domain.model.billing.Verdict;
import app.frontdesk.domain.model.inbound.Envelope;
import app.frontdesk.domain.model.inbound.InboundMessage;
import app.frontdesk.domain.model.inbound.InboundState;
import app.frontdesk.domain.model.inbound.Route;
import app.frontdesk.domain.model.outbox.MailKind;
import app.frontdesk.domain.model.outbox.OutboundMail;
import app.frontdesk.domain.model.outbox.OutboxState;
import app.frontdesk.domain.model.staff.StaffRole;
import app.frontdesk.domain.model.staff.Viewer;
import app.frontdesk.domain.model.supportcase.CaseKind;
import app.frontdesk.domain.model.supportcase.SupportCase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Each page kind made by the console's own view code from real objects and rendered in Russian: what the data stores
 * as codes (a timeline's kinds, a mail's kind and state, why a message is held, an audit action, the gate's approval)
 * is said in Russian words, and English written by our code stays only inside a labelled quote ("как записано").
 */
class RussianPagesTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final Locale RU = Locale.forLanguageTag("ru");
    private static final ConsoleSettings SETTINGS = new ConsoleSettings(Path.of("server-config/templates"), "ООО «Облако»",
            ZoneId.of("Europe/Moscow"), RU, Clock.fixed(NOW, ZoneOffset.UTC));
    private static final Viewer LEAD = new Viewer(2, "lead@frontdesk.test", "Лида", Set.of(StaffRole.LEAD), RU);
    private static final SenderVerifier VERIFIER = new SenderVerifier(SenderPolicy.VERIFIED, Set.of("mx.ours.example"));
    /** Latin words a Russian page may show: the names of the checks as people in the trade know them, a currency's code. */
    private static final Set<String> NAMES = Set.of("DKIM", "SPF", "DMARC", "RUB");
    /** Codes and English that leaked before: none may stand outside a labelled quote. */
    private static final List<String> LEAKS = List.of("contact-authorized", "authorized-contact-asked", "manager-alerted", "opened",
            "SENDER_REPLY", "MANAGER_ALERT", "SENT", "PENDING", "UNKNOWN_SENDER", "unknown sender", "APPROVED", "accepted", "notice-approved",
            "case-rejected", "quarantined", "expired", "account 7", "domain", "invoice");

    private final ConsoleTemplates pages = new ConsoleTemplates(SETTINGS);
    private final ConsoleViews views = new ConsoleViews(SETTINGS);

    @Test
    void theCasePageSaysTheTimelineTheSentMailTheHeldCauseTheEvidenceAndTheVerdictInRussian() {
        String html = pages.render("case", RU, casePage(LEAD));
        assertRussian("case", html);
        assertTrue(html.contains("отправитель стал уполномоченным контактом"), html);
        assertTrue(html.contains("<td>ответ отправителю</td>") && html.contains("<td>отправлено</td>"), html);
        assertTrue(html.contains("задержано: отправитель не уполномоченный контакт: письмо ждёт решения (как записано: <q class=\"recorded\">"
                + "unknown sender: no verified domain</q>)"), html);
        assertTrue(html.contains("<td class=\"num\">82%</td><td>домен romashka.example (не подтверждён), счёт INV-2026-0042</td>"), html);
        assertTrue(html.contains("<strong>Адрес отправителя не подтверждён</strong> — мы не знаем, что письмо действительно от этого адреса."
                + " Наш почтовый сервер проверил: цифровая подпись письма (DKIM) не сошлась"), html);
    }

    @Test
    void heldMailSaysTheCauseFromTheRouteAndKeepsThePipelinesReasonAsRecorded() {
        HeldPages held = new HeldPages();
        held.views = views;
        InboundMessage quarantined = message(102, "мусор");
        quarantined.quarantine("processing failed 5 times, last error: unreadable MIME", NOW);
        Map<String, Object> m = base("held");
        m.put("messages", List.of(held.row(heldMessage(), RU), held.row(quarantined, RU)));
        m.put("filter", Map.of("ALL", true));
        m.put("canRetry", true);
        String html = pages.render("held", RU, m);
        assertRussian("held", html);
        assertTrue(html.contains("<b>карантин</b>: письмо не удалось обработать (как записано: <q class=\"recorded\">processing failed"), html);
    }

    @Test
    void theAuditLogSaysWhatWasDoneAndToWhatInRussian() {
        ToolPages tools = new ToolPages();
        tools.views = views;
        Map<String, Object> m = base("audit");
        m.put("events", List.of(
                tools.auditRow(new AuditEvent(NOW, "olga@frontdesk.test", "contact-authorized", "account", 7L,
                        "ivan@romashka.example authorized for case FD-51"), RU),
                tools.auditRow(new AuditEvent(NOW, "pipeline", "quarantined", "inbound", 102L, "processing failed 5 times"), RU),
                tools.auditRow(new AuditEvent(NOW, "olga@frontdesk.test", "notice-approved", "notice", 77L, "olga accepted open case FD-51: ok"), RU)));
        String html = pages.render("audit", RU, m);
        assertRussian("audit", html);
        assertTrue(html.contains("<td>отправитель стал уполномоченным контактом</td><td>клиент 7</td>"), html);
        assertTrue(html.contains("<td>письмо помещено в карантин</td><td>входящее письмо 102</td>"), html);
    }

    @Test
    void aNoticeApprovedByAPersonSaysWhoAndWhatTheyAcceptedInRussian() {
        NoticeViews notices = new NoticeViews(views, ReasonWords.load(Path.of("server-config/templates")));
        Notice n = new Notice(42, NoticeKind.REMINDER, List.of("INV-2026-0042"), Money.of("1500.00", "RUB"), NOW,
                List.of("buh@romashka.example"), "Напоминание", "Счёт не оплачен.", null, "B-77", NOW);
        set(n, "id", 77L);
        n.decided(Verdict.SEND, null, NOW);
        // as Acceptance.explain writes it (ApprovalWordsTest): the English message for the API, the facts for people
        Reason approved = new Reason("APPROVED", "olga@frontdesk.test accepted open case FD-51: позвонила клиенту",
                Map.of("by", "olga@frontdesk.test", "note", "позвонила клиенту", "cases", "FD-51"));
        NoticeDecision d = NoticeDesk.record(n.id(), new NoticeRequest(42, NoticeKind.REMINDER, n.invoices(), n.claimed(), NOW),
                new GateDecision(Verdict.SEND, List.of(approved), null), new GateFacts(Map.of(), List.of(), List.of(), List.of(), false,
                        Map.of(), ZoneId.of("Europe/Moscow"), null), "approved", NOW);
        set(d, "id", 901L);
        Map<String, Object> m = notices.detail(LEAD, n, "ООО «Ромашка»", List.of(d), List.of());
        m.putAll(base("notice"));
        String html = pages.render("notice", RU, m);
        assertRussian("notice", html);
        assertTrue(html.contains("Отправка одобрена (olga@frontdesk.test), несмотря на: открытое обращение FD-51;"
                + " причина: «позвонила клиенту»."), html);
    }

    @Test
    void aFormRefusedForItsTokenIsExplainedInTheReadersLanguage() {
        String html = CsrfCheck.refusal(pages, "ООО «Облако»", RU);
        assertRussian("csrf", html);
        assertTrue(html.contains("<h1>Форма устарела</h1>"), html);
        assertTrue(CsrfCheck.refusal(pages, "ООО «Облако»", Locale.ENGLISH).contains("<h1>This form has expired</h1>"));
    }

    @Test
    void theCasePageOffersEachCandidateItGotWithOneClickAndNoTypedAccountId() {
        for (Locale lang : List.of(RU, Locale.ENGLISH)) {
            String html = pages.render("case", lang, casePage(new Viewer(2, "lead@frontdesk.test", "Лида", Set.of(StaffRole.LEAD), lang)));
            for (long id : new long[] {7, 12}) {
                assertTrue(html.contains("<form method=\"post\" action=\"/console/cases/51/authorize\" class=\"inline\"><input type=\"hidden\""
                        + " name=\"_csrf\" value=\"token-123\"><input type=\"hidden\" name=\"account\" value=\"" + id + "\">"), lang + ": " + html);
            }
            assertFalse(html.contains("value=\"13\""), "only the candidates the query gave (another manager's is not among them)");
            assertFalse(html.contains("type=\"number\""), "no account id to type: the search finds it");
            assertTrue(html.contains("<form method=\"get\" action=\"/console/cases/51\">"), "the search stays");
        }
    }

    @Test
    void everyCodeTheConsoleShowsHasWordsInBothLanguages() {
        ConsoleWords w = views.words();
        List<String> missing = new ArrayList<>();
        for (Locale lang : List.of(RU, Locale.ENGLISH)) {
            Arrays.stream(MailKind.values()).filter(k -> w.of("mail", k.name(), lang, Map.of()).isEmpty()).forEach(k -> missing.add(lang + " mail." + k));
            Arrays.stream(OutboxState.values()).filter(k -> w.of("mailState", k.name(), lang, Map.of()).isEmpty())
                    .forEach(k -> missing.add(lang + " mailState." + k));
            Arrays.stream(Route.values()).filter(k -> w.of("held", k.name(), lang, Map.of()).isEmpty()).forEach(k -> missing.add(lang + " held." + k));
            for (String kind : List.of("opened", "message-joined", "account-assigned", "authorized-contact-asked", "answered-as-person",
                    "reply-sent", "reply-suppressed", "alert-deferred", "manager-alerted", "notice-news-sent", "deadline-missed", "digest-sent",
                    "link-refused", "note", "still-held", "contact-authorized", "sender-told", "authorizer-thanked", "released", "task-opened",
                    "handed-over", "mail-not-sent", "resolved", "rejected", "expired", "rejection-reply-sent", "rejection-reply-not-sent")) {
                w.of("event", kind, lang, Map.of()).ifPresentOrElse(x -> { }, () -> missing.add(lang + " event." + kind));
            }
            for (String action : List.of("attachment-opened", "case-handed-over", "case-marked-spam", "case-rejected", "contact-authorized",
                    "contact-added", "contact-removed", "head-of-support-alerted", "mail-refused", "notice-approved", "notice-block-overridden",
                    "notice-found-wrong", "payment-assigned", "payment-evidence-added", "quarantined", "quarantine-retried", "recovery-sent",
                    "red-flag-raised", "red-flag-cleared", "staff-created", "task-done", "task-escalated", "task-opened", "case-reply-sent",
                    "held-decided-again", "password-changed", "staff-disabled", "staff-enabled", "staff-password-reset", "staff-roles-changed")) {
                w.of("audit", action, lang, Map.of()).ifPresentOrElse(x -> { }, () -> missing.add(lang + " audit." + action));
            }
            for (String kind : List.of("reply-to-our-mail", "inn", "kpp", "domain", "unverified-domain", "invoice", "contract", "account-number",
                    "phone", "name", "contact-address")) {
                w.of("evidence", kind, lang, Map.of("value", "x")).ifPresentOrElse(x -> { }, () -> missing.add(lang + " evidence." + kind));
            }
        }
        assertEquals(List.of(), missing);
    }

    /** No code and no English word outside a labelled quote, tags and addresses aside. */
    private static void assertRussian(String page, String html) {
        assertTrue(html.contains("<html lang=\"ru\">"), page);
        String text = html.replaceAll("(?s)<q class=\"recorded\">.*?</q>", " ")
                .replaceAll("(?s)<[^>]*>", " ")
                .replaceAll("[\\w.+-]+@[\\w.-]+", " ") // addresses
                .replaceAll("\\b[\\w-]+\\.(example|test)\\b", " ") // domains
                .replaceAll("\\b(FD|INV|B)-[\\d-]+\\b", " ") // references
                .replaceAll("\\b[A-Z][a-z]+/[A-Za-z_]+\\b", " "); // a time zone's id (Europe/Moscow)
        for (String leak : LEAKS) {
            assertFalse(text.contains(leak), page + " shows \"" + leak + "\":\n" + text);
        }
        Matcher latin = Pattern.compile("\\b[A-Za-z]{3,}\\b").matcher(text);
        List<String> words = new ArrayList<>();
        while (latin.find()) {
            if (!NAMES.contains(latin.group())) {
                words.add(latin.group());
            }
        }
        assertEquals(List.of(), words, page + " shows English words:\n" + text);
    }

    private Map<String, Object> casePage(Viewer v) {
        Account romashka = account(7, "ООО «Ромашка»");
        Account lyutik = account(12, "ООО «Лютик»");
        Candidates found = new Candidates(List.of(
                new Candidate(7, 0.82, List.of(new Evidence("unverified-domain", "romashka.example", 0.4), new Evidence("invoice", "INV-2026-0042", 0.7))),
                new Candidate(12, 0.4, List.of(new Evidence("name", "Лютик", 0.4))),
                new Candidate(13, 0.3, List.of(new Evidence("phone", "+74950000000", 0.5)))));
        SupportCase c = new SupportCase(CaseKind.UNKNOWN_SENDER, "ivan@romashka.example", "Иван", 7L, 82, found.describe(), RU, NOW,
                NOW.plusSeconds(86_400), NOW.plusSeconds(7 * 86_400));
        set(c, "id", 51L);
        c.record(NOW, "pipeline", "opened", "message 101 \"Счёт\" from ivan@romashka.example; dkim=fail; " + found.describe());
        c.record(NOW, "pipeline", "authorized-contact-asked", "[anna@romashka.example] asked through their channel");
        c.record(NOW, "pipeline", "manager-alerted", "olga@frontdesk.test");
        c.record(NOW, "olga@frontdesk.test", "note", "позвоню Анне");
        c.record(NOW, "olga@frontdesk.test", "contact-authorized", "ivan@romashka.example is now an authorized contact of account 7");
        OutboundMail reply = new OutboundMail(MailKind.SENDER_REPLY, "<r1@frontdesk.test>", "bounces@frontdesk.test", List.of("ivan@romashka.example"),
                "x".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 101L, NOW);
        set(reply, "state", OutboxState.SENT);
        Verification failed = VERIFIER.verify(List.of(new ParsedMail.Header("Authentication-Results",
                "mx.ours.example; spf=softfail smtp.mailfrom=romashka.example; dkim=fail header.d=romashka.example", false)), "romashka.example");
        MessageText text = new MessageText(heldMessage(), "Иван <ivan@romashka.example>", "Пришлите акт сверки.", List.of("text/plain"), List.of(),
                Optional.of(failed));
        // what CaseQueries gives: the candidates this viewer may act for (13 is another manager's, so not among them)
        List<CandidateAccount> mine = List.of(new CandidateAccount(romashka, 82, found.ranked().get(0).evidence()),
                new CandidateAccount(lyutik, 40, found.ranked().get(1).evidence()));
        Map<String, Object> m = views.caseDetail(v, c, Optional.of(romashka), List.of(text), List.of(reply), mine);
        m.putAll(base("case"));
        return m;
    }

    private static InboundMessage heldMessage() {
        InboundMessage m = message(101, "Счёт");
        m.route(Route.UNKNOWN_SENDER, InboundState.HELD, 7L, "unknown sender: no verified domain", NOW);
        return m;
    }

    private static InboundMessage message(long id, String subject) {
        InboundMessage m = new InboundMessage("0".repeat(64), "<m" + id + "@romashka.example>", new Envelope("ivan@romashka.example",
                "support@frontdesk.test"), 100, NOW);
        set(m, "id", id);
        m.describe("ivan@romashka.example", subject);
        return m;
    }

    private static Account account(long id, String name) {
        Account a = new Account(name, NOW);
        set(a, "id", id);
        return a;
    }

    private static Map<String, Object> base(String page) {
        Map<String, Object> m = new HashMap<>();
        m.put("company", "ООО «Облако»");
        m.put("csrf", "token-123");
        m.put("me", Map.of("name", "Лида", "email", "lead@frontdesk.test"));
        m.put("isAdmin", true);
        m.put("on" + Character.toUpperCase(page.charAt(0)) + page.substring(1), true);
        return m;
    }

    private static void set(Object o, String field, Object value) {
        try {
            Class<?> k = o.getClass();
            while (true) {
                try {
                    var f = k.getDeclaredField(field);
                    f.setAccessible(true);
                    f.set(o, value);
                    return;
                } catch (NoSuchFieldException e) {
                    k = k.getSuperclass();
                    if (k == null) {
                        throw e;
                    }
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
