package app.frontdesk.application.dunning;

import app.frontdesk.application.texts.SentenceFiles;
import app.frontdesk.application.texts.StaffReader;
import app.frontdesk.domain.model.billing.Money;
import app.frontdesk.domain.model.billing.NoticeKind;
import app.frontdesk.domain.model.billing.Verdict;
import com.samskivert.mustache.Template;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The gate's reasons as staff read them, in their language, with amounts and times formatted for them (the
 * API keeps the English message and the code). The words are Mustache templates in
 * {@code server-config/templates/gate-reasons.<ru|en>.properties}, edited like every other text people
 * read; this class only formats the facts for the reader and fills them in. A reason without its facts (one
 * stored before facts were) is said by its headline; a code the texts do not know, by the gate's message.
 */
public final class ReasonWords {

    /** Facts that are amounts, days or moments, by name: how a stored decision's facts are read back. */
    private static final Set<String> MONEY = Set.of("paid", "amount", "claimed", "outstanding", "unallocated");
    private static final Set<String> MOMENTS = Set.of("sent", "planned", "next", "until");
    /** Reasons whose sentence needs no facts. */
    private static final Set<String> FACTLESS = Set.of("NO_INVOICE", "RED_FLAG");

    private final Map<String, Map<String, Template>> byLanguage = new HashMap<>();

    private ReasonWords(Map<String, Map<String, Template>> texts) {
        byLanguage.putAll(texts);
    }

    /** The texts from the operator's templates directory (may be null), else the bundled ones; both languages. */
    public static ReasonWords load(Path templatesDir) {
        return new ReasonWords(SentenceFiles.load(templatesDir, "gate-reasons"));
    }

    /** The full sentence: "Счёт INV-2026-0042 оплачен полностью (1 500,00 ₽ из 1 500,00 ₽)." */
    public String sentence(Reason r, StaffReader reader) {
        Map<String, Template> texts = texts(reader);
        Template full = texts.get(r.code());
        if (full == null) {
            return r.message();
        }
        if (r.facts().isEmpty() && !FACTLESS.contains(r.code())) {
            String h = headline(r.code(), reader);
            return h.equals(r.code()) ? r.message() : Character.toUpperCase(h.charAt(0)) + h.substring(1) + ".";
        }
        Map<String, Object> model = new HashMap<>();
        r.facts().forEach((k, v) -> model.put(k, format(k, v, reader)));
        return full.execute(model);
    }

    /** A few words for a code, for a list or a summary: "ждём, пока платёж пройдёт через банк"; the code itself when unknown. */
    public String headline(String code, StaffReader reader) {
        Template t = texts(reader).get(code + ".headline");
        return t == null ? code : t.execute(Map.of());
    }

    /** The kind of notice in words: "уведомление о приостановке обслуживания", "suspension notice". */
    public String kind(Object kind, StaffReader reader) {
        Template t = kind instanceof NoticeKind k ? texts(reader).get("kind." + k.name()) : null;
        return t == null ? String.valueOf(kind) : t.execute(Map.of());
    }

    /** What the gate did with the notice: "задержано", "released". */
    public String verdict(Verdict v, StaffReader reader) {
        Template t = texts(reader).get("verdict." + v.name());
        return t == null ? v.name().toLowerCase(Locale.ROOT) : t.execute(Map.of());
    }

    /**
     * A reason as a decision stored it (code, the gate's message and its facts as text, see {@link #storedFacts})
     * with its facts typed again, so it is said in words as when it was decided.
     */
    public static Reason stored(String code, String message, Map<String, String> facts) {
        Map<String, Object> typed = new HashMap<>();
        facts.forEach((k, v) -> typed.put(k, typed(k, v)));
        return new Reason(code, message, typed);
    }

    /** The facts of a reason as text, for storing with the decision: amounts as "1500.00 RUB", moments and days ISO. */
    public static Map<String, String> storedFacts(Reason r) {
        Map<String, String> m = new HashMap<>();
        r.facts().forEach((k, v) -> m.put(k, v instanceof NoticeKind kind ? kind.name() : String.valueOf(v)));
        return m;
    }

    private static Object typed(String key, String value) {
        try {
            if (MONEY.contains(key)) {
                String[] parts = value.strip().split(" ");
                return parts.length == 2 ? Money.of(parts[0], parts[1]) : value;
            }
            if (MOMENTS.contains(key)) {
                return Instant.parse(value);
            }
            if (key.equals("date")) {
                return LocalDate.parse(value);
            }
            if (key.equals("kind")) {
                return NoticeKind.valueOf(value);
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return value; // said as stored
        }
        return value;
    }

    private String format(String key, Object v, StaffReader reader) {
        if (v instanceof Money money) {
            return reader.money(money.amount(), money.currency());
        }
        if (v instanceof Instant i) {
            return key.equals("until") ? reader.until(i) : reader.on(i);
        }
        if (v instanceof LocalDate d) {
            return reader.date(d);
        }
        if (v instanceof NoticeKind) {
            return kind(v, reader);
        }
        if (key.equals("blocks")) {
            // the codes an administrator overrode, each by its headline: "счёт уже оплачен, сумма в уведомлении неверна"
            return String.join(", ", java.util.Arrays.stream(String.valueOf(v).split(", ")).map(c -> headline(c, reader)).toList());
        }
        return String.valueOf(v);
    }

    private Map<String, Template> texts(StaffReader reader) {
        return byLanguage.getOrDefault(reader.language().getLanguage(), byLanguage.get("en"));
    }
}
