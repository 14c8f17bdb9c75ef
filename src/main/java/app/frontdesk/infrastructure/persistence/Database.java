package app.frontdesk.infrastructure.persistence;

import app.frontdesk.application.Repositories;
import app.frontdesk.application.Transactions;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.PersistenceException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import app.frontdesk.application.health.Backlog;
import app.frontdesk.domain.model.inbound.InboundMessage;
import java.util.List;
import org.eclipse.persistence.jpa.JpaHelper;
import java.util.HashMap;
import java.util.Map;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import javax.sql.DataSource;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;

/**
 * The database: migrated by Flyway, then used through an application-managed EntityManagerFactory.
 *
 * <p>Frontdesk manages its own persistence unit (RESOURCE_LOCAL) instead of a container pool so
 * that the database is chosen at start-up from one setting ({@code FRONTDESK_DB_URL}), and so that
 * plain JUnit tests run exactly the code the server runs. The persistence.xml has a non-standard
 * name so that the container does not try to deploy it as well.
 */
public final class Database implements Transactions, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Database.class.getName());

    private final DatabaseSettings settings;
    private final HikariDataSource pool;
    private final EntityManagerFactory emf;

    private final DataDirectoryLock directoryLock;
    private final boolean createdNow;
    /** The embedded file H2 has open (null for PostgreSQL): see {@link #fileReplaced()}. */
    private final OpenDatabaseFile openFile;
    /** Every transaction on an embedded file holds the read side; {@link #rescue()} takes the write side and keeps it. */
    private final ReentrantReadWriteLock transactions = new ReentrantReadWriteLock();
    private volatile boolean rescued;
    private final DatabaseAvailability availability;
    /** On an embedded H2 file: where the bytes of inbound messages go (ADR 0017); null otherwise. */
    private final RawFiles rawFiles;

    private Database(DatabaseSettings settings, HikariDataSource pool, EntityManagerFactory emf, DataDirectoryLock directoryLock,
                     boolean createdNow, OpenDatabaseFile openFile) {
        this.directoryLock = directoryLock;
        this.createdNow = createdNow;
        this.settings = settings;
        this.pool = pool;
        this.emf = emf;
        this.openFile = openFile;
        this.availability = new DatabaseAvailability(pool);
        this.rawFiles = RawFiles.of(settings).orElse(null);
    }

    /** Migrates the schema to the newest version, then opens the persistence unit over a connection pool. */
    public static Database open(DatabaseSettings settings) {
        // an embedded directory is this process's from before the migration on (see DataDirectoryLock)
        DataDirectoryLock lock = H2MigrationGuard.of(settings).map(g -> DataDirectoryLock.acquire(g.directory())).orElse(null);
        OpenDatabaseFile file = null;
        try {
            boolean created = migrate(settings, null);
            file = OpenDatabaseFile.open(settings).orElse(null);
            HikariDataSource pool = pool(settings);
            try {
                return new Database(settings, pool, Persistence.createEntityManagerFactory("frontdesk", jpaProperties(pool)), lock, created,
                        file);
            } catch (RuntimeException e) {
                pool.close();
                throw e;
            }
        } catch (RuntimeException | Error e) {
            if (file != null) {
                file.close();
            }
            if (lock != null) {
                lock.close();
            }
            throw e;
        }
    }

    /** Whether this open created the embedded database file (demo data goes only into such a file). */
    public boolean createdNow() {
        return createdNow;
    }

    /**
     * The connection pool. EclipseLink's own pool made every commit wait for the one before it
     * (measured: eight threads stored no more messages per second than one), so EclipseLink gets
     * this pool as its non-JTA data source.
     */
    static HikariDataSource pool(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("frontdesk");
        config.setDriverClassName(settings.driverClass());
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password() == null ? "" : settings.password());
        config.setMaximumPoolSize(16);
        config.setMinimumIdle(2);
        // A caller waits at most this long for a connection; intake then answers 503 and the mail server retries.
        config.setConnectionTimeout(5_000);
        config.setAutoCommit(false);
        // Fail at start-up with the database's own message when it cannot be reached.
        config.setInitializationFailTimeout(10_000);
        return new HikariDataSource(config);
    }

    /**
     * Migrates {@code schema} (or the default schema) with the migrations shipped in this build.
     *
     * @return whether an embedded database file was created by this migration
     */
    public static boolean migrate(DatabaseSettings settings, String schema) {
        var config = Flyway.configure(Database.class.getClassLoader())
                .dataSource(settings.url(), settings.user(), settings.password())
                .locations("classpath:db/migration")
                // large byte columns: BLOB on H2 (stored apart from the row), BYTEA as it is on PostgreSQL (V9)
                .placeholders(Map.of("largeBinary", settings.isH2() ? "SET DATA TYPE BLOB" : "TYPE BYTEA"))
                .failOnMissingLocations(true);
        if (schema != null) {
            config.schemas(schema).defaultSchema(schema);
        }
        Optional<H2MigrationGuard> guard = H2MigrationGuard.of(settings);
        if (guard.isEmpty()) {
            Flyway flyway = config.load();
            upgradeAnnounced(flyway);
            flyway.migrate();
            return false;
        }
        guard.get().recover();
        Flyway flyway = config.load();
        return guard.get().guard(() -> upgradeAnnounced(flyway), flyway::migrate);
    }

    /**
     * Says in the log that an existing schema is being upgraded, from which version to which: Flyway's own
     * log does not reach the server's, and a failed upgrade needs that context. Not asked of a fresh embedded
     * file, because asking opens (and so creates) it.
     *
     * @return whether anything is pending
     */
    private static boolean upgradeAnnounced(Flyway flyway) {
        MigrationInfoService info = flyway.info();
        MigrationInfo[] pending = info.pending();
        if (pending.length > 0 && info.current() != null) {
            LOG.info("upgrading the database schema from version " + info.current().getVersion() + " to "
                    + pending[pending.length - 1].getVersion());
        }
        return pending.length > 0;
    }

    static Map<String, Object> jpaProperties(DataSource dataSource) {
        Map<String, Object> p = new HashMap<>();
        p.put("eclipselink.persistencexml", "META-INF/frontdesk-persistence.xml");
        p.put("jakarta.persistence.nonJtaDataSource", dataSource);
        p.put("eclipselink.session.customizer", FailFastSession.class.getName());
        return p;
    }

    @Override
    public <T> T inTransaction(Function<Repositories, T> work) {
        if (openFile == null) {
            return transaction(work);
        }
        // after a rescue this waits until the process ends: what is not acknowledged, the mail server sends again
        transactions.readLock().lock();
        try {
            if (rescued) {
                throw new IllegalStateException("the embedded database file was replaced; this process takes no more transactions");
            }
            return transaction(work);
        } finally {
            transactions.readLock().unlock();
        }
    }

    /**
     * Embedded H2 only: what happened to the database file at its path while this process has had it open
     * ("was replaced by another file", "was deleted"); empty while the path still leads to the open file, and
     * for PostgreSQL. H2 goes on working in a replaced file, so mail acknowledged from then on would be in a
     * file nobody opens again.
     */
    public Optional<String> fileReplaced() {
        return openFile == null ? Optional.empty() : openFile.replaced();
    }

    /** The embedded database file, for saying which one; empty for PostgreSQL. */
    public Optional<Path> embeddedFile() {
        return Optional.ofNullable(openFile).map(OpenDatabaseFile::file);
    }

    /**
     * Ends the work of a database whose file was replaced: waits (up to 30 s) for the transactions under way,
     * lets no other start, and writes an online copy of the open database beside its path. Then the process is
     * to end: this database takes no more transactions.
     *
     * @return the copy, {@code rescued-<time>.zip} (H2's BACKUP format: a zip holding the .mv.db file)
     */
    public Path rescue() {
        if (openFile == null) {
            throw new IllegalStateException("only an embedded database file can be rescued");
        }
        try {
            // never unlocked: whoever waits for a transaction now waits for the end of the process
            if (!transactions.writeLock().tryLock(30, TimeUnit.SECONDS)) {
                LOG.warning("transactions still under way after 30 s; the rescued copy is taken without waiting for them");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        rescued = true;
        return openFile.backup(Instant.now());
    }

    /**
     * On PostgreSQL intake's shared commit is one statement on a connection of its own, committed by itself: one
     * round trip where a unit of work took three (the message rows, their bytes, the commit). Eight callers waited on
     * those round trips more than on the CPU; in process 3,900-5,000 stored messages/s became 4,400-6,300, with less CPU
     * in this JVM and in PostgreSQL per message, and LMTP reached twice the HTTP rate (docs/benchmarks.md, ADR 0018). Embedded H2 keeps the unit of work: its bytes go to files first
     * (ADR 0017), and a round trip there is a method call.
     */
    @Override
    public void storeInbound(List<InboundMessage> messages, List<byte[]> raws) {
        if (!settings.isPostgres()) {
            Transactions.super.storeInbound(messages, raws);
            return;
        }
        availability.check();
        try {
            PostgresInboundRows.insert(pool, JpaHelper.getServerSession(emf), messages, raws);
        } catch (SQLException e) {
            throw availability.failed(new PersistenceException("could not store " + messages.size() + " inbound messages", e));
        } catch (RuntimeException e) {
            throw availability.failed(e); // the sequence's next block, fetched by EclipseLink, failed as the statement may
        }
    }

    /**
     * One transaction. While the database is known to be away it fails at once ({@link DatabaseAvailability}).
     * A failed rollback never replaces the failure that caused it: it is added to it as suppressed (the first
     * outage measured showed the rollback's own pool timeout in the log instead of the real cause, 10 s later).
     */
    private <T> T transaction(Function<Repositories, T> work) {
        availability.check();
        EntityManager em = emf.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        RuntimeException failure = null;
        try {
            tx.begin();
            T result = work.apply(new JpaRepositories(em, settings.isPostgres(), rawFiles));
            tx.commit();
            writeCommitsToFile();
            return result;
        } catch (RuntimeException e) {
            failure = e;
            throw availability.failed(e);
        } finally {
            try {
                // No rollback when no connection could be had: EclipseLink would ask the pool for one again to roll back
                // and wait a second pool timeout (the 10.2-10.5 s per refused message measured in issue 17); there is
                // nothing to roll back, the server ends the transaction of a lost connection itself.
                if (tx.isActive() && (failure == null || !DatabaseAvailability.connectionFailure(failure))) {
                    tx.rollback();
                }
            } catch (RuntimeException rollbackFailed) {
                if (failure == null) {
                    throw rollbackFailed;
                }
                failure.addSuppressed(rollbackFailed);
            } finally {
                em.close();
            }
        }
    }

    /** The waiting work, counted in one statement so that the figures are one snapshot ({@link Backlog}). */
    public Backlog backlog(Instant now) {
        availability.check();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT"
                     + " (SELECT COUNT(*) FROM inbound_message WHERE state = 'RECEIVED'),"
                     + " (SELECT COUNT(*) FROM inbound_message WHERE state = 'HELD'),"
                     + " (SELECT COUNT(*) FROM inbound_message WHERE state = 'QUARANTINED'),"
                     + " (SELECT COUNT(*) FROM outbox WHERE state = 'PENDING'),"
                     + " (SELECT COUNT(*) FROM outbox WHERE state = 'FAILED'),"
                     + " (SELECT MIN(received_at) FROM inbound_message WHERE state = 'RECEIVED'),"
                     + " (SELECT MIN(created_at) FROM outbox WHERE state = 'PENDING')")) {
            r.next();
            Backlog b = new Backlog(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5),
                    age(r.getObject(6, OffsetDateTime.class), now), age(r.getObject(7, OffsetDateTime.class), now));
            c.rollback(); // read only; nothing to keep
            return b;
        } catch (SQLException | RuntimeException e) {
            throw availability.failed(e instanceof RuntimeException re ? re : new PersistenceException(e));
        }
    }

    private static long age(OffsetDateTime since, Instant now) {
        return since == null ? 0 : Math.max(0, java.time.Duration.between(since.toInstant(), now).toSeconds());
    }

    /** Whether the database answered the last transaction (false from the first connection failure until a probe succeeds). */
    public boolean available() {
        return availability.up();
    }

    /** Seconds the database has been unreachable; 0 while it answers. */
    public long unavailableSeconds() {
        return availability.downSeconds();
    }

    /** Called (on the prober's thread) when the database answers again after an outage: wakes the workers. */
    public void onBack(Runnable listener) {
        availability.onBack(listener);
    }

    /**
     * Makes an embedded H2 commit durable before the caller answers anyone. H2 keeps commits in
     * memory for up to {@code WRITE_DELAY} milliseconds, which a {@code kill -9} would lose.
     * {@code WRITE_DELAY=0} writes every commit at once but also stops H2's background thread,
     * and that thread is what compacts the file: without it every commit left a chunk behind
     * that was never reused (11 GB after 6,000 messages). So the background thread stays on
     * and {@code CHECKPOINT} writes what is committed; concurrent commits share one write.
     */
    private void writeCommitsToFile() {
        if (!settings.isH2()) {
            return;
        }
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
            c.commit();
        } catch (SQLException e) {
            throw new PersistenceException("committed, but H2 could not write the commit to its file", e);
        }
    }

    /** Whether an entity's attribute has been read from the database (tests: what a transaction loaded). */
    boolean isLoaded(Object entity, String attribute) {
        return emf.getPersistenceUnitUtil().isLoaded(entity, attribute);
    }

    public DatabaseSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        availability.close();
        emf.close();
        pool.close();
        if (openFile != null) {
            openFile.close(); // the last connection: H2 writes and closes the file
        }
        if (directoryLock != null) {
            directoryLock.close();
        }
    }
}
