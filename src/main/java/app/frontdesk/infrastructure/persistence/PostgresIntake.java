package app.frontdesk.infrastructure.persistence;

import app.frontdesk.domain.model.inbound.InboundMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

final class PostgresIntake {

    private PostgresIntake() {
    }

    static void store(Connection c, List<InboundMessage> messages, List<byte[]> raws) throws SQLException {
        int n = messages.size();
        Long[] ids = new Long[n];
        String[] shas = new String[n], mids = new String[n], senders = new String[n], recipients = new String[n], states = new String[n],
                nexts = new String[n], receiveds = new String[n];
        Long[] sizes = new Long[n];
        Integer[] keys = new Integer[n];
        for (int i = 0; i < n; i++) {
            InboundMessage m = messages.get(i);
            ids[i] = m.id();
            shas[i] = m.sha256();
            mids[i] = m.messageId();
            senders[i] = m.envelope().sender();
            recipients[i] = m.envelope().recipient();
            sizes[i] = m.sizeBytes();
            states[i] = m.state().name();
            nexts[i] = m.nextAttemptAt().toString();
            receiveds[i] = m.receivedAt().toString();
            keys[i] = m.senderKey();
        }
        try (PreparedStatement insert = c.prepareStatement("WITH m AS (INSERT INTO inbound_message (id, sha256, message_id, "
                + "envelope_sender, envelope_recipient, size_bytes, state, attempts, next_attempt_at, received_at, sender_key) "
                + "SELECT id, sha, mid, es, er, sz, st, 0, na::timestamptz, ra::timestamptz, sk FROM unnest(?::bigint[], ?::varchar[], "
                + "?::varchar[], ?::varchar[], ?::varchar[], ?::bigint[], ?::varchar[], ?::text[], ?::text[], ?::int[]) "
                + "AS t(id, sha, mid, es, er, sz, st, na, ra, sk) RETURNING id) "
                + "INSERT INTO inbound_raw (inbound_id, raw) SELECT id, raw FROM unnest(?::bigint[], ?::bytea[]) AS r(id, raw)")) {
            insert.setArray(1, c.createArrayOf("int8", ids));
            insert.setArray(2, c.createArrayOf("varchar", shas));
            insert.setArray(3, c.createArrayOf("varchar", mids));
            insert.setArray(4, c.createArrayOf("varchar", senders));
            insert.setArray(5, c.createArrayOf("varchar", recipients));
            insert.setArray(6, c.createArrayOf("int8", sizes));
            insert.setArray(7, c.createArrayOf("varchar", states));
            insert.setArray(8, c.createArrayOf("text", nexts));
            insert.setArray(9, c.createArrayOf("text", receiveds));
            insert.setArray(10, c.createArrayOf("int4", keys));
            insert.setArray(11, c.createArrayOf("int8", ids));
            insert.setArray(12, c.createArrayOf("bytea", raws.toArray(new byte[0][])));
            insert.executeUpdate();
        }
    }
}
