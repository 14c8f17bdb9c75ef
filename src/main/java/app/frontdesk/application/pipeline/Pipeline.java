package app.frontdesk.application.pipeline;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Runs a mail through the steps in order until one of them decides its route. A pipeline whose
 * steps all pass without a decision is a configuration error, so the last step must always decide.
 */
public final class Pipeline {

    private final List<Step> steps;

    public Pipeline(List<Step> steps) {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a pipeline needs at least one step");
        }
        this.steps = List.copyOf(steps);
    }

    public void process(MailContext mail) throws Exception {
        for (Step step : steps) {
            Optional<String> because = step.matcher().match(mail);
            if (because.isPresent()) {
                mail.enteredStep(step.name());
                step.mailet().service(mail, because.get());
                if (mail.decision().isPresent()) {
                    return;
                }
            }
        }
        throw new IllegalStateException("no step decided a route for inbound message " + mail.message().id()
                + " (steps: " + describe() + ")");
    }

    /** The step names in order, as docs/architecture.md and the logs show them. */
    public String describe() {
        return steps.stream().map(Step::name).collect(Collectors.joining(" -> "));
    }

    public List<Step> steps() {
        return steps;
    }
}
