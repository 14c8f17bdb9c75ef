-- "Were the contacts asked?" is asked of a case for every message that joins it: by case alone, the question read
-- every event of the case, so a sender who writes often (or a mail loop) made each next message slower (docs/benchmarks.md).
-- By case and kind it reads the one event; the timeline reads by case as before, from the same index.
CREATE INDEX case_event_case_kind_idx ON case_event (case_id, kind);
DROP INDEX case_event_case_idx;
