-- Ids of the tables written per message (intake, pipeline, outbox) come in blocks of 500, not 50.
-- EclipseLink hands out a block under one lock; when it runs out, the thread that fetches the next
-- block holds that lock across a database round trip, and every other intake thread waits. Profiled
-- under load (8 concurrent clients): intake threads spent 6.5 s per minute parked on that lock,
-- behind fetches that took up to 36 ms on the busy two-core machine. The entities' allocationSize
-- says the same number. The same statements run on H2 2.x and PostgreSQL.
ALTER SEQUENCE inbound_message_seq INCREMENT BY 500;
ALTER SEQUENCE outbox_seq INCREMENT BY 500;
ALTER SEQUENCE audit_event_seq INCREMENT BY 500;
-- EclipseLink takes a block as [value - 499, value]. A sequence never used still answers its start
-- (100) first, which cannot end a block of 500; one value is taken and dropped here, so the next one
-- is at least 600 and above everything handed out before.
SELECT nextval('inbound_message_seq');
SELECT nextval('outbox_seq');
SELECT nextval('audit_event_seq');
