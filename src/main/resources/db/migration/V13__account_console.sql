-- The console's account pages (issue 15). Same file on H2 2.x and PostgreSQL.
-- "Red flags" on a lead's "Needs me": the raised flags, longest first, without reading every flag row.
CREATE INDEX account_flag_raised_idx ON account_flag (raised, raised_at);
