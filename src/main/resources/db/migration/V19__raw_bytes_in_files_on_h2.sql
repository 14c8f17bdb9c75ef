-- On an embedded H2 file the bytes of an inbound message go into a file beside the database and the row
-- names it (ADR 0017): H2 kept a BLOB's blocks in its heap until it wrote them, up to 4.5 times the message
-- (H2BlobHeapBenchmark, 2026-11-29). PostgreSQL keeps the bytes in the row; older rows keep theirs. A row
-- holds exactly one of the two.
ALTER TABLE inbound_raw ADD COLUMN file_name VARCHAR(100);
ALTER TABLE inbound_raw ALTER COLUMN raw DROP NOT NULL;
ALTER TABLE inbound_raw ADD CONSTRAINT inbound_raw_bytes_or_file CHECK ((raw IS NULL) <> (file_name IS NULL));
