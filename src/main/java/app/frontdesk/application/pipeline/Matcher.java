package app.frontdesk.application.pipeline;

import java.util.Optional;

/**
 * A predicate over a mail in the pipeline. It answers why it matched, in words that end up in the
 * message's recorded reason, or empty when it does not match.
 */
@FunctionalInterface
public interface Matcher {

    Optional<String> match(MailContext mail);

    static Matcher always() {
        return mail -> Optional.of("");
    }
}
