package app.frontdesk.application.health;

import java.util.List;
import java.util.Map;

/** The gateway's readiness, answered by the wiring that knows the workers and the database (bootstrap). */
@FunctionalInterface
public interface Readiness {

    Report report();

    /**
     * @param problems why it is not ready (empty: ready); "not started" before the gateway runs
     * @param warnings what is wrong but does not stop it (a calendar that runs out, ...)
     * @param data     the figures behind the answer: workers, backlog, oldest wait, database kind
     */
    record Report(List<String> problems, List<String> warnings, Map<String, Object> data) {

        public static Report notStarted() {
            return new Report(List.of("not started"), List.of(), Map.of());
        }

        public boolean ready() {
            return problems.isEmpty();
        }
    }
}
