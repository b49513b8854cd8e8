package org.amamo.registry.internal;

import static org.amamo.platform.SqlTime.instant;
import static org.amamo.platform.SqlTime.utc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.amamo.registry.CreditType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The ledger's rows, in plain SQL: accounts, batches, blocks, journal entries, movements and retirements. Writes
 * happen only inside a {@link Registry} operation, after the accounts concerned are locked ({@link #lockAccounts}).
 */
@Repository
class LedgerStore {

    static final String ISSUANCE_KEY = "SCHEME:ISSUANCE";
    static final String CANCELLATION_KEY = "SCHEME:CANCELLATION";

    private static final String ACCOUNT = """
            SELECT id, kind, status, owner_user_id, owner_organisation_id, vintage, holder_name, requested_at,
                   decided_at, head_entry_id, head_hash FROM registry_account
            """;
    private static final String BLOCK =
            "SELECT id, batch_id, first_serial, last_serial, account_id, status FROM registry_block ";

    /** How many batch rows {@link #batches} keeps in memory (a few hundred bytes each). */
    static final int MAX_KNOWN_BATCHES = 100_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final ObjectMapper json;
    private final ConcurrentHashMap<Long, BatchRow> knownBatches = new ConcurrentHashMap<>();

    LedgerStore(JdbcClient jdbc, JdbcTemplate batches, ObjectMapper json) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.json = json;
    }

    // ---- accounts

    Optional<AccountRow> account(long id) {
        return jdbc.sql(ACCOUNT + " WHERE id = ?")
                .param(id)
                .query(this::mapAccount)
                .optional();
    }

    Optional<AccountRow> accountByOwnerKey(String ownerKey) {
        return jdbc.sql(ACCOUNT + " WHERE owner_key = ?")
                .param(ownerKey)
                .query(this::mapAccount)
                .optional();
    }

    /**
     * Locks the accounts' rows in ascending id order, the one order every operation uses, so that two operations
     * touching the same accounts queue instead of deadlocking. Returns the rows as they are once locked.
     */
    List<AccountRow> lockAccounts(Collection<Long> ids) {
        return jdbc.sql(ACCOUNT + " WHERE id IN (:ids) ORDER BY id FOR UPDATE")
                .param("ids", ids)
                .query(this::mapAccount)
                .list();
    }

    long insertAccount(
            AccountKind kind,
            AccountStatus status,
            String ownerKey,
            Long userId,
            Long organisationId,
            Integer vintage,
            String holderName,
            Long requestedBy,
            Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO registry_account (kind, status, owner_key, owner_user_id, owner_organisation_id, vintage,
                                              holder_name, requested_by, requested_at, decided_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(
                        kind.name(),
                        status.name(),
                        ownerKey,
                        userId,
                        organisationId,
                        vintage,
                        holderName,
                        requestedBy,
                        utc(now),
                        status == AccountStatus.REQUESTED ? null : utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    void decide(long accountId, AccountStatus status, Long decidedBy, Instant now) {
        jdbc.sql("""
                UPDATE registry_account SET status = ?, decided_by = ?, decided_at = ?,
                       owner_key = CASE WHEN ? = 'REJECTED' THEN NULL ELSE owner_key END
                 WHERE id = ?
                """)
                .params(status.name(), decidedBy, utc(now), status.name(), accountId)
                .update();
    }

    /** Makes one entry the chain head of every account it links (one statement for all of them). */
    void moveHeads(Collection<Long> accountIds, long entryId, String hash) {
        if (!accountIds.isEmpty()) {
            jdbc.sql("UPDATE registry_account SET head_entry_id = :entry, head_hash = :hash WHERE id IN (:ids)")
                    .param("entry", entryId)
                    .param("hash", hash)
                    .param("ids", accountIds)
                    .update();
        }
    }

    /** Moves each account's chain head to its own entry (one batch of statements for all of them). */
    void moveHeads(Map<Long, JournalEntry> headByAccount) {
        batches.batchUpdate(
                "UPDATE registry_account SET head_entry_id = ?, head_hash = ? WHERE id = ?",
                headByAccount.entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(head -> new Object[] {
                            head.getValue().id(), head.getValue().hash(), head.getKey()
                        })
                        .toList());
    }

    /** The name of an organisation, if it exists (the registry names holders on statements and records). */
    Optional<String> organisationName(long organisationId) {
        return jdbc.sql("SELECT name FROM organisation WHERE id = ?")
                .param(organisationId)
                .query(String.class)
                .optional();
    }

    // ---- blocks

    /** The units of an account's blocks (active ones for a holding account). */
    long balance(long accountId) {
        return jdbc.sql(
                        "SELECT COALESCE(SUM(last_serial - first_serial + 1), 0) FROM registry_block WHERE account_id = ?")
                .param(accountId)
                .query(Long.class)
                .single();
    }

    /**
     * Each account's first active blocks in draw order ({@link DrawRank}), at most {@code limits} of them (by
     * account), in one query that on PostgreSQL reads no further than that in the index on (account, draw order) of
     * the active blocks (migration 11).
     */
    List<LedgerInvariants.Block> activeInDrawOrder(Map<Long, Integer> limits) {
        if (limits.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(limits.size() * 2);
        limits.forEach((account, limit) -> params.addAll(List.of(account, limit)));
        return jdbc.sql(String.join(
                        " UNION ALL ",
                        Collections.nCopies(
                                limits.size(),
                                "(" + BLOCK + "WHERE account_id = ? AND status = 'ACTIVE' ORDER BY "
                                        + DrawRank.SQL_ORDER + " LIMIT ?)")))
                .params(params)
                .query(this::mapBlock)
                .list();
    }

    /** Several accounts' balances and first active blocks in draw order. */
    record Holdings(Map<Long, Long> balances, List<LedgerInvariants.Block> blocks) {}

    /**
     * For several accounts in one query: for each account (key of {@code units}), its balance of active units and its
     * first active blocks in draw order ({@link DrawRank}) up to the first that completes its units, at most
     * {@code limits} of them. An account without active units is missing from the balances. The caller holds the
     * accounts' row locks, which every change to their blocks takes first, so the blocks need no lock of their own.
     */
    Holdings holdingsInDrawOrder(Map<Long, Long> units, Map<Long, Integer> limits) {
        Map<Long, Long> balances = new HashMap<>();
        if (units.isEmpty()) {
            return new Holdings(balances, List.of());
        }
        List<Long> ids = List.copyOf(units.keySet());
        List<Object> params = new ArrayList<>(ids);
        ids.forEach(id -> params.addAll(List.of(id, units.get(id))));
        ids.forEach(id -> params.addAll(List.of(id, limits.get(id))));
        String cases = String.join(" ", Collections.nCopies(ids.size(), "WHEN ? THEN ?"));
        String sql = """
                SELECT id, batch_id, first_serial, last_serial, account_id, status, total FROM (
                    SELECT id, batch_id, first_serial, last_serial, account_id, status,
                           SUM(last_serial - first_serial + 1) OVER (PARTITION BY account_id
                               ORDER BY %1$s ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS upto,
                           ROW_NUMBER() OVER (PARTITION BY account_id ORDER BY %1$s) AS n,
                           SUM(last_serial - first_serial + 1) OVER (PARTITION BY account_id) AS total
                      FROM registry_block WHERE account_id IN (%2$s) AND status = 'ACTIVE') held
                 WHERE upto - (last_serial - first_serial + 1) < CASE account_id %3$s END
                   AND n <= CASE account_id %3$s END
                 ORDER BY account_id, %1$s
                """.formatted(DrawRank.SQL_ORDER, String.join(", ", Collections.nCopies(ids.size(), "?")), cases);
        List<LedgerInvariants.Block> blocks = jdbc.sql(sql)
                .params(params)
                .query((row, n) -> {
                    balances.put(row.getLong("account_id"), row.getLong("total"));
                    return mapBlock(row, n);
                })
                .list();
        return new Holdings(balances, blocks);
    }

    /**
     * Blocks of a batch that overlap {@code first..last}, by serial; locked when {@code lock}. The blocks of a batch
     * never overlap, so the first of them is the one with the greatest first serial at or below {@code first}: the
     * index on (batch, first serial) finds it and then reads only the blocks in the range, however large the batch.
     */
    List<LedgerInvariants.Block> overlapping(long batchId, long first, long last, boolean lock) {
        return jdbc.sql(BLOCK + """
                WHERE batch_id = :batch AND first_serial <= :last AND last_serial >= :first
                  AND first_serial >= COALESCE((SELECT MAX(first_serial) FROM registry_block
                                                 WHERE batch_id = :batch AND first_serial <= :first), 0)
                ORDER BY first_serial""" + (lock ? " FOR UPDATE" : ""))
                .param("batch", batchId)
                .param("first", first)
                .param("last", last)
                .query(this::mapBlock)
                .list();
    }

    /** A block to add: serials {@code firstSerial..lastSerial} of a batch, held by an account with a status. */
    record NewBlock(long batchId, long firstSerial, long lastSerial, long accountId, BlockStatus status) {}

    /** Rows per multi-row statement, far below either database's limit on parameters. */
    private static final int ROWS_PER_STATEMENT = 200;

    /** Adds blocks, many per statement. */
    void insertBlocks(List<NewBlock> blocks) {
        for (int from = 0; from < blocks.size(); from += ROWS_PER_STATEMENT) {
            List<NewBlock> chunk = blocks.subList(from, Math.min(blocks.size(), from + ROWS_PER_STATEMENT));
            List<Object> params = new ArrayList<>(chunk.size() * 5);
            for (NewBlock block : chunk) {
                params.addAll(List.of(
                        block.batchId(),
                        block.firstSerial(),
                        block.lastSerial(),
                        block.accountId(),
                        block.status().name()));
            }
            jdbc.sql("INSERT INTO registry_block (batch_id, first_serial, last_serial, account_id, status) VALUES "
                            + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?)")))
                    .params(params)
                    .update();
        }
    }

    void resizeBlock(long blockId, long first, long last) {
        jdbc.sql("UPDATE registry_block SET first_serial = ?, last_serial = ? WHERE id = ?")
                .params(first, last, blockId)
                .update();
    }

    /** Removes blocks, many per statement. */
    void deleteBlocks(List<Long> blockIds) {
        for (int from = 0; from < blockIds.size(); from += ROWS_PER_STATEMENT) {
            jdbc.sql("DELETE FROM registry_block WHERE id IN (:ids)")
                    .param("ids", blockIds.subList(from, Math.min(blockIds.size(), from + ROWS_PER_STATEMENT)))
                    .update();
        }
    }

    /**
     * For each probe (an account and a range of serials of a batch), the account's active block of that batch that
     * starts just after the range and the one that ends just before it, if any, in one query per {@value #ROWS_PER_STATEMENT} probes. Both are found through the index on
     * (batch, first serial): the block ending at serial s is the block holding s, the one with the greatest first
     * serial at or below s, since the blocks of a batch never overlap.
     */
    List<LedgerInvariants.Block> activeTouching(List<WorkingBlocks.Probe> probes) {
        List<LedgerInvariants.Block> touching = new ArrayList<>();
        for (int from = 0; from < probes.size(); from += ROWS_PER_STATEMENT) {
            List<WorkingBlocks.Probe> chunk = probes.subList(from, Math.min(probes.size(), from + ROWS_PER_STATEMENT));
            List<Object> values = new ArrayList<>(chunk.size() * 4);
            for (WorkingBlocks.Probe probe : chunk) {
                values.addAll(
                        List.of(probe.accountId(), probe.batchId(), probe.firstSerial() - 1, probe.lastSerial() + 1));
            }
            List<Object> params = new ArrayList<>(values);
            params.addAll(values);
            touching.addAll(jdbc.sql(
                            """
                    SELECT b.id, b.batch_id, b.first_serial, b.last_serial, b.account_id, b.status
                      FROM registry_block b JOIN (VALUES %1$s) AS p (account_id, batch_id, before_serial, after_serial)
                        ON b.batch_id = p.batch_id AND b.first_serial = p.after_serial
                     WHERE b.account_id = p.account_id AND b.status = 'ACTIVE'
                    UNION
                    SELECT b.id, b.batch_id, b.first_serial, b.last_serial, b.account_id, b.status
                      FROM registry_block b JOIN (VALUES %1$s) AS p (account_id, batch_id, before_serial, after_serial)
                        ON b.batch_id = p.batch_id AND b.first_serial = (SELECT MAX(h.first_serial) FROM registry_block h
                                WHERE h.batch_id = p.batch_id AND h.first_serial <= p.before_serial)
                     WHERE b.last_serial = p.before_serial AND b.account_id = p.account_id AND b.status = 'ACTIVE'
                    """.formatted(String.join(", ", Collections.nCopies(chunk.size(), "(?, ?, ?, ?)"))))
                    .params(params)
                    .query(this::mapBlock)
                    .list());
        }
        return touching;
    }

    /** Gives blocks new serials (same ids, accounts and status), in one batch of statements. */
    void resizeBlocks(List<LedgerInvariants.Block> blocks) {
        batches.batchUpdate(
                "UPDATE registry_block SET first_serial = ?, last_serial = ? WHERE id = ?",
                blocks.stream()
                        .map(block -> new Object[] {block.firstSerial(), block.lastSerial(), block.id()})
                        .toList());
    }

    // ---- batches

    record BatchRow(
            long id,
            String programmePrefix,
            long projectId,
            String projectCode,
            String projectName,
            int vintage,
            int batchNumber,
            String methodologyVersion,
            CreditType creditType,
            String certifier,
            long issuedUnits,
            Instant issuedAt,
            long entryId) {}

    private static final String BATCH = """
            SELECT id, programme_prefix, project_id, project_code, project_name, vintage, batch_number,
                   methodology_version, credit_type, certifier, issued_units, issued_at, entry_id FROM registry_batch
            """;

    Optional<BatchRow> batch(long id) {
        return batches(List.of(id)).stream().findFirst();
    }

    /**
     * Batches by id, in id order. A batch never changes once issued, so rows once read are kept in memory
     * ({@link #knownBatches}): receipts and public pages name the same few batches again and again.
     */
    List<BatchRow> batches(Collection<Long> ids) {
        TreeMap<Long, BatchRow> found = new TreeMap<>();
        List<Long> missing = new ArrayList<>();
        for (Long id : ids) {
            BatchRow known = knownBatches.get(id);
            if (known != null) {
                found.put(id, known);
            } else {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            jdbc.sql(BATCH + " WHERE id IN (:ids)")
                    .param("ids", missing)
                    .query(this::mapBatch)
                    .list()
                    .forEach(batch -> {
                        found.put(batch.id(), batch);
                        if (knownBatches.size() < MAX_KNOWN_BATCHES) {
                            knownBatches.put(batch.id(), batch);
                        }
                    });
        }
        return List.copyOf(found.values());
    }

    Optional<BatchRow> batch(String prefix, String projectCode, int vintage, int batchNumber) {
        return jdbc.sql(BATCH + " WHERE programme_prefix = ? AND project_code = ? AND vintage = ? AND batch_number = ?")
                .params(prefix, projectCode, vintage, batchNumber)
                .query(this::mapBatch)
                .optional();
    }

    int nextBatchNumber(String prefix, String projectCode, int vintage) {
        return jdbc.sql("""
                SELECT COALESCE(MAX(batch_number), 0) + 1 FROM registry_batch
                 WHERE programme_prefix = ? AND project_code = ? AND vintage = ?
                """)
                .params(prefix, projectCode, vintage)
                .query(Integer.class)
                .single();
    }

    long insertBatch(BatchRow batch) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO registry_batch (programme_prefix, project_id, project_code, project_name, vintage,
                       batch_number, methodology_version, credit_type, certifier, issued_units, issued_at, entry_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(
                        batch.programmePrefix(),
                        batch.projectId(),
                        batch.projectCode(),
                        batch.projectName(),
                        batch.vintage(),
                        batch.batchNumber(),
                        batch.methodologyVersion(),
                        batch.creditType().name(),
                        batch.certifier(),
                        batch.issuedUnits(),
                        utc(batch.issuedAt()),
                        batch.entryId())
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    // ---- journal

    long nextEntryId() {
        return jdbc.sql("SELECT nextval('registry_journal_entry_seq')")
                .query(Long.class)
                .single();
    }

    /** {@code count} new entry ids, ascending, drawn in one query. */
    List<Long> nextEntryIds(int count) {
        if (count == 0) {
            return List.of();
        }
        List<Long> ids =
                new ArrayList<>(jdbc.sql("SELECT nextval('registry_journal_entry_seq') FROM generate_series(1, ?)")
                        .param(count)
                        .query(Long.class)
                        .list());
        ids.sort(null);
        return ids;
    }

    /** Inserts entries and all their movements: one batch of statements for the entries, one for the movements. */
    void insertEntries(List<JournalEntry> entries) {
        batches.batchUpdate(
                INSERT_ENTRY, entries.stream().map(LedgerStore::entryParams).toList());
        insertMovements(entries);
    }

    private static final String INSERT_ENTRY = """
            INSERT INTO registry_journal_entry (id, operation, actor_user_id, idempotency_key, request_fingerprint,
                   credit_units, payload, recorded_at, chain_links, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static Object[] entryParams(JournalEntry entry) {
        return new Object[] {
            entry.id(),
            entry.operation().name(),
            entry.actorUserId(),
            entry.idempotencyKey(),
            entry.requestFingerprint(),
            entry.creditUnits(),
            entry.payload(),
            utc(entry.recordedAt()),
            entry.linksText(),
            entry.hash()
        };
    }

    void insertEntry(JournalEntry entry) {
        jdbc.sql(INSERT_ENTRY).params(entryParams(entry)).update();
        insertMovements(List.of(entry));
    }

    /** The entries' movements, in entry and movement order, {@value #MOVEMENTS_PER_INSERT} per statement. */
    private void insertMovements(List<JournalEntry> entries) {
        List<Object[]> rows = new ArrayList<>();
        for (JournalEntry entry : entries) {
            for (JournalEntry.Movement movement : entry.movements()) {
                rows.add(new Object[] {
                    entry.id(),
                    movement.batchId(),
                    movement.firstSerial(),
                    movement.lastSerial(),
                    movement.fromAccountId(),
                    movement.toAccountId()
                });
            }
        }
        for (int from = 0; from < rows.size(); from += MOVEMENTS_PER_INSERT) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + MOVEMENTS_PER_INSERT));
            List<Object> params = new ArrayList<>(chunk.size() * 6);
            chunk.forEach(row -> params.addAll(Arrays.asList(row)));
            jdbc.sql("INSERT INTO registry_movement (entry_id, batch_id, first_serial, last_serial, from_account_id,"
                            + " to_account_id) VALUES "
                            + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?, ?)")))
                    .params(params)
                    .update();
        }
    }

    /** Movements written per INSERT statement (PostgreSQL takes at most 32,767 parameters in one). */
    static final int MOVEMENTS_PER_INSERT = 1_000;

    private static final String ENTRY = """
            SELECT id, operation, actor_user_id, idempotency_key, request_fingerprint, credit_units, payload,
                   recorded_at, chain_links, hash FROM registry_journal_entry
            """;

    Optional<JournalEntry> entry(long id) {
        return jdbc.sql(ENTRY + " WHERE id = ?")
                .param(id)
                .query(this::entryHead)
                .optional()
                .map(this::withMovements);
    }

    /** Entries with ids above {@code afterId}, in id order, with their movements. */
    List<JournalEntry> entriesAfter(long afterId, int limit) {
        List<JournalEntry> heads = jdbc.sql(ENTRY + " WHERE id > ? ORDER BY id LIMIT ?")
                .params(afterId, limit)
                .query(this::entryHead)
                .list();
        if (heads.isEmpty()) {
            return heads;
        }
        long last = heads.get(heads.size() - 1).id();
        Map<Long, List<JournalEntry.Movement>> moves = new HashMap<>();
        jdbc.sql("""
                SELECT entry_id, batch_id, first_serial, last_serial, from_account_id, to_account_id
                  FROM registry_movement WHERE entry_id > ? AND entry_id <= ? ORDER BY entry_id, id
                """)
                .params(afterId, last)
                .query((row, n) -> {
                    moves.computeIfAbsent(row.getLong("entry_id"), id -> new ArrayList<>())
                            .add(movement(row));
                    return null;
                })
                .list();
        return heads.stream()
                .map(entry -> withMovements(entry, moves.getOrDefault(entry.id(), List.of())))
                .toList();
    }

    List<JournalEntry.Movement> movements(long entryId) {
        return jdbc.sql("""
                SELECT entry_id, batch_id, first_serial, last_serial, from_account_id, to_account_id
                  FROM registry_movement WHERE entry_id = ? ORDER BY id
                """).param(entryId).query((row, n) -> movement(row)).list();
    }

    /** Every account's id and chain head, for the verifier. */
    List<AccountRow> allAccounts() {
        return jdbc.sql(ACCOUNT + " ORDER BY id").query(this::mapAccount).list();
    }

    // ---- idempotency keys

    /** What a key already stands for: a journal entry (its id) or, if {@code entryId} is null, a refusal. */
    record KeyUse(Long entryId, String requestFingerprint) {}

    /** A refusal kept under its idempotency key, so that a retry gets it again. */
    record RecordedRefusal(RefusalKind kind, List<Refusal> refusals) {}

    /** The entry or refusal an idempotency key names, found in one query. */
    Optional<KeyUse> keyUse(String idempotencyKey) {
        return jdbc
                .sql("""
                SELECT id AS entry_id, request_fingerprint FROM registry_journal_entry WHERE idempotency_key = :key
                UNION ALL
                SELECT NULL, request_fingerprint FROM registry_refused_request WHERE idempotency_key = :key
                """)
                .param("key", idempotencyKey)
                .query((row, n) -> new KeyUse(nullableLong(row, "entry_id"), row.getString("request_fingerprint")))
                .list()
                .stream()
                .findFirst();
    }

    /** What each of the keys already stands for, found in one query; keys used for nothing are missing. */
    Map<String, KeyUse> keyUses(Collection<String> idempotencyKeys) {
        Map<String, KeyUse> uses = new HashMap<>();
        if (!idempotencyKeys.isEmpty()) {
            jdbc.sql("""
                    SELECT idempotency_key, id AS entry_id, request_fingerprint FROM registry_journal_entry
                     WHERE idempotency_key IN (:keys)
                    UNION ALL
                    SELECT idempotency_key, NULL, request_fingerprint FROM registry_refused_request
                     WHERE idempotency_key IN (:keys)
                    """)
                    .param("keys", idempotencyKeys)
                    .query((row, n) -> uses.putIfAbsent(
                            row.getString(1),
                            new KeyUse(nullableLong(row, "entry_id"), row.getString("request_fingerprint"))))
                    .list();
        }
        return uses;
    }

    /** A refusal to keep under its idempotency key. */
    record NewRefusal(String idempotencyKey, String fingerprint, RefusalKind kind, List<Refusal> refusals) {}

    /** Keeps refusals under their keys, in one batch of statements. */
    void insertRefusals(List<NewRefusal> refusals, Instant now) {
        batches.batchUpdate(
                INSERT_REFUSAL,
                refusals.stream()
                        .map(refusal -> new Object[] {
                            refusal.idempotencyKey(),
                            refusal.fingerprint(),
                            refusal.kind().name(),
                            refusalsText(refusal.refusals()),
                            utc(now)
                        })
                        .toList());
    }

    private static final String INSERT_REFUSAL = """
            INSERT INTO registry_refused_request (idempotency_key, request_fingerprint, refusal_kind, refusals,
                                                  refused_at)
            VALUES (?, ?, ?, ?, ?)
            """;

    private String refusalsText(List<Refusal> refusals) {
        try {
            return json.writeValueAsString(refusals);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a refusal could not be written as JSON", e);
        }
    }

    void insertRefusal(
            String idempotencyKey, String fingerprint, RefusalKind kind, List<Refusal> refusals, Instant now) {
        jdbc.sql(INSERT_REFUSAL)
                .params(idempotencyKey, fingerprint, kind.name(), refusalsText(refusals), utc(now))
                .update();
    }

    Optional<RecordedRefusal> refusal(String idempotencyKey) {
        return jdbc.sql("SELECT refusal_kind, refusals FROM registry_refused_request WHERE idempotency_key = ?")
                .param(idempotencyKey)
                .query((row, n) -> {
                    try {
                        return new RecordedRefusal(
                                RefusalKind.valueOf(row.getString(1)),
                                json.readValue(row.getString(2), new TypeReference<List<Refusal>>() {}));
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("a recorded refusal could not be read", e);
                    }
                })
                .optional();
    }

    // ---- retirements

    /** Adds the record of a retirement whose entry and movements are already inserted; returns its id. */
    long insertRetirement(JournalEntry entry, long accountId, RetirementDisclosure disclosure, long units) {
        return insertRetirements(List.of(NewRetirement.of(entry, accountId, disclosure, units)))
                .get(entry.id());
    }

    /** A retirement record to add, for the retirement entry {@code entryId}, which retired units of the batches. */
    record NewRetirement(
            long entryId,
            long accountId,
            RetirementDisclosure disclosure,
            long units,
            Instant retiredAt,
            Set<Long> batchIds) {

        static NewRetirement of(JournalEntry entry, long accountId, RetirementDisclosure disclosure, long units) {
            return new NewRetirement(
                    entry.id(),
                    accountId,
                    disclosure,
                    units,
                    entry.recordedAt(),
                    entry.movements().stream()
                            .map(JournalEntry.Movement::batchId)
                            .collect(Collectors.toCollection(TreeSet::new)));
        }
    }

    /**
     * Adds retirement records and the batches each retired (for the lists of one programme or project, V10_3), one
     * batch of statements each; returns each record's id by its entry's id.
     */
    Map<Long, Long> insertRetirements(List<NewRetirement> retirements) {
        if (retirements.isEmpty()) {
            return Map.of();
        }
        batches.batchUpdate(
                INSERT_RETIREMENT,
                retirements.stream()
                        .map(retirement -> new Object[] {
                            retirement.entryId(),
                            retirement.accountId(),
                            retirement.disclosure().beneficiary(),
                            retirement.disclosure().purpose().name(),
                            retirement.disclosure().emissionsOffset(),
                            retirement.disclosure().reportingYear(),
                            retirement.disclosure().note(),
                            retirement.units(),
                            utc(retirement.retiredAt())
                        })
                        .toList());
        Map<Long, Long> ids = new HashMap<>();
        jdbc.sql("SELECT entry_id, id FROM registry_retirement WHERE entry_id IN (:entries)")
                .param(
                        "entries",
                        retirements.stream().map(NewRetirement::entryId).toList())
                .query((row, n) -> ids.put(row.getLong(1), row.getLong(2)))
                .list();
        List<Object[]> retiredBatches = new ArrayList<>();
        for (NewRetirement retirement : retirements) {
            for (BatchRow batch : batches(retirement.batchIds())) {
                retiredBatches.add(new Object[] {
                    ids.get(retirement.entryId()), batch.id(), batch.programmePrefix(), batch.projectCode()
                });
            }
        }
        batches.batchUpdate("""
                INSERT INTO registry_retirement_batch (retirement_id, batch_id, programme_prefix, project_code)
                VALUES (?, ?, ?, ?)
                """, retiredBatches);
        return ids;
    }

    private static final String INSERT_RETIREMENT = """
            INSERT INTO registry_retirement (entry_id, account_id, beneficiary, purpose, emissions_offset,
                   reporting_year, note, credit_units, retired_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    /** A retirement record as stored: its entry, source account, disclosure, units and time. */
    record RetirementRow(
            long id,
            long entryId,
            long accountId,
            RetirementDisclosure disclosure,
            long creditUnits,
            Instant retiredAt) {}

    /** The retirement records of entries {@code afterEntryId < entry <= lastEntryId}, by entry. */
    List<RetirementRow> retirementsOfEntries(long afterEntryId, long lastEntryId) {
        return jdbc.sql("""
                SELECT id, entry_id, account_id, beneficiary, purpose, emissions_offset, reporting_year, note,
                       credit_units, retired_at
                  FROM registry_retirement WHERE entry_id > ? AND entry_id <= ? ORDER BY entry_id
                """)
                .params(afterEntryId, lastEntryId)
                .query((row, n) -> new RetirementRow(
                        row.getLong("id"),
                        row.getLong("entry_id"),
                        row.getLong("account_id"),
                        new RetirementDisclosure(
                                row.getString("beneficiary"),
                                RetirementPurpose.valueOf(row.getString("purpose")),
                                row.getString("emissions_offset"),
                                row.getObject("reporting_year", Integer.class),
                                row.getString("note")),
                        row.getLong("credit_units"),
                        instant(row, "retired_at")))
                .list();
    }

    Optional<Long> retirementOfEntry(long entryId) {
        return jdbc.sql("SELECT id FROM registry_retirement WHERE entry_id = ?")
                .param(entryId)
                .query(Long.class)
                .optional();
    }

    // ---- the invariants' snapshot

    LedgerInvariants.Snapshot snapshot() {
        List<LedgerInvariants.Batch> batches = jdbc.sql("SELECT id, issued_units FROM registry_batch ORDER BY id")
                .query((row, n) -> new LedgerInvariants.Batch(row.getLong(1), row.getLong(2)))
                .list();
        List<LedgerInvariants.Block> blocks =
                jdbc.sql(BLOCK).query(this::mapBlock).list();
        List<LedgerInvariants.AccountFlow> accounts = jdbc.sql("""
                SELECT a.id, a.kind,
                       COALESCE((SELECT SUM(m.last_serial - m.first_serial + 1) FROM registry_movement m
                                  WHERE m.to_account_id = a.id), 0) AS units_in,
                       COALESCE((SELECT SUM(m.last_serial - m.first_serial + 1) FROM registry_movement m
                                  WHERE m.from_account_id = a.id), 0) AS units_out
                  FROM registry_account a ORDER BY a.id
                """)
                .query((row, n) -> new LedgerInvariants.AccountFlow(
                        row.getLong(1), AccountKind.valueOf(row.getString(2)), row.getLong(3), row.getLong(4)))
                .list();
        return new LedgerInvariants.Snapshot(batches, blocks, accounts);
    }

    // ---- mapping

    private AccountRow mapAccount(ResultSet row, int rowNumber) throws SQLException {
        return new AccountRow(
                row.getLong("id"),
                AccountKind.valueOf(row.getString("kind")),
                AccountStatus.valueOf(row.getString("status")),
                nullableLong(row, "owner_user_id"),
                nullableLong(row, "owner_organisation_id"),
                row.getObject("vintage", Integer.class),
                row.getString("holder_name"),
                instant(row, "requested_at"),
                instant(row, "decided_at"),
                row.getLong("head_entry_id"),
                row.getString("head_hash"));
    }

    private LedgerInvariants.Block mapBlock(ResultSet row, int rowNumber) throws SQLException {
        return new LedgerInvariants.Block(
                row.getLong("id"),
                row.getLong("batch_id"),
                row.getLong("first_serial"),
                row.getLong("last_serial"),
                row.getLong("account_id"),
                BlockStatus.valueOf(row.getString("status")));
    }

    private BatchRow mapBatch(ResultSet row, int rowNumber) throws SQLException {
        return new BatchRow(
                row.getLong("id"),
                row.getString("programme_prefix"),
                row.getLong("project_id"),
                row.getString("project_code"),
                row.getString("project_name"),
                row.getInt("vintage"),
                row.getInt("batch_number"),
                row.getString("methodology_version"),
                CreditType.valueOf(row.getString("credit_type")),
                row.getString("certifier"),
                row.getLong("issued_units"),
                instant(row, "issued_at"),
                row.getLong("entry_id"));
    }

    private JournalEntry entryHead(ResultSet row, int rowNumber) throws SQLException {
        return new JournalEntry(
                row.getLong("id"),
                Operation.valueOf(row.getString("operation")),
                nullableLong(row, "actor_user_id"),
                row.getString("idempotency_key"),
                row.getString("request_fingerprint"),
                row.getLong("credit_units"),
                row.getString("payload"),
                instant(row, "recorded_at"),
                JournalEntry.parseLinks(row.getString("chain_links")),
                List.of(),
                row.getString("hash"));
    }

    private JournalEntry withMovements(JournalEntry entry) {
        return withMovements(entry, movements(entry.id()));
    }

    private JournalEntry withMovements(JournalEntry entry, List<JournalEntry.Movement> movements) {
        return new JournalEntry(
                entry.id(),
                entry.operation(),
                entry.actorUserId(),
                entry.idempotencyKey(),
                entry.requestFingerprint(),
                entry.creditUnits(),
                entry.payload(),
                entry.recordedAt(),
                entry.links(),
                movements,
                entry.hash());
    }

    private static JournalEntry.Movement movement(ResultSet row) throws SQLException {
        return new JournalEntry.Movement(
                row.getLong("batch_id"),
                row.getLong("first_serial"),
                row.getLong("last_serial"),
                nullableLong(row, "from_account_id"),
                row.getLong("to_account_id"));
    }

    static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }
}
