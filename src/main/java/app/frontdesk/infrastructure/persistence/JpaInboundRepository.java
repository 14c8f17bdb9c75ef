package app.frontdesk.infrastructure.persistence;

import app.frontdesk.domain.model.inbound.InboundMessage;
import app.frontdesk.domain.model.inbound.InboundRepository;
import app.frontdesk.domain.model.inbound.InboundState;
import app.frontdesk.domain.model.inbound.Route;
import app.frontdesk.domain.model.staff.Viewer;
import jakarta.persistence.EntityManager;
import org.eclipse.persistence.sessions.Session;
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
    /** Present on an embedded H2 file: the bytes go into files there, the table names them (ADR 0017). */
    private final RawFiles files;

    JpaInboundRepository(EntityManager em, boolean postgres, RawFiles files) {
        this.em = em;
        this.postgres = postgres;
        this.files = files;
    }

    @Override
    public void store(InboundMessage message, byte[] raw) {
        storeAll(List.of(message), List.of(raw));
    }

    /**
     * The rows of new messages by JDBC, in one batch, and their bytes in a second (see {@link #insertRaw}). A copy
     * of stored bytes fails on the unique index of the SHA-256, here, inside the caller's work; the caller then
     * stores the messages one by one, so that only the copies are answered "duplicate".
     *
     * <p>Not {@code persist} and {@code flush}: at intake the persistence context's work on a row that nothing
     * changes in the same transaction (registering, cloning, comparing at flush, merging into the shared cache at
     * commit) was most of the store's CPU on the HTTP threads (flight recording, 2026-11-29). Ids still come from
     * EclipseLink's sequencing, in its blocks of 500, so entities persisted elsewhere draw from the same sequence.
     */
    @Override
    public void storeAll(List<InboundMessage> messages, List<byte[]> raws) {
        Session session = em.unwrap(Session.class);
        for (InboundMessage m : messages) {
            m.identify(((Number) session.getNextSequenceNumberValue(InboundMessage.class)).longValue());
        }
        try (PreparedStatement insert = connection().prepareStatement("INSERT INTO inbound_message (id, sha256, message_id, "
                + "envelope_sender, envelope_recipient, size_bytes, state, attempts, next_attempt_at, received_at, sender_key) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)")) {
            executeRows(insert, messages.size(), row -> {
                InboundMessage m = messages.get(row);
                insert.setLong(1, m.id());
                insert.setString(2, m.sha256());
                insert.setString(3, TextColumnConverter.text(m.messageId()));
                insert.setString(4, TextColumnConverter.text(m.envelope().sender()));
                insert.setString(5, TextColumnConverter.text(m.envelope().recipient()));
                insert.setLong(6, m.sizeBytes());
                insert.setString(7, m.state().name());
                insert.setObject(8, m.nextAttemptAt().atOffset(ZoneOffset.UTC));
                insert.setObject(9, m.receivedAt().atOffset(ZoneOffset.UTC));
                insert.setInt(10, m.senderKey());
            });
        } catch (SQLException e) {
            throw new IllegalStateException("could not store " + which(messages), e);
        }
        insertRaw(messages, raws);
    }

    /**
     * The bytes go in by JDBC as a stream: through EclipseLink (and H2's setBytes) a 25 MB message was copied
     * twice on its way into the table (HeapBenchmark, 2026-11-28). On an embedded H2 file they go into files
     * first and the rows name them. Several rows are one JDBC batch.
     */
    private void insertRaw(List<InboundMessage> messages, List<byte[]> raws) {
        List<String> names = files == null ? null : files.write(messages.stream().map(InboundMessage::id).toList(), raws);
        String sql = files == null ? "INSERT INTO inbound_raw (inbound_id, raw) VALUES (?, ?)"
                : "INSERT INTO inbound_raw (inbound_id, file_name) VALUES (?, ?)";
        try (PreparedStatement insert = connection().prepareStatement(sql)) {
            executeRows(insert, messages.size(), row -> {
                insert.setLong(1, messages.get(row).id());
                if (files == null) {
                    insert.setBinaryStream(2, new ByteArrayInputStream(raws.get(row)), raws.get(row).length);
                } else {
                    insert.setString(2, names.get(row));
                }
            });
        } catch (SQLException | RuntimeException e) {
            if (files != null) {
                files.delete(names);
            }
            throw new IllegalStateException("could not store the bytes of " + which(messages), e);
        }
    }

    /** Sets a row's parameters. */
    @FunctionalInterface
    private interface RowBinder {
        void bind(int row) throws SQLException;
    }

    /** The statement once per row: several rows as one JDBC batch (one round trip), one row as a plain execution. */
    private static void executeRows(PreparedStatement statement, int rows, RowBinder binder) throws SQLException {
        for (int row = 0; row < rows; row++) {
            binder.bind(row);
            if (rows > 1) {
                statement.addBatch();
            }
        }
        if (rows > 1) {
            statement.executeBatch();
        } else {
            statement.executeUpdate();
        }
    }

    private static String which(List<InboundMessage> messages) {
        return messages.size() == 1 ? "inbound message " + messages.get(0).id() : messages.size() + " inbound messages";
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
        try (PreparedStatement select = rawQuery("SELECT inbound_id, raw, file_name FROM inbound_raw WHERE inbound_id IN (" + in + ")")) {
            for (int i = 0; i < ids.size(); i++) {
                select.setLong(i + 1, ids.get(i));
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String file = rs.getString(3);
                    result.put(rs.getLong(1), file == null ? bytes(rs, 2) : files().read(file));
                }
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not read the bytes of inbound messages " + ids, e);
        }
        return result;
    }

    @Override
    public <T> T readRaw(long id, RawReader<T> reader) {
        try (PreparedStatement select = rawQuery("SELECT raw, file_name FROM inbound_raw WHERE inbound_id = ?")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no raw bytes stored for inbound message " + id);
                }
                String file = rs.getString(2);
                // a file beside embedded H2; else H2's LOB store in blocks, or PostgreSQL's array of the row
                try (InputStream raw = file != null ? files().open(file) : rs.getBinaryStream(1)) {
                    return reader.read(raw);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the bytes of inbound message " + id, e);
        }
    }

    /** The files the rows name: a row naming a file where no file directory is configured is a configuration fault. */
    private RawFiles files() {
        if (files == null) {
            throw new IllegalStateException("a stored message's bytes are in a file beside an embedded H2 database, but this "
                    + "database is not an embedded H2 file (FRONTDESK_DB_URL changed?)");
        }
        return files;
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
    public List<Long> sendBack(Viewer viewer, java.util.Collection<Long> ids, InboundState from, Instant now) {
        if (ids.isEmpty()) {
            return List.of();
        }
        // the rows first, locked and narrowed like the list the person chose from; then only those change
        var q = em.createQuery("SELECT m.id FROM InboundMessage m WHERE m.state = :from AND m.id IN :ids"
                        + (viewer.seesAllCases() ? "" : " AND m.accountId IN (SELECT a.id FROM Account a WHERE a.manager.address = :manager)")
                        + " ORDER BY m.id", Long.class)
                .setParameter("from", from).setParameter("ids", List.copyOf(ids))
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (!viewer.seesAllCases()) {
            q.setParameter("manager", viewer.managerAddress());
        }
        List<Long> chosen = q.getResultList();
        if (chosen.isEmpty()) {
            return chosen;
        }
        em.createQuery("UPDATE InboundMessage m SET m.state = :waiting, m.route = NULL, m.reason = NULL, m.processedAt = NULL,"
                        + " m.attempts = 0, m.nextAttemptAt = :now WHERE m.state = :from AND m.id IN :ids")
                .setParameter("waiting", InboundState.RECEIVED).setParameter("now", now)
                .setParameter("from", from).setParameter("ids", chosen).executeUpdate();
        return chosen;
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
