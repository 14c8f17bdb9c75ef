package app.frontdesk.infrastructure.persistence;

import app.frontdesk.application.Repositories;
import app.frontdesk.application.Transactions;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.flywaydb.core.Flyway;

/**
 * The database: migrated by Flyway, then used through an application-managed EntityManagerFactory.
 *
 * <p>Frontdesk manages its own persistence unit (RESOURCE_LOCAL) instead of a container pool so
 * that the database is chosen at start-up from one setting ({@code FRONTDESK_DB_URL}), and so that
 * plain JUnit tests run exactly the code the server runs. The persistence.xml has a non-standard
 * name so that the container does not try to deploy it as well.
 */
public final class Database implements Transactions, AutoCloseable {

    private final DatabaseSettings settings;
    private final EntityManagerFactory emf;

    private Database(DatabaseSettings settings, EntityManagerFactory emf) {
        this.settings = settings;
        this.emf = emf;
    }

    /** Migrates the schema to the newest version, then opens the persistence unit. */
    public static Database open(DatabaseSettings settings) {
        migrate(settings, null);
        return new Database(settings, Persistence.createEntityManagerFactory("frontdesk", jpaProperties(settings)));
    }

    /** Migrates {@code schema} (or the default schema) with the migrations shipped in this build. */
    public static void migrate(DatabaseSettings settings, String schema) {
        var config = Flyway.configure(Database.class.getClassLoader())
                .dataSource(settings.url(), settings.user(), settings.password())
                .locations("classpath:db/migration")
                .failOnMissingLocations(true);
        if (schema != null) {
            config.schemas(schema).defaultSchema(schema);
        }
        config.load().migrate();
    }

    static Map<String, Object> jpaProperties(DatabaseSettings settings) {
        Map<String, Object> p = new HashMap<>();
        p.put("eclipselink.persistencexml", "META-INF/frontdesk-persistence.xml");
        p.put("jakarta.persistence.jdbc.driver", settings.driverClass());
        p.put("jakarta.persistence.jdbc.url", settings.url());
        p.put("jakarta.persistence.jdbc.user", settings.user());
        p.put("jakarta.persistence.jdbc.password", settings.password() == null ? "" : settings.password());
        return p;
    }

    @Override
    public <T> T inTransaction(Function<Repositories, T> work) {
        EntityManager em = emf.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(new JpaRepositories(em));
            tx.commit();
            return result;
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            em.close();
        }
    }

    /** Answers whether the database answers a trivial query now (for the readiness check). */
    public boolean isReachable() {
        try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
             var st = c.createStatement()) {
            st.setQueryTimeout(2);
            return st.execute("SELECT 1");
        } catch (SQLException e) {
            return false;
        }
    }

    public DatabaseSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        emf.close();
    }
}
