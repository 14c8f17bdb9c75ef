package app.frontdesk.application.health;

import java.util.Optional;

/** What /metrics reads of the running gateway besides its counters: the backlog from the database, and this instance's role. */
public interface Figures {

    /** The backlog, read at most once a second however often it is asked; empty while the database does not answer. */
    Optional<Backlog> backlog();

    /** Whether this instance leads the once-only jobs. */
    boolean leader();

    /** Whether the database answers. */
    boolean databaseUp();
}
