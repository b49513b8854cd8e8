-- Holder notices (issue 20, item 4): the registry mails the users of a holding account when credits are issued to
-- it, transferred or delivered to it, or retired from it. A job reads the journal after commit, past a cursor, so the
-- ledger's hot path (group commit) does no work for it. registry_notice_cursor holds the last entry id read;
-- registry_notice_gap the ids below it that were not yet visible when the job passed them (an entry id drawn by a
-- transaction that had not committed yet, or that rolled back), looked at again until they appear or are older
-- than the job's grace period. The cursor starts at the journal's end: what was recorded before this feature is not
-- mailed.
CREATE TABLE registry_notice_cursor (
    name     VARCHAR(40) NOT NULL PRIMARY KEY,
    entry_id BIGINT      NOT NULL
);
INSERT INTO registry_notice_cursor (name, entry_id)
SELECT 'holder-mail', COALESCE(MAX(id), 0) FROM registry_journal_entry;

CREATE TABLE registry_notice_gap (
    first_entry_id BIGINT                   NOT NULL PRIMARY KEY,
    last_entry_id  BIGINT                   NOT NULL,
    seen_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT registry_notice_gap_range_ck CHECK (last_entry_id >= first_entry_id)
);
