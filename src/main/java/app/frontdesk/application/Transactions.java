package app.frontdesk.application;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs work in one database transaction. Decisions and the mails they cause are written through
 * the same {@link Repositories}, so they are committed together or not at all.
 */
public interface Transactions {

    <T> T inTransaction(Function<Repositories, T> work);

    default void run(Consumer<Repositories> work) {
        inTransaction(r -> {
            work.accept(r);
            return null;
        });
    }
}
