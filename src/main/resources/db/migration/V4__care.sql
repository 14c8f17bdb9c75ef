-- Care rules (issue 5): bad experiences per account and the red flag that only a person clears.

CREATE SEQUENCE experience_seq START WITH 100 INCREMENT BY 50;

CREATE TABLE experience (
    id           BIGINT PRIMARY KEY,
    account_id   BIGINT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    kind         VARCHAR(32) NOT NULL,
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    detail       VARCHAR(2000),
    inbound_id   BIGINT REFERENCES inbound_message (id) ON DELETE SET NULL
);
CREATE INDEX experience_account_idx ON experience (account_id, occurred_at);

CREATE TABLE account_flag (
    account_id    BIGINT PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    raised        BOOLEAN NOT NULL,
    raised_at     TIMESTAMP WITH TIME ZONE,
    head_alerted  BOOLEAN NOT NULL,
    cleared_at    TIMESTAMP WITH TIME ZONE,
    cleared_by    VARCHAR(320),
    note          VARCHAR(2000),
    version       BIGINT NOT NULL
);

-- A repeat contact is told by the account's recent messages.
CREATE INDEX inbound_message_account_idx ON inbound_message (account_id, received_at);
