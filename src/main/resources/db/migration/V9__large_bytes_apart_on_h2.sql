-- On embedded H2 a BYTEA (VARBINARY) value lives inside its table's page: a 25 MB message made a
-- 25 MB page, every update of its outbox row (state, attempts) wrote it again, and H2's chunk writer
-- asked for a 190 MB buffer at once; with a 1 GB heap it failed and left the store unusable until a
-- restart (measured 2026-11-28, HeapBenchmark). As BLOB, H2 keeps the bytes in its LOB storage in
-- small blocks and the row holds a reference. PostgreSQL keeps BYTEA (TOAST already stores large
-- values apart): the placeholder is a no-op there (see Database.migrate).
ALTER TABLE inbound_raw ALTER COLUMN raw ${largeBinary};
ALTER TABLE outbox ALTER COLUMN raw ${largeBinary};
ALTER TABLE notice_batch_input ALTER COLUMN input ${largeBinary};
