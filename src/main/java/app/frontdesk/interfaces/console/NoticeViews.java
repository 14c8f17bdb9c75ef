package app.frontdesk.interfaces.console;

import app.frontdesk.application.dunning.DunningGate;
import app.frontdesk.application.dunning.Reason;
import app.frontdesk.application.dunning.ReasonWords;
import app.frontdesk.application.texts.StaffReader;
import app.frontdesk.application.json.JsonFactories;
import app.frontdesk.domain.model.audit.AuditEvent;
import app.frontdesk.domain.model.billing.Money;
import app.frontdesk.domain.model.billing.Notice;
import app.frontdesk.domain.model.billing.NoticeDecision;
import app.frontdesk.domain.model.billing.NoticeState;
import app.frontdesk.domain.model.staff.StaffRole;
import app.frontdesk.domain.model.staff.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Models for the notices pages: a notice with its reasons, and what the gate saw when it decided (the
 * JSON each decision stored, read back into tables). Amounts keep their currency's scale and are only
 * grouped for reading; nothing here builds HTML.
 */
@ApplicationScoped
public class NoticeViews {

    /** The causes the pages name in words; any other is shown as stored. */
    private static final Set<String> CAUSES = Set.of("check", "submit", "approved", "overridden", "before-send", "payment-arrived",
            "payment-evidence", "hold-expired", "planned-time");

    @Inject
    ConsoleViews views;

    @Inject
    ReasonWords words;

    public NoticeViews() {
    }

    /** Outside a container (tests). */
    NoticeViews(ConsoleViews views, ReasonWords words) {
        this.views = views;
        this.words = words;
    }

