-- A notice batch's upload (up to some 10 MB of JSON lines) moves to its own table: the batch row is
-- claimed and updated once per chunk of 1,000 rows, and read whole each time it cost 20-30 ms of a
-- chunk's ~150 ms. The same statements run on H2 2.x and PostgreSQL.
CREATE TABLE notice_batch_input (
    batch_id  BIGINT PRIMARY KEY REFERENCES notice_batch (id) ON DELETE CASCADE,
    input     BYTEA NOT NULL               -- the rows as JSON lines, parsed and checked when uploaded
);
INSERT INTO notice_batch_input (batch_id, input) SELECT id, input FROM notice_batch;
ALTER TABLE notice_batch DROP COLUMN input;

