-- A one-click link releases only the message its mail named (review of 2026-11-28: pressing "Yes, I
-- sent it" forwarded all 46 held messages of the case, 45 of them later forgeries). Links issued
-- before this migration have none; they release the case's first held message, the one their mail named.
ALTER TABLE action_link ADD COLUMN inbound_id BIGINT;
