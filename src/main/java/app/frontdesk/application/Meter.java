package app.frontdesk.application;

/** Counts what happens, for the metrics endpoint. Called after the commit, so that rolled-back work is not counted. */
@FunctionalInterface
public interface Meter {

    void add(String counter, long amount, String... tags);

    default void increment(String counter, String... tags) {
        add(counter, 1, tags);
    }

    Meter NONE = (counter, amount, tags) -> { };
}
