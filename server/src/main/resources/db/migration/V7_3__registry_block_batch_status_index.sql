-- Public pages show each batch's issued / active / retired / cancelled units. Retired and cancelled blocks are
-- summed through this index (an index-only scan of a batch's few finished blocks); the active units follow from
-- the invariant issued = active + retired + cancelled, instead of summing every active block of every batch shown.
CREATE INDEX registry_block_batch_status_ix ON registry_block (batch_id, status, first_serial, last_serial);
