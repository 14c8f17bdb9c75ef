package app.frontdesk.application.dunning;

import java.util.Map;

/**
 * Why the gate answered as it did: a code for machines and a sentence a billing clerk understands.
 *
 * @param facts the values the sentence names (invoice, amounts, dates), so that staff mails say it in their reader's
 *              language (see {@link ReasonWords}); not stored, not part of the API
 */
public record Reason(String code, String message, Map<String, Object> facts) {

    public Reason {
        facts = facts == null ? Map.of() : Map.copyOf(facts);
    }

    public Reason(String code, String message) {
        this(code, message, Map.of());
    }
}
