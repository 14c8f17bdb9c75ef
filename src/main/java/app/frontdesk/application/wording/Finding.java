package app.frontdesk.application.wording;

/**
 * One thing wrong with a text.
 *
 * @param rule       the rule's id (philosophy, blame, terms, non-apology, favour, understanding, debt, refusal,
 *                   next-step, deadline, contact, apology, question, compensation, unanswered-question)
 * @param start      where in the text (0 for what is missing as a whole)
 * @param end        end of the offending words (equal to start for what is missing)
 * @param excerpt    the offending words, or the customer's question that went unanswered
 * @param message    what is wrong, for the writer
 * @param suggestion what to write instead
 */
public record Finding(String rule, int start, int end, String excerpt, String message, String suggestion) {
}
