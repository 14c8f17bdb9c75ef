package app.frontdesk.application.pipeline;

import java.util.Objects;

/** A named pipeline step: when {@code matcher} matches, {@code mailet} runs. */
public record Step(String name, Matcher matcher, Mailet mailet) {

    public Step {
        Objects.requireNonNull(name);
        Objects.requireNonNull(matcher);
        Objects.requireNonNull(mailet);
    }

    public static Step step(String name, Matcher matcher, Mailet mailet) {
        return new Step(name, matcher, mailet);
    }
}
