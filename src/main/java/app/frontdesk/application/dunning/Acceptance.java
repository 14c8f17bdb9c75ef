package app.frontdesk.application.dunning;

import app.frontdesk.application.json.JsonFactories;
import app.frontdesk.application.json.JsonText;
import app.frontdesk.domain.model.billing.Money;
import app.frontdesk.domain.model.billing.Notice;
import app.frontdesk.domain.model.billing.PaymentEvidence;
import app.frontdesk.domain.model.billing.Verdict;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What people accepted on one notice, so that every later check of it (the one right before sending
 * too) leaves exactly that aside and nothing more.
 * <ul>
 * <li>An approval accepts the facts behind the holds a person may approve, as they are at that moment:
 * the open cases it names (OPEN_CASE), the red flag (RED_FLAG), the payment orders
 * (PAYMENT_EVIDENCE: the wait for the bank ends early), the unallocated money up to its amount
 * (UNALLOCATED_PAYMENT). A case opened later, another payment order or more unallocated money holds the
 * notice again.</li>
 * <li>An administrator's override accepts the block reasons word for word; their messages carry the
 * figures (what is paid and outstanding, when the duplicate went out), so a changed fact blocks again.</li>
 * <li>NOT_BUSINESS_TIME is never accepted: an approved final notice still waits for the business morning.</li>
 * </ul>
 *
 * @param cases       references of the open cases accepted
 * @param unallocated unallocated money accepted, by currency code
 * @param blocks      block reasons accepted by an administrator
 * @param by          who accepted last, {@code at} when, {@code note} why
 */
