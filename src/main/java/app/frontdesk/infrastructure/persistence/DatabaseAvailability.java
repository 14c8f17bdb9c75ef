package app.frontdesk.infrastructure.persistence;

import app.frontdesk.application.DatabaseUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Whether the database answers, learnt from the transactions themselves. The first transaction that
 * fails for want of a connection marks the database down: from then on every transaction fails at once
 * (intake answers 503 within milliseconds, not after a pool timeout each) while one background thread
 * asks the pool for a connection every second; the first it gets marks the database up again and wakes
 * whoever waits. One log line when it goes, one when it is back (issue 17: before this, every refused
 * message waited 10 s and logged a stack trace).
 */
final class DatabaseAvailability {

    private static final Logger LOG = Logger.getLogger(DatabaseAvailability.class.getName());

    /** How often the prober asks for a connection while the database is away. */
    private static final long PROBE_EVERY_MS = 1_000;

    private final DataSource pool;
    private final List<Runnable> onBack = new CopyOnWriteArrayList<>();
    private volatile long downSinceNanos;
    private volatile boolean down;
    private volatile String why = "";
    private volatile boolean closed;

    DatabaseAvailability(DataSource pool) {
        this.pool = pool;
    }

    /** Fails at once, without asking the pool, while the database is known to be away. */
    void check() {
        if (down) {
            throw new DatabaseUnavailableException("the database is unreachable (" + why + "); retry later", null);
        }
    }

    boolean up() {
        return !down;
    }

    /** Seconds since the database was found away; 0 while it answers. */
    long downSeconds() {
        return down ? TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - downSinceNanos) : 0;
    }

    void onBack(Runnable listener) {
        onBack.add(listener);
    }

    /**
     * A transaction failed with {@code e}: when that was for want of a connection, marks the database down
     * (and starts the prober) and answers the exception to throw instead; otherwise answers {@code e}.
     */
    RuntimeException failed(RuntimeException e) {
        if (!connectionFailure(e)) {
            return e;
        }
        String cause = rootMessage(e);
        synchronized (this) {
            if (!down && !closed) {
                why = cause;
                downSinceNanos = System.nanoTime();
                down = true;
                LOG.warning("the database is unreachable (" + cause + "): intake answers 503 and workers wait until it is back;"
                        + " checking every second");
                Thread prober = new Thread(this::probeUntilBack, "frontdesk-database-probe");
                prober.setDaemon(true);
                prober.start();
            }
        }
        return new DatabaseUnavailableException("the database is unreachable (" + cause + "); retry later", e);
    }

    private void probeUntilBack() {
        while (!closed) {
            try {
                Thread.sleep(PROBE_EVERY_MS);
            } catch (InterruptedException e) {
                return;
            }
            try (Connection c = pool.getConnection()) {
                if (c.isValid(2)) {
                    long seconds = downSeconds();
                    down = false;
                    LOG.info("the database is back after " + seconds + " s; intake and workers go on");
                    onBack.forEach(Runnable::run);
                    return;
                }
            } catch (SQLException | RuntimeException e) {
                why = rootMessage(e); // still away; said once already
            }
        }
    }

    void close() {
        closed = true;
    }

    /**
     * Whether {@code e} says the database could not be reached, as opposed to a statement it refused: no
     * connection from the pool in time, a connection lost or refused (SQLSTATE class 08), or the session
     * ended by the server (57P01-57P03: terminated, shutting down, not accepting connections now).
     */
    static boolean connectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null) {
                // the database's own word decides: a unique violation (23505) is an answer, not an outage
                return s.getSQLState().startsWith("08") || s.getSQLState().startsWith("57P");
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
        int nl = m.indexOf('\n');
        return nl > 0 ? m.substring(0, nl) : m;
    }
}
