package app.frontdesk.infrastructure.persistence;

import app.frontdesk.application.instances.Leadership;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Leadership through a PostgreSQL session-level advisory lock held on a connection of its own (not one
 * of the pool's, which come and go). The lock is the database's: whoever holds it leads, and it is let go
 * when the holder's session ends, so a leader killed with {@code kill -9} (its socket closed by the
 * kernel) frees it at once, and one whose machine vanished frees it when the server's TCP keepalives
 * give up on the session (set here to about 20 s). Every instance asks again every
 * {@value #CHECK_SECONDS} s; the leader checks its session as often and stops leading the moment it is
 * lost, before anyone else can be elected. Failover therefore takes at most about 25 s.
 *
 * <p>The key is the schema's: two deployments in two schemas of one database lead separately.
 * Chosen over a lease row and over Hazelcast (ADR 0012): no clock comparison between machines, no row to renew.
 */
public final class AdvisoryLockLeadership implements Leadership, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(AdvisoryLockLeadership.class.getName());
    static final long CHECK_SECONDS = 5;

    private final DatabaseSettings settings;
    private final String instanceId;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private final Duration check;
    private volatile boolean leader;
    private volatile boolean closed;
    private Connection session;

    public AdvisoryLockLeadership(DatabaseSettings settings, String instanceId) {
        this(settings, instanceId, Duration.ofSeconds(CHECK_SECONDS));
    }

    AdvisoryLockLeadership(DatabaseSettings settings, String instanceId, Duration check) {
        if (!settings.isPostgres()) {
            throw new IllegalArgumentException("advisory locks are PostgreSQL's: " + settings);
        }
        this.settings = settings;
        this.instanceId = instanceId;
        this.check = check;
        this.thread = new Thread(this::run, "frontdesk-leadership");
        thread.setDaemon(true);
    }

    /** Starts asking for the lock (the first attempt at once). */
    public AdvisoryLockLeadership start() {
        thread.start();
        return this;
    }

    @Override
    public boolean isLeader() {
        return leader;
    }

    @Override
    public void addListener(Listener listener) {
        listeners.add(listener);
        if (leader) {
            listener.elected();
        }
    }

    @Override
    public String instanceId() {
        return instanceId;
    }

    private void run() {
        while (!closed) {
            try {
                turn();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "leadership check failed", e);
            }
            try {
                Thread.sleep(check.toMillis());
            } catch (InterruptedException e) {
                break;
            }
        }
        lose(null);
    }

    /** One check: a leader confirms its session; anyone else tries to take the lock. */
    synchronized void turn() {
        if (closed) {
            return;
        }
        if (leader) {
            if (!sessionAlive()) {
                lose("its database session was lost");
            }
            return;
        }
        try {
            if (session == null || !session.isValid(3)) {
                closeSession();
                session = connect();
            }
            try (Statement s = session.createStatement();
                 ResultSet r = s.executeQuery("SELECT pg_try_advisory_lock(hashtext(coalesce(current_schema(), '') || '.frontdesk-leader'))")) {
                r.next();
                if (r.getBoolean(1)) {
                    leader = true;
                    LOG.info("instance " + instanceId + " leads the once-only jobs (housekeeping, digests, mailbox polling)");
                    listeners.forEach(l -> tell(l::elected));
                }
            }
        } catch (SQLException e) {
            closeSession(); // the database is away: try again next turn; it is said once elsewhere (DatabaseAvailability)
        }
    }

    private boolean sessionAlive() {
        try {
            return session != null && session.isValid(3);
        } catch (SQLException e) {
            return false;
        }
    }

    private synchronized void lose(String why) {
        if (leader) {
            leader = false;
            if (why != null) {
                LOG.warning("instance " + instanceId + " no longer leads: " + why);
            }
            listeners.forEach(l -> tell(l::lost));
        }
        closeSession();
    }

    private static void tell(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a leadership listener failed", e);
        }
    }

    private Connection connect() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", settings.user());
        p.setProperty("password", settings.password() == null ? "" : settings.password());
        p.setProperty("ApplicationName", "frontdesk-leadership " + instanceId);
        p.setProperty("connectTimeout", "5");
        p.setProperty("socketTimeout", "10");
        p.setProperty("tcpKeepAlive", "true");
        Connection c;
        try {
            c = ((Driver) Class.forName(settings.driverClass()).getDeclaredConstructor().newInstance()).connect(settings.url(), p);
        } catch (ReflectiveOperationException e) {
            throw new SQLException("no JDBC driver " + settings.driverClass(), e);
        }
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            // the server gives up on a vanished leader's session (and so frees the lock) after about 5 + 5 x 3 s
            s.execute("SET tcp_keepalives_idle = 5");
            s.execute("SET tcp_keepalives_interval = 5");
            s.execute("SET tcp_keepalives_count = 3");
        }
        return c;
    }

    private void closeSession() {
        if (session != null) {
            try {
                session.close(); // ends the session: the lock, if held, is free at once
            } catch (SQLException e) {
                // gone already
            }
            session = null;
        }
    }

    /** Lets the lock go (the session ends) so that another instance takes over at its next check. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            lose(null);
        }
    }
}
