package app.frontdesk.application;

import app.frontdesk.domain.model.inbound.InboundMessage;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs work in one database transaction. Decisions and the mails they cause are written through
 * the same {@link Repositories}, so they are committed together or not at all.
 */
public interface Transactions {

    <T> T inTransaction(Function<Repositories, T> work);

    /**
     * Stores new inbound messages (ids not yet given) and their bytes in one transaction of their own: intake's
     * shared commit. A store may do it with fewer round trips than a unit of work (PostgreSQL: one statement).
     *
     * @throws RuntimeException nothing of the batch was stored; a copy of stored bytes fails as a constraint violation
     */
    default void storeInbound(List<InboundMessage> messages, List<byte[]> raws) {
        run(r -> r.inbound().storeAll(messages, raws));
    }

    default void run(Consumer<Repositories> work) {
        inTransaction(r -> {
            work.accept(r);
            return null;
        });
    }
}
