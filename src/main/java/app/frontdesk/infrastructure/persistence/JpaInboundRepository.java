package app.frontdesk.infrastructure.persistence;

import app.frontdesk.domain.model.inbound.InboundMessage;
import app.frontdesk.domain.model.inbound.InboundRepository;
import app.frontdesk.domain.model.inbound.InboundState;
import app.frontdesk.domain.model.inbound.Route;
import app.frontdesk.domain.model.staff.Viewer;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Blob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

final class JpaInboundRepository implements InboundRepository {

    private static final String DUE = "state = 'RECEIVED' AND next_attempt_at <= ?";
    private static final LockedPage CLAIM_DUE = new LockedPage("inbound_message", "id", DUE, "id");
    private static final LockedPage CLAIM_DUE_OF_SLOT = new LockedPage("inbound_message", "id", DUE + " AND MOD(sender_key, ?) = ?", "id");

    private final EntityManager em;
    private final boolean postgres;

    JpaInboundRepository(EntityManager em, boolean postgres) {
        this.em = em;
        this.postgres = postgres;
    }

    @Override
    public void store(InboundMessage message, byte[] raw) {
        em.persist(message);
        // Flush now so that a second copy of the same message fails here, inside the caller's work.
        em.flush();
        // The bytes go in by JDBC as a stream: through EclipseLink (and H2's setBytes) a 25 MB message was copied
        // twice on its way into the table (HeapBenchmark, 2026-11-28).
        try (PreparedStatement insert = connection().prepareStatement("INSERT INTO inbound_raw (inbound_id, raw) VALUES (?, ?)")) {
            insert.setLong(1, message.id());
            insert.setBinaryStream(2, new ByteArrayInputStream(raw), raw.length);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the bytes of inbound message " + message.id(), e);
        }
    }

    /**
     * The rows in one flush (EclipseLink's JDBC batch writing) and the bytes in one JDBC batch: a batch of 8 was 16
     * round trips to the database one by one, and is 2 this way. A copy of stored bytes fails the whole batch on the
     * unique index, as {@link #store} fails for one; the caller then stores the messages one by one.
     */
    @Override
    public void storeAll(List<InboundMessage> messages, List<byte[]> raws) {
        if (messages.size() == 1) {
            store(messages.get(0), raws.get(0));
            return;
        }
        messages.forEach(em::persist);
        em.flush();
        try (PreparedStatement insert = connection().prepareStatement("INSERT INTO inbound_raw (inbound_id, raw) VALUES (?, ?)")) {
            for (int i = 0; i < messages.size(); i++) {
                insert.setLong(1, messages.get(i).id());
                insert.setBinaryStream(2, new ByteArrayInputStream(raws.get(i)), raws.get(i).length);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the bytes of " + messages.size() + " inbound messages", e);
        }
    }

    @Override
    public Optional<InboundMessage> find(long id) {
        return Optional.ofNullable(em.find(InboundMessage.class, id));
    }

    @Override
    public Optional<InboundMessage> findBySha256(String sha256) {
        return em.createNamedQuery("InboundMessage.findBySha256", InboundMessage.class)
                .setParameter("sha256", sha256).getResultStream().findFirst();
    }

    @Override
    public byte[] rawBytes(long id) {
        byte[] raw = rawBytes(List.of(id)).get(id);
        if (raw == null) {
            throw new IllegalStateException("no raw bytes stored for inbound message " + id);
        }
        return raw;
    }

    /**
     * Columns by JDBC, not entities: a managed raw entity was compared byte by byte with its backup copy at every
     * flush, and EclipseLink read an H2 BLOB through a buffer that grew by doubling (three times the message at
     * its peak, HeapBenchmark 2026-11-28). Here each message is read into one array of its size.
     */
    @Override
    public Map<Long, byte[]> rawBytes(List<Long> ids) {
        Map<Long, byte[]> result = new HashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        String in = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
        try (PreparedStatement select = rawQuery("SELECT inbound_id, raw FROM inbound_raw WHERE inbound_id IN (" + in + ")")) {
            for (int i = 0; i < ids.size(); i++) {
                select.setLong(i + 1, ids.get(i));
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getLong(1), bytes(rs, 2));
                }
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not read the bytes of inbound messages " + ids, e);
        }
        return result;
    }

    @Override
    public <T> T readRaw(long id, RawReader<T> reader) {
        try (PreparedStatement select = rawQuery("SELECT raw FROM inbound_raw WHERE inbound_id = ?")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no raw bytes stored for inbound message " + id);
                }
                try (InputStream raw = rs.getBinaryStream(1)) { // H2: from its LOB store in blocks; PostgreSQL: the row's array
                    return reader.read(raw);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the bytes of inbound message " + id, e);
        }
    }

    private Connection connection() {
        return em.unwrap(Connection.class);
    }

