-- A forward or an alert that carries a received message no longer holds a copy of it: the outbox row keeps
-- the bytes around the original, and the original is read from inbound_raw when the mail is sent. A 25 MB
-- message was copied into its forward's row (and read back whole at every status request of its inbound
-- message); measured 2026-11-28 with HeapBenchmark. Rows written before keep their whole mail in raw.
ALTER TABLE outbox ADD COLUMN original_inbound_id BIGINT;
ALTER TABLE outbox ADD COLUMN original_at INTEGER;
