-- Why a waiting mail waits (issue 17): true when its last attempt found the relay unreachable (no connection), false
-- when the relay answered and refused this mail for now (a 4xx, greylisting). When the relay answers again only the
-- former become due at once; a greylisted mail keeps its own backoff, as the greylisting server asked.
-- Same file on H2 2.x and PostgreSQL.
ALTER TABLE outbox ADD COLUMN relay_away BOOLEAN DEFAULT FALSE NOT NULL;
