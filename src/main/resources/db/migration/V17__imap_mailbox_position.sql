-- IMAP intake (issue 16, item 2): where Frontdesk stands in each mailbox it reads. UIDs are only
-- meaningful with their UIDVALIDITY; when the server changes it, every UID is new and the mailbox is
-- read again from the start (intake's SHA-256 index keeps copies out). taking_since is the cut-off of
-- the first run (FRONTDESK_IMAP_SINCE, or the moment the mailbox was first seen): older mail that was
-- already in the mailbox is never taken, so nobody is answered about years-old mail.
CREATE TABLE imap_mailbox_position (
    mailbox       VARCHAR(100) PRIMARY KEY,
    uid_validity  BIGINT NOT NULL,
    last_uid      BIGINT NOT NULL,
    taking_since  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
