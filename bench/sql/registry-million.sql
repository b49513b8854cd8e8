-- A registry of 1,000,000 serial blocks for bench/registry-million.sh, written straight into the registry's tables
-- in a shape its operations produce: 1,000 batches (200 projects x 5 vintages) of 1,000,000 units, each issued to
-- the issuance account and on to holders in 1,000 blocks of 1,000 units; every tenth block then retired by its
-- holder into the vintage's retirement account, with its public record (100,000 retirements) and the batch it
-- retired. Movements record all of it, so the ledger invariants hold (the script checks them through the API). The
-- journal entries carry no valid hash chain: this data set measures reads, not the journal verification.
\set ON_ERROR_STOP on
BEGIN;
INSERT INTO registry_account (kind, status, owner_key, vintage, holder_name, requested_at, decided_at)
SELECT 'RETIREMENT', 'OPEN', 'R:' || v, v, 'Retirement account ' || v, now(), now() FROM generate_series(2020, 2024) v;
INSERT INTO registry_account (kind, status, owner_key, holder_name, requested_at, decided_at)
SELECT 'HOLDING', 'OPEN', 'BENCH:' || h, 'Bench holder ' || h, now(), now() FROM generate_series(1, 1000) h;
CREATE TEMP TABLE bench_holder AS
SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM registry_account WHERE owner_key LIKE 'BENCH:%';

-- Batch b (1..1000): project B<(b-1)/5>, vintage 2020 + (b-1) % 5, journal entry id b for its issuance.
SELECT setval('registry_journal_entry_seq', 2000000);
INSERT INTO registry_journal_entry (id, operation, actor_user_id, credit_units, payload, recorded_at, chain_links, hash)
SELECT b, 'ISSUE', NULL, 1000000, 'batch=' || b, now() - interval '400 days' + b * interval '1 minute', '', repeat('0', 64)
  FROM generate_series(1, 1000) b;
INSERT INTO registry_batch (id, programme_prefix, project_id, project_code, project_name, vintage, batch_number,
                            methodology_version, credit_type, certifier, issued_units, issued_at, entry_id)
OVERRIDING SYSTEM VALUE
SELECT b, 'JBC', 1000 + (b - 1) / 5, 'B' || lpad(((b - 1) / 5)::text, 3, '0'), 'Bench project ' || (b - 1) / 5,
       2020 + (b - 1) % 5, 1, 'JBE-2.3', 'REMOVAL', 'bench', 1000000,
       now() - interval '400 days' + b * interval '1 minute', b
  FROM generate_series(1, 1000) b;
SELECT setval(pg_get_serial_sequence('registry_batch', 'id'), 1000);

-- Block k (1..1000) of batch b: serials (k-1)*1000+1 .. k*1000, held by holder (7b + k) mod 1000.
CREATE TEMP TABLE bench_block AS
SELECT b AS batch_id, k, (k - 1) * 1000 + 1 AS first_serial, k * 1000 AS last_serial, h.id AS holder_id,
       r.id AS retirement_id, k % 10 = 0 AS retired, 1000 + (b - 1) * 100 + k / 10 AS retire_entry
  FROM generate_series(1, 1000) b CROSS JOIN generate_series(1, 1000) k
  JOIN bench_holder h ON h.n = (7 * b + k) % 1000
  JOIN registry_account r ON r.owner_key = 'R:' || (2020 + (b - 1) % 5);

INSERT INTO registry_block (batch_id, first_serial, last_serial, account_id, status)
SELECT batch_id, first_serial, last_serial, CASE WHEN retired THEN retirement_id ELSE holder_id END,
       CASE WHEN retired THEN 'RETIRED' ELSE 'ACTIVE' END
  FROM bench_block ORDER BY batch_id, first_serial;

INSERT INTO registry_movement (entry_id, batch_id, first_serial, last_serial, from_account_id, to_account_id)
SELECT b, b, 1, 1000000, NULL, (SELECT id FROM registry_account WHERE owner_key = 'SCHEME:ISSUANCE')
  FROM generate_series(1, 1000) b;
INSERT INTO registry_movement (entry_id, batch_id, first_serial, last_serial, from_account_id, to_account_id)
SELECT batch_id, batch_id, first_serial, last_serial, (SELECT id FROM registry_account WHERE owner_key = 'SCHEME:ISSUANCE'),
       holder_id
  FROM bench_block ORDER BY batch_id, first_serial;

-- The retirements: one entry, movement and public record each.
INSERT INTO registry_journal_entry (id, operation, actor_user_id, credit_units, payload, recorded_at, chain_links, hash)
SELECT retire_entry, 'RETIRE', NULL, 1000, 'from=' || holder_id, now() - interval '30 days' + retire_entry * interval '1 second',
       '', repeat('0', 64)
  FROM bench_block WHERE retired;
INSERT INTO registry_movement (entry_id, batch_id, first_serial, last_serial, from_account_id, to_account_id)
SELECT retire_entry, batch_id, first_serial, last_serial, holder_id, retirement_id FROM bench_block WHERE retired
 ORDER BY retire_entry;
INSERT INTO registry_retirement (entry_id, account_id, beneficiary, purpose, emissions_offset, reporting_year, note,
                                 credit_units, retired_at)
SELECT retire_entry, holder_id, 'Bench beneficiary ' || holder_id, 'CORPORATE', 'Scope 1 emissions', 2024, NULL, 1000,
       now() - interval '30 days' + retire_entry * interval '1 second'
  FROM bench_block WHERE retired ORDER BY retire_entry;
-- Which batches each record retired, as LedgerStore.insertRetirement writes it (the lists of one programme or project).
INSERT INTO registry_retirement_batch (retirement_id, batch_id, programme_prefix, project_code)
SELECT DISTINCT r.id, m.batch_id, b.programme_prefix, b.project_code
  FROM registry_retirement r JOIN registry_movement m ON m.entry_id = r.entry_id JOIN registry_batch b ON b.id = m.batch_id;
COMMIT;
-- Set the visibility map (index-only scans) and the statistics, so that autovacuum does not run during the measurement.
VACUUM ANALYZE;
