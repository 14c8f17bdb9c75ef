package app.frontdesk.infrastructure.persistence;

import app.frontdesk.domain.model.inbound.InboundMessage;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.eclipse.persistence.sessions.Session;

/**
 * Intake's shared commit on PostgreSQL: the rows of new messages and their bytes in one statement (the columns of the
 * message rows as arrays, unnested; the bytes as a parameter each), on a pooled connection in auto-commit, so that
 * the statement is its own transaction and the whole store is one round trip. With a unit of work it took three (the message rows, the byte rows, the commit),
 * and on two cores eight callers waited more on those round trips than on the CPU (docs/benchmarks.md).
 *
 * <p>Both tables are written by one statement: either every row of the batch is stored or none is. A copy of stored
 * bytes fails on the unique SHA-256 as before, and the caller then stores the messages one by one.
 */
final class PostgresInboundRows {

    /**
     * The parent rows come from a data-modifying WITH: PostgreSQL runs it to completion whether or not the outer
     * statement reads it, and checks the byte rows' foreign key at the end of the statement, when the parents exist.
     * The bytes are one parameter per message, streamed: an array of them was encoded into a second copy (16.4 MB in
     * heap for a message of 8.2 MB, LargeMessageHeapTest).
     */
    private static final String MESSAGE_ROWS = "WITH m AS (INSERT INTO inbound_message (id, sha256, message_id, envelope_sender, "
            + "envelope_recipient, size_bytes, state, attempts, next_attempt_at, received_at, sender_key) "
            + "SELECT id, sha256, message_id, sender, recipient, size, state, 0, next_attempt, received, sender_key FROM unnest("
            + "?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::bigint[], ?::varchar[], ?::timestamptz[], "
            + "?::timestamptz[], ?::integer[]) AS t(id, sha256, message_id, sender, recipient, size, state, next_attempt, received, "
            + "sender_key) RETURNING id) INSERT INTO inbound_raw (inbound_id, raw) VALUES ";

    /** One statement per batch size (at most intake's batch, 64 by default), made once: the driver keeps each prepared. */
    private static final Map<Integer, String> BY_SIZE = new ConcurrentHashMap<>();

    /** The statement for {@code n} messages. */
    static String statementFor(int n) {
        return BY_SIZE.computeIfAbsent(n, size -> MESSAGE_ROWS + String.join(", ", Collections.nCopies(size, "(?, ?)")));
    }

    private PostgresInboundRows() {
    }

    /**
     * Gives each message its id (EclipseLink's sequencing, its blocks of 500, shared with entities persisted elsewhere)
     * and stores the batch in one transaction of its own.
     */
    static void insert(DataSource pool, Session sequencing, List<InboundMessage> messages, List<byte[]> raws) throws SQLException {
        int n = messages.size();
        Long[] ids = new Long[n];
        Long[] sizes = new Long[n];
        Integer[] senderKeys = new Integer[n];
        String[] sha256 = new String[n];
        String[] messageIds = new String[n];
        String[] senders = new String[n];
        String[] recipients = new String[n];
        String[] states = new String[n];
        String[] nextAttempts = new String[n];
        String[] received = new String[n];
        for (int i = 0; i < n; i++) {
            InboundMessage m = messages.get(i);
            m.identify(((Number) sequencing.getNextSequenceNumberValue(InboundMessage.class)).longValue());
            ids[i] = m.id();
            sha256[i] = m.sha256();
            messageIds[i] = TextColumnConverter.text(m.messageId()); // no NUL: PostgreSQL refuses it in text
            senders[i] = TextColumnConverter.text(m.envelope().sender());
            recipients[i] = TextColumnConverter.text(m.envelope().recipient());
            sizes[i] = m.sizeBytes();
            states[i] = m.state().name();
            // ISO-8601 with its zone: PostgreSQL reads it as the instant, rounded to the microsecond as JDBC's setObject did
            nextAttempts[i] = m.nextAttemptAt().toString();
            received[i] = m.receivedAt().toString();
            senderKeys[i] = m.senderKey();
        }
        // The pool hands connections out without auto-commit and restores that when this one is returned.
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement insert = c.prepareStatement(statementFor(n))) {
                insert.setArray(1, c.createArrayOf("int8", ids));
                insert.setArray(2, c.createArrayOf("varchar", sha256));
                insert.setArray(3, c.createArrayOf("varchar", messageIds));
                insert.setArray(4, c.createArrayOf("varchar", senders));
                insert.setArray(5, c.createArrayOf("varchar", recipients));
                insert.setArray(6, c.createArrayOf("int8", sizes));
                insert.setArray(7, c.createArrayOf("varchar", states));
                insert.setArray(8, c.createArrayOf("varchar", nextAttempts));
                insert.setArray(9, c.createArrayOf("varchar", received));
                insert.setArray(10, c.createArrayOf("int4", senderKeys));
                for (int i = 0; i < n; i++) {
                    insert.setLong(11 + 2 * i, ids[i]);
                    insert.setBinaryStream(12 + 2 * i, new ByteArrayInputStream(raws.get(i)), raws.get(i).length);
                }
                insert.executeUpdate();
            }
        }
    }
}
