-- Unknown senders (issue 3): account evidence, cases with their timelines, signed action links,
-- reply and alert throttles. Same file on H2 2.x and PostgreSQL.

CREATE SEQUENCE support_case_seq START WITH 100 INCREMENT BY 50;
CREATE SEQUENCE case_event_seq START WITH 100 INCREMENT BY 50;
CREATE SEQUENCE action_link_seq START WITH 100 INCREMENT BY 50;

-- Numbers and names that tie a message to an account: invoice, contract and account numbers,
-- INN, KPP, phone (digits only), company name (normalized). One indexed look-up finds them all.
CREATE TABLE account_reference (
    ref_value   VARCHAR(200) NOT NULL,  -- "value" is a keyword in H2
    kind        VARCHAR(16) NOT NULL,
    account_id  BIGINT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    PRIMARY KEY (ref_value, kind, account_id)
);
CREATE INDEX account_reference_account_idx ON account_reference (account_id);

-- An authorized contact may be reached through a webhook instead of mail.
ALTER TABLE contact ADD COLUMN webhook_url VARCHAR(2000);

-- Each unknown-sender situation: from open to resolved, rejected or expired.
CREATE TABLE support_case (
    id           BIGINT PRIMARY KEY,
    kind         VARCHAR(24) NOT NULL,
    state        VARCHAR(24) NOT NULL,
    sender       VARCHAR(320) NOT NULL,
    sender_name  VARCHAR(200),
    account_id   BIGINT REFERENCES account (id) ON DELETE SET NULL,
    confidence   INTEGER NOT NULL,
    evidence     VARCHAR(4000),
    locale       VARCHAR(16) NOT NULL,
    opened_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    due_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_note  VARCHAR(2000),
    version      BIGINT NOT NULL
);
CREATE INDEX support_case_sender_idx ON support_case (sender, state);
CREATE INDEX support_case_state_idx ON support_case (state, expires_at);

CREATE TABLE case_event (
    id           BIGINT PRIMARY KEY,
    case_id      BIGINT NOT NULL REFERENCES support_case (id) ON DELETE CASCADE,
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    actor        VARCHAR(320) NOT NULL,
    kind         VARCHAR(32) NOT NULL,
    detail       VARCHAR(4000)
);
CREATE INDEX case_event_case_idx ON case_event (case_id);

-- A signed one-click link ("authorize this address", "this was not us"); used once, expires.
CREATE TABLE action_link (
    id           BIGINT PRIMARY KEY,
    case_id      BIGINT NOT NULL REFERENCES support_case (id) ON DELETE CASCADE,
    action       VARCHAR(16) NOT NULL,
    issued_to    VARCHAR(320) NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX action_link_case_idx ON action_link (case_id);

-- When we last wrote to (or about) a sender, per kind: one reply per day, one alert per hour, the rest in a digest.
CREATE TABLE sender_throttle (
    sender       VARCHAR(320) NOT NULL,
    kind         VARCHAR(16) NOT NULL,
    last_sent_at TIMESTAMP WITH TIME ZONE NOT NULL,
    pending      INTEGER NOT NULL,
    case_id      BIGINT REFERENCES support_case (id) ON DELETE CASCADE,
    PRIMARY KEY (sender, kind)
);
CREATE INDEX sender_throttle_pending_idx ON sender_throttle (kind, pending);

ALTER TABLE inbound_message ADD COLUMN case_id BIGINT REFERENCES support_case (id) ON DELETE SET NULL;
CREATE INDEX inbound_message_case_idx ON inbound_message (case_id);

-- Which account and case a mail we sent belongs to: a reply to it is evidence for that account.
ALTER TABLE outbox ADD COLUMN account_id BIGINT REFERENCES account (id) ON DELETE SET NULL;
ALTER TABLE outbox ADD COLUMN case_id BIGINT REFERENCES support_case (id) ON DELETE SET NULL;