    /**
     * A query of raw bytes. On PostgreSQL its results come in binary: a BYTEA in text form arrives as hex, twice
     * its size, and is then decoded into a third array; in binary the driver hands over the one array it read.
     */
    private PreparedStatement rawQuery(String sql) throws SQLException {
        PreparedStatement statement = connection().prepareStatement(sql);
        if (postgres) {
            statement.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1); // -1: binary transfer from the first use
        }
        return statement;
    }

    /** A BYTEA (PostgreSQL) as the driver holds it; a BLOB (H2) read into one array of its length. */
    private byte[] bytes(ResultSet rs, int column) throws SQLException, IOException {
        if (postgres) {
            return rs.getBytes(column);
        }
        Blob blob = rs.getBlob(column);
        try (InputStream in = blob.getBinaryStream()) {
            byte[] raw = new byte[Math.toIntExact(blob.length())];
            if (in.readNBytes(raw, 0, raw.length) != raw.length) {
                throw new IOException("the stored bytes ended before their length");
            }
            return raw;
        } finally {
            blob.free();
        }
    }

    @Override
    public long countInState(InboundState state) {
        return em.createNamedQuery("InboundMessage.countInState", Long.class).setParameter("state", state).getSingleResult();
    }

    @Override
    public long countHeldOn(Route route) {
        return em.createQuery("SELECT COUNT(m) FROM InboundMessage m WHERE m.state = :state AND m.route = :route", Long.class)
                .setParameter("state", InboundState.HELD).setParameter("route", route).getSingleResult();
    }

    @Override
    public int decideAgain(Route route, Instant now) {
        return em.createQuery("UPDATE InboundMessage m SET m.state = :waiting, m.route = NULL, m.reason = NULL, m.processedAt = NULL,"
                        + " m.attempts = 0, m.nextAttemptAt = :now WHERE m.state = :held AND m.route = :route")
                .setParameter("waiting", InboundState.RECEIVED).setParameter("now", now).setParameter("held", InboundState.HELD)
                .setParameter("route", route).executeUpdate();
    }

    @Override
    public List<InboundMessage> waitingForPeople(Viewer viewer, Optional<InboundState> state, int limit) {
        var q = em.createQuery("SELECT m FROM InboundMessage m WHERE m.state IN :states"
                        + (viewer.seesAllCases() ? "" : " AND m.accountId IN (SELECT a.id FROM Account a WHERE a.manager.address = :manager)")
                        + " ORDER BY m.id DESC", InboundMessage.class)
                .setParameter("states", state.map(List::of).orElse(List.of(InboundState.HELD, InboundState.QUARANTINED)));
        if (!viewer.seesAllCases()) {
            q.setParameter("manager", viewer.managerAddress());
        }
        return q.setMaxResults(limit).getResultList();
    }

    @Override
    public int retryQuarantined(java.util.Collection<Long> ids, Instant now) {
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createQuery("UPDATE InboundMessage m SET m.state = :waiting, m.route = NULL, m.reason = NULL, m.processedAt = NULL,"
                        + " m.attempts = 0, m.nextAttemptAt = :now WHERE m.state = :quarantined AND m.id IN :ids")
                .setParameter("waiting", InboundState.RECEIVED).setParameter("now", now)
                .setParameter("quarantined", InboundState.QUARANTINED).setParameter("ids", List.copyOf(ids)).executeUpdate();
    }

    @Override
    public List<InboundMessage> heldInCase(long caseId) {
        return em.createNamedQuery("InboundMessage.heldInCase", InboundMessage.class).setParameter("caseId", caseId)
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    @Override
    public List<InboundMessage> ofAccountSince(long accountId, Instant since, int limit) {
        return em.createQuery("SELECT m FROM InboundMessage m WHERE m.accountId = :a AND m.receivedAt >= :since ORDER BY m.id DESC",
                InboundMessage.class).setParameter("a", accountId).setParameter("since", since).setMaxResults(limit).getResultList();
    }

    @Override
    public List<InboundMessage> inCase(long caseId) {
        return em.createNamedQuery("InboundMessage.inCase", InboundMessage.class).setParameter("caseId", caseId).getResultList();
    }

    @Override
    public List<InboundMessage> lockAttempted(List<Long> ids) {
        return em.createQuery("SELECT m FROM InboundMessage m WHERE m.id IN :ids AND m.state = "
                        + "app.frontdesk.domain.model.inbound.InboundState.RECEIVED ORDER BY m.id", InboundMessage.class)
                .setParameter("ids", ids).setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    @Override
    public Optional<Instant> oldestWaiting() {
        // the attribute, not MIN(): an aggregate comes back as the column's type, past the Instant converter
        return em.createQuery("SELECT m.receivedAt FROM InboundMessage m WHERE m.state = "
                + "app.frontdesk.domain.model.inbound.InboundState.RECEIVED ORDER BY m.id", Instant.class)
                .setMaxResults(1).getResultStream().findFirst();
    }

    @Override
    public List<InboundMessage> claimDue(Instant now, int limit) {
        return CLAIM_DUE.claim(em, postgres, InboundMessage.class, limit, now.atOffset(ZoneOffset.UTC));
    }

    @Override
    public List<InboundMessage> claimDue(Instant now, int limit, int slot, int slots) {
        return CLAIM_DUE_OF_SLOT.claim(em, postgres, InboundMessage.class, limit, now.atOffset(ZoneOffset.UTC), slots, slot);
    }
}
