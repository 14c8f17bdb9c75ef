-- Promises are kept or not made (issue 14, item 3): every call or answer we promise a customer is a
-- task with a due time in business hours and the person who owes it; an overdue task goes to the
-- support lead once. A notice that went out and is later found wrong (item 4) is remembered once.

CREATE SEQUENCE task_seq START WITH 100 INCREMENT BY 50;

CREATE TABLE task (
    id            BIGINT PRIMARY KEY,
    kind          VARCHAR(16) NOT NULL,          -- ANSWER, CALL, RECOVERY
    state         VARCHAR(16) NOT NULL,          -- OPEN, DONE
    assignee      VARCHAR(320) NOT NULL,         -- the personal manager's address, or the support lead's
    account_id    BIGINT REFERENCES account (id) ON DELETE CASCADE,
    case_id       BIGINT REFERENCES support_case (id) ON DELETE SET NULL,
    notice_id     BIGINT REFERENCES notice (id) ON DELETE SET NULL,
    promised_to   VARCHAR(500),                  -- who was promised: an address, a name, or the company
    promise       VARCHAR(2000) NOT NULL,        -- what was promised, in words
    due_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    escalated_at  TIMESTAMP WITH TIME ZONE,
    escalated_to  VARCHAR(320),
    done_at       TIMESTAMP WITH TIME ZONE,
    done_by       VARCHAR(320),
    note          VARCHAR(2000),
    version       BIGINT NOT NULL
);
CREATE INDEX task_assignee_idx ON task (assignee, state, due_at);
CREATE INDEX task_due_idx ON task (state, due_at);
CREATE INDEX task_account_idx ON task (account_id, state);
CREATE INDEX task_case_idx ON task (case_id);

-- When the notice actually left (the outbox sent it), and when a payment dated before that showed it was wrong.
ALTER TABLE notice ADD COLUMN sent_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE notice ADD COLUMN found_wrong_at TIMESTAMP WITH TIME ZONE;
UPDATE notice SET sent_at = updated_at WHERE state = 'SENT';
