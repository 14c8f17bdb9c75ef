package app.frontdesk.application.news;

import app.frontdesk.domain.model.billing.NoticeKind;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The one reassuring fact a person of the customer's may be told about their account's dunning: what
 * Frontdesk did with a notice because they paid, or that their payment order keeps reminders away.
 * It holds a kind, the notice's kind and a day: never an amount, an invoice or a contact.
 *
 * @param notice the kind of the notice it is about; null for {@link Kind#ORDER_ON_FILE}
 * @param until  the last day of the pause, in the account's time zone; set for the kinds that wait for the bank
 */
public record Reassurance(Kind kind, NoticeKind notice, LocalDate until) {

    public enum Kind {
        /** A notice was stopped for good: what it claimed is paid. */
        PAID,
        /** A notice waits while the customer's payment order goes through the bank, at least until the day. */
        ORDER_HOLDS,
        /** A notice waits while money that arrived is matched to invoices; a person decides. */
        PAYMENT_BEING_MATCHED,
        /** No notice now, and the customer's payment order keeps reminders away until the day. */
        ORDER_ON_FILE,
        /**
         * A notice waits for something else, and the gate holds it while their case is open and until the answer
         * we promised them is due (OPEN_CASE, ANSWER_PROMISED): our answer comes before it.
         */
        UNTIL_ANSWERED
    }

    public Reassurance {
        Objects.requireNonNull(kind);
        if ((kind == Kind.ORDER_HOLDS || kind == Kind.ORDER_ON_FILE) != (until != null)) {
            throw new IllegalArgumentException(kind + (until == null ? " needs the day the pause ends" : " has no end"));
        }
        if ((kind == Kind.ORDER_ON_FILE) != (notice == null)) {
            throw new IllegalArgumentException(kind + (notice == null ? " is about a notice" : " is about no notice"));
        }
    }

    /**
     * For the templates: one flag per kind ({@code {{#paid}}}, {@code {{#orderHolds}}}, {@code {{#beingMatched}}},
     * {@code {{#orderOnFile}}}, {@code {{#untilAnswered}}}), the notice in words ({@code {{notice}}}: "уведомление о приостановке обслуживания") and
     * the day ({@code {{until}}}: "25 ноября (среда)").
     */
    public Map<String, Object> model(Locale lang) {
        Map<String, Object> m = new HashMap<>();
        m.put("paid", kind == Kind.PAID);
        m.put("orderHolds", kind == Kind.ORDER_HOLDS);
        m.put("beingMatched", kind == Kind.PAYMENT_BEING_MATCHED);
        m.put("orderOnFile", kind == Kind.ORDER_ON_FILE);
        m.put("untilAnswered", kind == Kind.UNTIL_ANSWERED);
        m.put("notice", notice == null ? "" : noticeInWords(notice, lang));
        m.put("until", until == null ? "" : Days.day(until, lang));
        return m;
    }

    /** The fact in one word, to tell it once: "ORDER_HOLDS/SUSPENSION/2026-11-25". */
    public String key() {
        return kind + "/" + notice + "/" + until;
    }

    static String noticeInWords(NoticeKind kind, Locale lang) {
        boolean ru = lang.getLanguage().equals("ru");
        return switch (kind) {
            case SUSPENSION -> ru ? "уведомление о приостановке обслуживания" : "the suspension notice";
            case FINAL -> ru ? "последнее требование об оплате" : "the final payment demand";
            case REMINDER -> ru ? "напоминание об оплате" : "the payment reminder";
        };
    }

    /** A sample for the start-up check of the templates that say it. */
    static Map<String, Object> sample() {
        return new Reassurance(Kind.ORDER_HOLDS, NoticeKind.SUSPENSION, LocalDate.of(2026, 11, 25)).model(Locale.ENGLISH);
    }
}
