-- Public retirement lists of one programme or one project, paged by record id (issue 6: public pages with
-- 1,000,000 blocks, p99 under 50 ms). Which batches each retirement record retired credits of, with the batch's
-- programme prefix and project code, so that such a list reads its next page's ids from one index, newest first,
-- instead of looking up the movements of every newer record until a page's worth matches (over 150 ms with
-- 100,000 records, for a project whose retirements lie deep in the list). Written with the record (LedgerStore.insertRetirement) from the movements of
-- its journal entry; derived from them, like the record's serial ranges, so the journal's hashes need not cover it.
CREATE TABLE registry_retirement_batch (
    retirement_id    BIGINT      NOT NULL REFERENCES registry_retirement (id) ON DELETE CASCADE,
    batch_id         BIGINT      NOT NULL REFERENCES registry_batch (id),
    programme_prefix VARCHAR(10) NOT NULL,
    project_code     VARCHAR(16) NOT NULL,
    CONSTRAINT registry_retirement_batch_pk PRIMARY KEY (retirement_id, batch_id)
);
CREATE INDEX registry_retirement_batch_programme_ix ON registry_retirement_batch (programme_prefix, retirement_id);
-- The programme prefix last, so that a list of one project in one programme filters on the index alone.
CREATE INDEX registry_retirement_batch_project_ix
    ON registry_retirement_batch (project_code, retirement_id, programme_prefix);

INSERT INTO registry_retirement_batch (retirement_id, batch_id, programme_prefix, project_code)
SELECT DISTINCT r.id, m.batch_id, b.programme_prefix, b.project_code
  FROM registry_retirement r
  JOIN registry_movement m ON m.entry_id = r.entry_id
  JOIN registry_batch b ON b.id = m.batch_id;
