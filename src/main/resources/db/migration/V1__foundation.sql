-- Frontdesk foundation schema. The same file runs on H2 2.x and PostgreSQL:
-- only types and syntax both accept (BYTEA is H2's VARBINARY alias; sequences, not IDENTITY).
-- Sequences step by 50 to match the JPA allocation size and start at 100 so the first block is positive.

CREATE SEQUENCE personal_manager_seq START WITH 100 INCREMENT BY 50;
CREATE SEQUENCE account_seq START WITH 100 INCREMENT BY 50;
CREATE SEQUENCE contact_seq START WITH 100 INCREMENT BY 50;
CREATE SEQUENCE inbound_message_seq START WITH 100 INCREMENT BY 50;
CREATE SEQUENCE outbox_seq START WITH 100 INCREMENT BY 50;
CREATE SEQUENCE audit_event_seq START WITH 100 INCREMENT BY 50;

CREATE TABLE personal_manager (
    id          BIGINT PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    address     VARCHAR(320) NOT NULL,
    CONSTRAINT personal_manager_address_uq UNIQUE (address)
);

CREATE TABLE account (
    id          BIGINT PRIMARY KEY,
    name        VARCHAR(300) NOT NULL,
    manager_id  BIGINT REFERENCES personal_manager (id),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT NOT NULL
);

CREATE TABLE account_domain (
    account_id  BIGINT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    domain      VARCHAR(255) NOT NULL,
    PRIMARY KEY (account_id, domain)
);
CREATE INDEX account_domain_domain_idx ON account_domain (domain);

-- An authorized contact: mail from this address (once verified) may act for the account.
CREATE TABLE contact (
    id          BIGINT PRIMARY KEY,
    account_id  BIGINT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    address     VARCHAR(320) NOT NULL,
    name        VARCHAR(200),
    locale      VARCHAR(16) NOT NULL,
    channel     VARCHAR(16) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT contact_account_address_uq UNIQUE (account_id, address)
);
CREATE INDEX contact_address_idx ON contact (address);

-- Every message the mail server handed us, stored before anything else happens.
CREATE TABLE inbound_message (
    id                  BIGINT PRIMARY KEY,
    sha256              VARCHAR(64) NOT NULL,  -- not CHAR: PostgreSQL would compare CHAR to a text parameter without the index
    message_id          VARCHAR(998),
    envelope_sender     VARCHAR(320),
    envelope_recipient  VARCHAR(320),
    size_bytes          BIGINT NOT NULL,
    state               VARCHAR(16) NOT NULL,
    route               VARCHAR(32),
    reason              VARCHAR(1000),
    account_id          BIGINT REFERENCES account (id) ON DELETE SET NULL,
    from_address        VARCHAR(320),
    subject             VARCHAR(1000),
    attempts            INTEGER NOT NULL,
    next_attempt_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    processed_at        TIMESTAMP WITH TIME ZONE,
    CONSTRAINT inbound_message_sha256_uq UNIQUE (sha256)
);
CREATE INDEX inbound_message_due_idx ON inbound_message (state, next_attempt_at);
CREATE INDEX inbound_message_message_id_idx ON inbound_message (message_id);
CREATE INDEX inbound_message_from_idx ON inbound_message (from_address);

-- The bytes exactly as received, apart from the metadata so that status reads never load them.
CREATE TABLE inbound_raw (
    inbound_id  BIGINT PRIMARY KEY REFERENCES inbound_message (id) ON DELETE CASCADE,
    raw         BYTEA NOT NULL
);

-- Every mail Frontdesk sends, written in the transaction of the decision that causes it.
CREATE TABLE outbox (
    id               BIGINT PRIMARY KEY,
    message_id       VARCHAR(255) NOT NULL,
    kind             VARCHAR(32) NOT NULL,
    envelope_from    VARCHAR(320),
    recipients       VARCHAR(4000) NOT NULL,
    raw              BYTEA NOT NULL,
    state            VARCHAR(16) NOT NULL,
    attempts         INTEGER NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error       VARCHAR(2000),
    inbound_id       BIGINT REFERENCES inbound_message (id) ON DELETE SET NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at          TIMESTAMP WITH TIME ZONE,
    CONSTRAINT outbox_message_id_uq UNIQUE (message_id)
);
CREATE INDEX outbox_due_idx ON outbox (state, next_attempt_at);
CREATE INDEX outbox_inbound_idx ON outbox (inbound_id);

CREATE TABLE audit_event (
    id            BIGINT PRIMARY KEY,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    actor         VARCHAR(100) NOT NULL,
    action        VARCHAR(64) NOT NULL,
    subject_type  VARCHAR(32) NOT NULL,
    subject_id    BIGINT,
    detail        VARCHAR(4000)
);
CREATE INDEX audit_event_subject_idx ON audit_event (subject_type, subject_id);
