-- Public pages with many blocks (issue 6: 1,000,000 blocks, p99 under 50 ms): a batch's totals by status and a
-- serial lookup read only this index (an index-only scan on PostgreSQL), not the blocks' rows. It leads with the
-- same columns as registry_block_serial_ix, which it replaces.
CREATE INDEX registry_block_batch_ix ON registry_block (batch_id, first_serial, last_serial, status, account_id);
DROP INDEX registry_block_serial_ix;
