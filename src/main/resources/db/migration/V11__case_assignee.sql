-- A support lead hands a case over to a colleague (issue 15): the colleague sees and acts on it
-- besides the manager of its account. Empty: the account's manager (or triage) as before.
ALTER TABLE support_case ADD COLUMN assignee VARCHAR(320);
CREATE INDEX support_case_assignee_idx ON support_case (assignee, state);
