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
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
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

    private Database(DatabaseSettings settings, HikariDataSource pool, EntityManagerFactory emf, DataDirectoryLock directoryLock,
                     boolean createdNow) {
        this.directoryLock = directoryLock;
        this.createdNow = createdNow;
        this.settings = settings;
        this.pool = pool;
        this.emf = emf;
    }

    /** Migrates the schema to the newest version, then opens the persistence unit over a connection pool. */
    public static Database open(DatabaseSettings settings) {
        // an embedded directory is this process's from before the migration on (see DataDirectoryLock)
        DataDirectoryLock lock = H2MigrationGuard.of(settings).map(g -> DataDirectoryLock.acquire(g.directory())).orElse(null);
        try {
            boolean created = migrate(settings, null);
            HikariDataSource pool = pool(settings);
            try {
                return new Database(settings, pool, Persistence.createEntityManagerFactory("frontdesk", jpaProperties(pool)), lock, created);
            } catch (RuntimeException e) {
                pool.close();
                throw e;
            }
        } catch (RuntimeException | Error e) {
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
        EntityManager em = emf.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(new JpaRepositories(em, settings.isPostgres()));
            tx.commit();
            writeCommitsToFile();
            return result;
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            em.close();
        }
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

    public DatabaseSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        emf.close();
        pool.close();
        if (directoryLock != null) {
            directoryLock.close();
        }
    }
}
