-- The console (issue 15): the people who sign in, and the indexes its per-viewer queries use.
-- Same file on H2 2.x and PostgreSQL.
CREATE SEQUENCE staff_user_seq START WITH 100 INCREMENT BY 50;

-- A staff member; the e-mail address is the login and, for a personal manager, the tie to the
-- accounts they look after (personal_manager.address).
CREATE TABLE staff_user (
    id             BIGINT PRIMARY KEY,
    email          VARCHAR(320) NOT NULL,
    display_name   VARCHAR(200) NOT NULL,
    password_hash  VARCHAR(200),
    roles          VARCHAR(100) NOT NULL,
    locale         VARCHAR(16) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    disabled       BOOLEAN NOT NULL,
    version        BIGINT NOT NULL,
    CONSTRAINT staff_user_email_uq UNIQUE (email)
);

-- "My accounts": every manager's page starts from here.
CREATE INDEX account_manager_idx ON account (manager_id);
-- "Open cases, earliest promised answer first" (a lead's Needs me).
CREATE INDEX support_case_due_idx ON support_case (state, due_at);
-- What we sent about a case (the case page).
CREATE INDEX outbox_case_idx ON outbox (case_id);
