-- The notices page of the console (issue 15): what people accepted on a notice, and the indexes its lists use.
-- Same file on H2 2.x and PostgreSQL.

-- Approved holds and overridden blocks, as JSON (application/dunning/Acceptance): every later check of
-- the notice, the last one right before sending too, leaves exactly these facts aside.
ALTER TABLE notice ADD COLUMN accepted VARCHAR(100000);

-- "Held / blocked / sent, newest first", one page at a time ("soonest first" uses notice_due_idx).
CREATE INDEX notice_state_id_idx ON notice (state, id);
