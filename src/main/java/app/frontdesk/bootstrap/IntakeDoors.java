package app.frontdesk.bootstrap;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/**
 * The doors mail comes in by, in the order the gateway opens them, and the one way they are shut: by the graceful
 * stop (SIGTERM) and by the close alike. Shutting goes in the reverse order of opening, in two rounds: first no door
 * takes new mail, then each door's mail in hand is waited for. A door that went on taking mail while another
 * finished its deliveries would take mail the gateway is about to stop for.
 */
final class IntakeDoors {

    /**
     * One door.
     *
     * @param stopTaking  takes no new mail from now on; returns at once
     * @param awaitInHand waits, at most the given time, for the mail in hand to be stored and answered (or handed
     *                    back); answers whether nothing is left
     */
    record Door(String name, Runnable stopTaking, Predicate<Duration> awaitInHand) {
    }

    private final List<Door> inOpeningOrder;
    private volatile boolean shutting;

    IntakeDoors(List<Door> inOpeningOrder) {
        this.inOpeningOrder = List.copyOf(inOpeningOrder);
    }

    /**
     * Stops every door, last opened first, then waits for each one's mail in hand, in the same order, within
     * {@code limit} in all.
     *
     * @return the doors whose mail in hand was not finished in time (empty: all were)
     */
    List<String> shut(Duration limit) {
        shutting = true;
        long deadline = System.nanoTime() + limit.toNanos();
        List<Door> closing = closingOrder();
        closing.forEach(d -> d.stopTaking().run());
        List<String> unfinished = new ArrayList<>();
        for (Door d : closing) {
            if (!d.awaitInHand().test(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                unfinished.add(d.name());
            }
        }
        return unfinished;
    }

    /** Whether they are being (or have been) shut: a door must not be opened again then. */
    boolean shutting() {
        return shutting;
    }

    private List<Door> closingOrder() {
        List<Door> reversed = new ArrayList<>(inOpeningOrder);
        Collections.reverse(reversed);
        return reversed;
    }
}
