package app.frontdesk.application.cases;

import java.util.Locale;

/**
 * What the steps sent for a stranger's message, as the pipeline records it ("explanation to x@y") and
 * as the manager's alert says it in the reader's language ("объяснение отправителю: x@y").
 */
final class SentWords {

    static final String REPLY = "explanation to ";
    static final String WARNING = "warning about mail in their name to ";
    static final String REQUEST = "authorization request to ";
    private static final String VIA = " via ";

    private SentWords() {
    }

    static String of(String recorded, Locale lang) {
        if (!lang.getLanguage().equals("ru")) {
            return recorded;
        }
        if (recorded.startsWith(REPLY)) {
            return "объяснение отправителю: " + recorded.substring(REPLY.length());
        }
        if (recorded.startsWith(WARNING)) {
            return "предупреждение контакту о письме от его имени: " + recorded.substring(WARNING.length());
        }
        if (recorded.startsWith(REQUEST)) {
            String rest = recorded.substring(REQUEST.length());
            int via = rest.indexOf(VIA);
            return "запрос на подтверждение адреса: " + (via < 0 ? rest : rest.substring(0, via) + " (через вебхук " + rest.substring(via + VIA.length()) + ")");
        }
        return recorded;
    }
}
