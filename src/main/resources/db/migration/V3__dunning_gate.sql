-- The dunning gate (issue 4): invoices, payments and their allocation, payment evidence that a
-- customer sent, notices billing submits, and every decision with what it saw.
-- Money: NUMERIC(19,4) holds every ISO 4217 scale; the entity keeps the currency's own scale.

CREATE SEQUENCE invoice_seq START WITH 100 INCREMENT BY 50;
CREATE SEQUENCE payment_seq START WITH 100 INCREMENT BY 50;
CREATE SEQUENCE payment_allocation_seq START WITH 100 INCREMENT BY 50;
CREATE SEQUENCE payment_evidence_seq START WITH 100 INCREMENT BY 50;
CREATE SEQUENCE notice_seq START WITH 100 INCREMENT BY 50;
CREATE SEQUENCE notice_decision_seq START WITH 100 INCREMENT BY 50;

ALTER TABLE account ADD COLUMN time_zone VARCHAR(64);
ALTER TABLE account ADD COLUMN business_hours VARCHAR(11);  -- 09:00-18:00; null: the gateway's

CREATE TABLE invoice (
    id          BIGINT PRIMARY KEY,
    invoice_number VARCHAR(100) NOT NULL,
    account_id  BIGINT NOT NULL REFERENCES account (id),
    amount      NUMERIC(19,4) NOT NULL,
    currency    CHAR(3) NOT NULL,
    issue_date  DATE NOT NULL,
    due_date    DATE NOT NULL,
    status      VARCHAR(16) NOT NULL,
    version     BIGINT NOT NULL,
    CONSTRAINT invoice_number_uq UNIQUE (invoice_number)
);
CREATE INDEX invoice_account_idx ON invoice (account_id);

CREATE TABLE payment (
    id             BIGINT PRIMARY KEY,
    external_id    VARCHAR(200) NOT NULL,       -- the bank's or file's id: the same payment imported twice is one payment
    amount         NUMERIC(19,4) NOT NULL,
    currency       CHAR(3) NOT NULL,
    booking_date   DATE,                        -- null while the bank reports it as pending
    value_date     DATE,
    payer_inn      VARCHAR(12),
    payer_account  VARCHAR(34),
    purpose        VARCHAR(2000),
    source         VARCHAR(16) NOT NULL,
    account_id     BIGINT REFERENCES account (id),
    state          VARCHAR(16) NOT NULL,
    received_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT payment_external_uq UNIQUE (external_id)
);
CREATE INDEX payment_account_idx ON payment (account_id, state);

CREATE TABLE payment_allocation (
    id          BIGINT PRIMARY KEY,
    payment_id  BIGINT NOT NULL REFERENCES payment (id) ON DELETE CASCADE,
    invoice_id  BIGINT NOT NULL REFERENCES invoice (id),
    amount      NUMERIC(19,4) NOT NULL
);
CREATE INDEX payment_allocation_invoice_idx ON payment_allocation (invoice_id);
CREATE INDEX payment_allocation_payment_idx ON payment_allocation (payment_id);

-- A payment order the customer sent us: it says money is on its way; unconfirmed until the bank's payment matches it.
CREATE TABLE payment_evidence (
    id            BIGINT PRIMARY KEY,
    account_id    BIGINT NOT NULL REFERENCES account (id),
    order_number  VARCHAR(50),
    order_date    DATE NOT NULL,
    amount        NUMERIC(19,4),
    currency      CHAR(3),
    inbound_id    BIGINT REFERENCES inbound_message (id) ON DELETE SET NULL,
    state         VARCHAR(16) NOT NULL,
    payment_id    BIGINT REFERENCES payment (id),
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX payment_evidence_account_idx ON payment_evidence (account_id, state);

CREATE TABLE notice (
    id              BIGINT PRIMARY KEY,
    account_id      BIGINT NOT NULL REFERENCES account (id),
    kind            VARCHAR(16) NOT NULL,
    claimed_amount  NUMERIC(19,4) NOT NULL,
    currency        CHAR(3) NOT NULL,
    planned_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    recipients      VARCHAR(4000) NOT NULL,
    subject         VARCHAR(1000) NOT NULL,
    body            VARCHAR(100000) NOT NULL,
    callback_url    VARCHAR(2000),
    external_ref    VARCHAR(200),
    state           VARCHAR(16) NOT NULL,
    hold_until      TIMESTAMP WITH TIME ZONE,
    outbox_id       BIGINT,                      -- the outbox row of the mail (no FK: written in the same flush, order not guaranteed)
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT NOT NULL
);
CREATE INDEX notice_account_idx ON notice (account_id, state);
CREATE INDEX notice_due_idx ON notice (state, planned_at);

CREATE TABLE notice_invoice (
    notice_id   BIGINT NOT NULL REFERENCES notice (id) ON DELETE CASCADE,
    invoice_no  VARCHAR(100) NOT NULL,
    PRIMARY KEY (notice_id, invoice_no)
);
CREATE INDEX notice_invoice_no_idx ON notice_invoice (invoice_no);

-- A file of planned notices that billing uploaded for a verdict table: checked in the background, chunk by chunk.
CREATE SEQUENCE notice_batch_seq START WITH 100 INCREMENT BY 50;
CREATE TABLE notice_batch (
    id           BIGINT PRIMARY KEY,
    state        VARCHAR(16) NOT NULL,
    total        INTEGER NOT NULL,
    done         INTEGER NOT NULL,
    input        BYTEA NOT NULL,               -- the rows as JSON lines, parsed and checked when uploaded
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at  TIMESTAMP WITH TIME ZONE,
    error        VARCHAR(2000)
);
CREATE INDEX notice_batch_state_idx ON notice_batch (state);

CREATE TABLE notice_decision (
    id          BIGINT PRIMARY KEY,
    notice_id   BIGINT REFERENCES notice (id) ON DELETE CASCADE,  -- null for a dry run
    account_id  BIGINT,
    verdict     VARCHAR(8) NOT NULL,
    reasons     VARCHAR(8000) NOT NULL,
    hold_until  TIMESTAMP WITH TIME ZONE,
    decided_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    data_seen   VARCHAR(8000) NOT NULL,
    cause       VARCHAR(32) NOT NULL,
    batch_id    BIGINT REFERENCES notice_batch (id) ON DELETE CASCADE,
    batch_row   INTEGER
);
CREATE INDEX notice_decision_notice_idx ON notice_decision (notice_id);
CREATE INDEX notice_decision_batch_idx ON notice_decision (batch_id, batch_row);

-- Open cases of an account hold its dunning: looked up per account.
CREATE INDEX support_case_account_idx ON support_case (account_id, state);
