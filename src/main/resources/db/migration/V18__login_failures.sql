-- Console sign-in throttling in the database (issues 15 and 17): one row per wrong password, counted per login and
-- per client address, so that every instance over this database counts the same failures and a restart forgives
-- nothing. Only the last 15 minutes matter: housekeeping deletes older rows. Same file on H2 2.x and PostgreSQL.
CREATE SEQUENCE login_failure_seq START WITH 100 INCREMENT BY 50;

CREATE TABLE login_failure (
    id           BIGINT PRIMARY KEY,
    kind         VARCHAR(16) NOT NULL,          -- LOGIN (the address typed, normalized) or ADDRESS (the client's IP)
    failure_key  VARCHAR(320) NOT NULL,         -- "key" is a keyword in H2
    failed_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
-- "How many failures for this login (or from this address) since ...": every sign-in asks it twice.
CREATE INDEX login_failure_key_idx ON login_failure (kind, failure_key, failed_at);
-- Housekeeping's "older than the window".
CREATE INDEX login_failure_time_idx ON login_failure (failed_at);
