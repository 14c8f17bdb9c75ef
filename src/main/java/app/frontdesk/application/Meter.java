package app.frontdesk.application;

/** Counts what happens, for the metrics endpoint. Called after the commit, so that rolled-back work is not counted. */
@FunctionalInterface
public interface Meter {

    void add(String counter, long amount, String... tags);

    default void increment(String counter, String... tags) {
        add(counter, 1, tags);
    }

    /** The same counts with one more label on every counter ({@code instance}: several gateways are told apart). */
    default Meter labelled(String name, String value) {
        Meter inner = this;
        return (counter, amount, tags) -> {
            String[] all = java.util.Arrays.copyOf(tags, tags.length + 2);
            all[tags.length] = name;
            all[tags.length + 1] = value;
            inner.add(counter, amount, all);
        };
    }

    Meter NONE = (counter, amount, tags) -> { };
}