public record Acceptance(Set<String> cases, boolean redFlag, Set<Long> evidence, Map<String, BigDecimal> unallocated, List<Reason> blocks,
                         String by, Instant at, String note) {

    static final Acceptance NONE = new Acceptance(Set.of(), false, Set.of(), Map.of(), List.of(), "", Instant.EPOCH, "");

    public Acceptance {
        cases = Set.copyOf(cases);
        evidence = Set.copyOf(evidence);
        unallocated = Map.copyOf(unallocated);
        blocks = List.copyOf(blocks);
    }

    static Acceptance of(Notice n) {
        return n.accepted().map(Acceptance::parse).orElse(NONE);
    }

    public boolean isEmpty() {
        return cases.isEmpty() && !redFlag && evidence.isEmpty() && unallocated.isEmpty() && blocks.isEmpty();
    }

    /** The approvable holds of {@code d}, with the facts behind them in {@code f}. */
    static Acceptance ofHolds(GateDecision d, GateFacts f, String by, Instant at, String note) {
        Set<String> codes = new LinkedHashSet<>();
        d.reasons().forEach(r -> codes.add(r.code()));
        Map<String, BigDecimal> money = new TreeMap<>();
        if (codes.contains("UNALLOCATED_PAYMENT")) {
            f.unallocated().forEach(m -> money.merge(m.currency().getCurrencyCode(), m.amount(), BigDecimal::add));
        }
        return new Acceptance(codes.contains("OPEN_CASE") ? Set.copyOf(f.openCases()) : Set.of(), codes.contains("RED_FLAG"),
                codes.contains("PAYMENT_EVIDENCE") ? Set.copyOf(f.evidence().stream().map(PaymentEvidence::id).toList()) : Set.of(),
                money, List.of(), by, at, note);
    }

    /** The block reasons of {@code d}, word for word. */
    static Acceptance ofBlocks(GateDecision d, String by, Instant at, String note) {
        List<Reason> blocks = d.verdict() != Verdict.BLOCK ? List.of()
                : d.reasons().stream().filter(r -> !DunningGate.HOLDS.contains(r.code()) && !r.code().equals("APPROVED")).toList();
        return new Acceptance(Set.of(), false, Set.of(), Map.of(), blocks, by, at, note);
    }

    /** This and a later acceptance together; the later one names who accepted last. */
    Acceptance plus(Acceptance later) {
        Set<String> c = new LinkedHashSet<>(cases);
        c.addAll(later.cases);
        Set<Long> e = new LinkedHashSet<>(evidence);
        e.addAll(later.evidence);
        Map<String, BigDecimal> u = new TreeMap<>(unallocated);
        later.unallocated.forEach((k, v) -> u.merge(k, v, BigDecimal::max));
        List<Reason> b = new ArrayList<>(blocks);
        later.blocks.stream().filter(x -> !b.contains(x)).forEach(b::add);
        return new Acceptance(c, redFlag || later.redFlag, e, u, b, later.by, later.at, later.note);
    }

    /** The facts as the gate should weigh them: without what was accepted. */
    GateFacts applyTo(GateFacts f) {
        if (isEmpty()) {
            return f;
        }
        List<Money> money = new ArrayList<>();
        Map<String, BigDecimal> total = new TreeMap<>();
        f.unallocated().forEach(m -> total.merge(m.currency().getCurrencyCode(), m.amount(), BigDecimal::add));
        for (Money m : f.unallocated()) {
            BigDecimal accepted = unallocated.get(m.currency().getCurrencyCode());
            if (accepted == null || total.get(m.currency().getCurrencyCode()).compareTo(accepted) > 0) {
                money.add(m); // more than a person looked at: all of it counts again
            }
        }
        return new GateFacts(f.invoices(), money, f.evidence().stream().filter(x -> !evidence.contains(x.id())).toList(),
                f.openCases().stream().filter(c -> !cases.contains(c)).toList(), f.redFlagged() && !redFlag, f.recentSameKind(), f.zone(),
                f.hours());
    }

    /** The decision with who accepted what as one more reason (instead of "nothing speaks against sending", which would not be true). */
    GateDecision explain(GateDecision d) {
        if (isEmpty()) {
            return d;
        }
        // when: the decision's and the audit log's time; the facts let staff read it in their language (ReasonWords)
        Reason approved = new Reason("APPROVED", by + " accepted " + describe() + ": " + note, facts());
        List<Reason> reasons = new ArrayList<>(d.verdict() == Verdict.SEND ? List.of() : d.reasons());
        reasons.add(approved);
        return new GateDecision(d.verdict(), reasons, d.holdUntil());
    }

    /**
     * What was accepted as a reason's facts, each only when there is some: who ({@code by}), why ({@code note}), the open
     * cases, the red flag, how many payment orders, the unallocated money (one currency: an amount; several: as text)
     * and the block codes accepted.
     */
    private Map<String, Object> facts() {
        Map<String, Object> f = new java.util.HashMap<>();
        f.put("by", by);
        f.put("note", note);
        if (!cases.isEmpty()) {
            f.put("cases", String.join(", ", new java.util.TreeSet<>(cases)));
        }
        if (redFlag) {
            f.put("redFlag", "yes");
        }
        if (!evidence.isEmpty()) {
            f.put("orders", String.valueOf(evidence.size()));
        }
        if (unallocated.size() == 1) {
            unallocated.forEach((c, a) -> f.put("unallocated", new Money(a, Currency.getInstance(c))));
        } else if (!unallocated.isEmpty()) {
            f.put("unallocated", String.join(", ", unallocated.entrySet().stream().map(e -> e.getValue().toPlainString() + " " + e.getKey()).toList()));
        }
        if (!blocks.isEmpty()) {
            f.put("blocks", String.join(", ", blocks.stream().map(Reason::code).toList()));
        }
        return f;
    }

    /** In words, for the audit log and the decision: "open case FD-51; red flag; ...". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (!cases.isEmpty()) {
            parts.add("open case " + String.join(", ", new java.util.TreeSet<>(cases)));
        }
        if (redFlag) {
            parts.add("the red flag");
        }
        if (!evidence.isEmpty()) {
            parts.add("payment order(s) not yet cleared");
        }
        unallocated.forEach((c, a) -> parts.add("unallocated payments up to " + new Money(a, Currency.getInstance(c))));
        blocks.forEach(b -> parts.add("the block " + b.code()));
        return parts.isEmpty() ? "nothing" : String.join("; ", parts);
    }

    String json() {
        JsonText j = new JsonText().beginObject().name("cases").beginArray();
        cases.forEach(j::value);
        j.endArray().name("redFlag").value(redFlag).name("evidence").beginArray();
        evidence.forEach(j::value);
        j.endArray().name("unallocated").beginObject();
        unallocated.forEach((c, a) -> j.name(c).value(a.toPlainString()));
        j.endObject().name("blocks").beginArray();
        blocks.forEach(b -> j.beginObject().name("code").value(b.code()).name("message").value(b.message()).endObject());
        return j.endArray().name("by").value(by).name("at").value(at.toString()).name("note").value(note).endObject().toString();
    }

    static Acceptance parse(String json) {
        JsonObject o = JsonFactories.READERS.createReader(new StringReader(json)).readObject();
        Map<String, BigDecimal> money = new TreeMap<>();
        o.getJsonObject("unallocated").forEach((c, a) -> money.put(c, new BigDecimal(((JsonString) a).getString())));
        return new Acceptance(Set.copyOf(o.getJsonArray("cases").getValuesAs(JsonString::getString)), o.getBoolean("redFlag"),
                Set.copyOf(o.getJsonArray("evidence").getValuesAs((jakarta.json.JsonNumber x) -> x.longValue())), money,
                o.getJsonArray("blocks").getValuesAs(JsonObject.class).stream().map(b -> new Reason(b.getString("code"), b.getString("message")))
                        .toList(), o.getString("by"), Instant.parse(o.getString("at")), o.getString("note"));
    }
}