    /** One line of a list: what, for whom, when, how much, and the gate's latest word. */
    Map<String, Object> row(Notice n, String accountName, NoticeDecision latest, Locale lang) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", n.id());
        m.put("account", Map.of("id", n.accountId(), "name", accountName));
        m.put("kind", Map.of(n.kind().name(), true));
        m.put("state", Map.of(n.state().name(), true));
        m.put("planned", views.time(n.plannedAt(), lang));
        m.put("holdUntil", n.holdUntil().map(h -> views.time(h, lang)).orElse("")); // always set: a section would find an outer one
        m.put("waitsForPerson", n.state() == NoticeState.HELD && n.holdUntil().isEmpty());
        m.put("invoices", String.join(", ", n.invoices()));
        m.put("amount", money(n.claimed(), lang));
        m.put("externalRef", n.externalRef() == null ? "" : n.externalRef());
        m.put("reasons", latest == null ? List.of() : reasons(latest.reasons(), lang));
        return m;
    }

    /** The notice's page: the mail, every decision with what it saw, what people did, and which actions the viewer has. */
    Map<String, Object> detail(Viewer v, Notice n, String accountName, List<NoticeDecision> decisions, List<AuditEvent> actions) {
        Locale lang = v.locale();
        NoticeDecision latest = decisions.isEmpty() ? null : decisions.get(decisions.size() - 1);
        Map<String, Object> m = row(n, accountName, latest, lang);
        m.put("to", String.join(", ", n.recipients()));
        m.put("subject", n.subject());
        m.put("body", n.body());
        m.put("caseLinks", v.seesAllCases() || !v.seesAllBilling()); // billing alone would find only "not found" behind them
        m.put("seen", latest == null ? "" : latest.id());
        m.put("saw", latest == null ? Map.of() : seen(latest.dataSeen(), lang));
        boolean approvable = n.state() == NoticeState.HELD && latest != null
                && reasons(latest.reasons(), lang).stream().anyMatch(r -> DunningGate.APPROVABLE_HOLDS.contains((String) r.get("code")));
        m.put("approvable", approvable);
        m.put("onlyTime", n.state() == NoticeState.HELD && !approvable);
        m.put("overridable", n.state() == NoticeState.BLOCKED && v.is(StaffRole.ADMIN));
        m.put("blockedForAdmin", n.state() == NoticeState.BLOCKED && !v.is(StaffRole.ADMIN));
        List<Map<String, Object>> history = new ArrayList<>();
        for (int i = decisions.size() - 1; i >= 0; i--) { // newest first
            NoticeDecision d = decisions.get(i);
            Map<String, Object> x = new HashMap<>();
            x.put("at", views.time(d.decidedAt(), lang));
            x.put("verdict", Map.of(d.verdict().name(), true));
            x.put("cause", CAUSES.contains(d.cause()) ? Map.of(d.cause().replace('-', '_'), true) : Map.of());
            x.put("causeText", CAUSES.contains(d.cause()) ? "" : d.cause());
            x.put("reasons", reasons(d.reasons(), lang));
            x.put("holdUntil", d.holdUntil() == null ? "" : views.time(d.holdUntil(), lang));
            x.put("saw", seen(d.dataSeen(), lang));
            history.add(x);
        }
        m.put("decisions", history);
        m.put("hasActions", !actions.isEmpty());
        m.put("actions", actions.stream().map(a -> Map.of("at", views.time(a.occurredAt(), lang), "actor", a.actor(),
                "action", Map.of(a.action().replace('-', '_'), true), "detail", a.detail() == null ? "" : a.detail())).toList());
        return m;
    }

    /**
     * The reasons a decision stored ([{code, message, facts}]) in the reader's words: the gate's texts in their
     * language (server-config/templates/gate-reasons.*) filled with the facts it stored; an older decision
     * without facts by each reason's headline. {@code message} is the words, {@code code} stays the code.
     */
    List<Map<String, Object>> reasons(String json, Locale lang) {
        StaffReader reader = new StaffReader(lang, views.zone());
        try {
            return read(json).asJsonArray().stream().map(JsonValue::asJsonObject).map(o -> {
                Map<String, String> facts = new HashMap<>();
                JsonObject f = o.containsKey("facts") ? o.getJsonObject("facts") : JsonValue.EMPTY_JSON_OBJECT;
                f.forEach((k, v) -> facts.put(k, v.getValueType() == JsonValue.ValueType.STRING ? ((jakarta.json.JsonString) v).getString() : v.toString()));
                Reason r = ReasonWords.stored(o.getString("code", ""), o.getString("message", ""), facts);
                return Map.<String, Object>of("code", r.code(), "message", words.sentence(r, reader));
            }).toList();
        } catch (JsonException | ClassCastException e) {
            return List.of(Map.of("code", "", "message", json));
        }
    }

    /** What a decision saw, as tables; stored data cut at its column's size is shown as it is. */
    Map<String, Object> seen(String json, Locale lang) {
        Map<String, Object> m = new HashMap<>();
        try {
            JsonObject o = read(json).asJsonObject();
            List<Map<String, Object>> invoices = new ArrayList<>();
            for (JsonValue v : o.getJsonArray("invoices")) {
                JsonObject i = v.asJsonObject();
                Money amount = money(i.getString("amount"));
                Map<String, Object> x = new HashMap<>();
                x.put("number", i.getString("number"));
                x.put("amount", amount == null ? i.getString("amount") : money(amount, lang));
                x.put("status", i.getString("status"));
                x.put("due", i.getString("due"));
                if (amount != null) {
                    Money paid = new Money(new BigDecimal(i.getString("paid")), amount.currency());
                    x.put("paid", money(paid, lang));
                    x.put("outstanding", money(amount.minus(paid), lang));
                }
                invoices.add(x);
            }
            m.put("invoices", invoices);
            m.put("unallocated", texts(o.getJsonArray("unallocatedPayments")).stream().map(s -> moneyText(s, lang)).toList());
            m.put("evidence", o.getJsonArray("paymentEvidence").stream().map(JsonValue::asJsonObject).map(e -> Map.of(
                    "number", e.getString("number", ""), "date", e.getString("date", ""), "amount", moneyText(e.getString("amount", ""), lang)))
                    .toList());
            m.put("openCases", texts(o.getJsonArray("openCases")).stream().map(r -> Map.of("reference", r, "id",
                    r.startsWith("FD-") ? r.substring(3) : "")).toList());
            m.put("redFlagged", o.getBoolean("redFlagged", false));
            List<Map<String, Object>> recent = new ArrayList<>();
            o.getJsonObject("recentSameKind").forEach((inv, count) -> recent.add(Map.of("invoice", inv, "count", count.toString())));
            m.put("recent", recent);
            m.put("zone", o.getString("zone", ""));
            m.put("read", true);
        } catch (JsonException | ClassCastException | NullPointerException | IllegalArgumentException e) {
            m.put("raw", json);
        }
        return m;
    }

    /** An amount as people read it in their language, at its currency's scale: "1 500,00 RUB", "1,500.00 RUB". */
    static String money(Money m, Locale lang) {
        int scale = m.amount().scale();
        DecimalFormat f = new DecimalFormat(scale > 0 ? "#,##0." + "0".repeat(scale) : "#,##0", DecimalFormatSymbols.getInstance(lang));
        return f.format(m.amount()) + " " + m.currency().getCurrencyCode();
    }

    private static String moneyText(String stored, Locale lang) {
        Money m = money(stored);
        return m == null ? stored : money(m, lang);
    }

    /** "1500.00 RUB" as the decisions store it; null for anything else. */
    private static Money money(String stored) {
        String[] parts = stored == null ? new String[0] : stored.strip().split(" ");
        try {
            return parts.length == 2 ? Money.of(parts[0], parts[1]) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<String> texts(JsonArray a) {
        return a.stream().map(v -> v.getValueType() == JsonValue.ValueType.STRING ? ((jakarta.json.JsonString) v).getString() : v.toString())
                .toList();
    }

    private static JsonValue read(String json) {
        return JsonFactories.READERS.createReader(new StringReader(json)).readValue();
    }
}
