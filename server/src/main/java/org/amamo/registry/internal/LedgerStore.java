package org.amamo.registry.internal;

import static org.amamo.platform.SqlTime.instant;
import static org.amamo.platform.SqlTime.utc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.amamo.registry.CreditType;
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
    private static final String BLOCK = "SELECT id, batch_id, first_serial, last_serial, account_id, status FROM registry_block ";

    private final JdbcClient jdbc;

    LedgerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- accounts

    Optional<AccountRow> account(long id) {
        return jdbc.sql(ACCOUNT + " WHERE id = ?").param(id).query(this::mapAccount).optional();
    }

    Optional<AccountRow> accountByOwnerKey(String ownerKey) {
        return jdbc.sql(ACCOUNT + " WHERE owner_key = ?").param(ownerKey).query(this::mapAccount).optional();
    }

    /**
     * Locks the accounts' rows in ascending id order, the one order every operation uses, so that two operations
     * touching the same accounts queue instead of deadlocking. Returns the rows as they are once locked.
     */
    List<AccountRow> lockAccounts(Collection<Long> ids) {
        return jdbc.sql(ACCOUNT + " WHERE id IN (:ids) ORDER BY id FOR UPDATE").param("ids", ids)
                .query(this::mapAccount).list();
    }

    long insertAccount(AccountKind kind, AccountStatus status, String ownerKey, Long userId, Long organisationId,
            Integer vintage, String holderName, Long requestedBy, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO registry_account (kind, status, owner_key, owner_user_id, owner_organisation_id, vintage,
                                              holder_name, requested_by, requested_at, decided_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(kind.name(), status.name(), ownerKey, userId, organisationId, vintage, holderName,
                requestedBy, utc(now), status == AccountStatus.REQUESTED ? null : utc(now)).update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    void decide(long accountId, AccountStatus status, Long decidedBy, Instant now) {
        jdbc.sql("""
                UPDATE registry_account SET status = ?, decided_by = ?, decided_at = ?,
                       owner_key = CASE WHEN ? = 'REJECTED' THEN NULL ELSE owner_key END
                 WHERE id = ?
                """).params(status.name(), decidedBy, utc(now), status.name(), accountId).update();
    }

    void moveHead(long accountId, long entryId, String hash) {
        jdbc.sql("UPDATE registry_account SET head_entry_id = ?, head_hash = ? WHERE id = ?")
                .params(entryId, hash, accountId).update();
    }

    /** The name of an organisation, if it exists (the registry names holders on statements and records). */
    Optional<String> organisationName(long organisationId) {
        return jdbc.sql("SELECT name FROM organisation WHERE id = ?").param(organisationId).query(String.class)
                .optional();
    }

    // ---- blocks

    /** The units of an account's blocks (active ones for a holding account). */
    long balance(long accountId) {
        return jdbc.sql("SELECT COALESCE(SUM(last_serial - first_serial + 1), 0) FROM registry_block WHERE account_id = ?")
                .param(accountId).query(Long.class).single();
    }

    /** An account's active blocks, lowest batch and serial first, at most {@code limit}. */
    List<LedgerInvariants.Block> activeBlocks(long accountId, int limit) {
        return jdbc.sql(BLOCK + """
                WHERE account_id = ? AND status = 'ACTIVE' ORDER BY batch_id, first_serial LIMIT ? FOR UPDATE
                """).params(accountId, limit).query(this::mapBlock).list();
    }

    /** Blocks of a batch that overlap {@code first..last}, by serial; locked when {@code lock}. */
    List<LedgerInvariants.Block> overlapping(long batchId, long first, long last, boolean lock) {
        return jdbc.sql(BLOCK + "WHERE batch_id = ? AND last_serial >= ? AND first_serial <= ? ORDER BY first_serial"
                + (lock ? " FOR UPDATE" : "")).params(batchId, first, last).query(this::mapBlock).list();
    }

    long insertBlock(long batchId, long first, long last, long accountId, BlockStatus status) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO registry_block (batch_id, first_serial, last_serial, account_id, status) VALUES (?, ?, ?, ?, ?)")
                .params(batchId, first, last, accountId, status.name()).update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    void resizeBlock(long blockId, long first, long last) {
        jdbc.sql("UPDATE registry_block SET first_serial = ?, last_serial = ? WHERE id = ?")
                .params(first, last, blockId).update();
    }

    void deleteBlock(long blockId) {
        jdbc.sql("DELETE FROM registry_block WHERE id = ?").param(blockId).update();
    }

    /** The active block of an account in a batch that ends at {@code lastSerial}, if any. */
    Optional<LedgerInvariants.Block> activeEndingAt(long accountId, long batchId, long lastSerial) {
        return jdbc.sql(BLOCK + "WHERE account_id = ? AND status = 'ACTIVE' AND batch_id = ? AND last_serial = ?")
                .params(accountId, batchId, lastSerial).query(this::mapBlock).optional();
    }

    /** The active block of an account in a batch that starts at {@code firstSerial}, if any. */
    Optional<LedgerInvariants.Block> activeStartingAt(long accountId, long batchId, long firstSerial) {
        return jdbc.sql(BLOCK + "WHERE account_id = ? AND status = 'ACTIVE' AND batch_id = ? AND first_serial = ?")
                .params(accountId, batchId, firstSerial).query(this::mapBlock).optional();
    }

    // ---- batches

    record BatchRow(long id, String programmePrefix, long projectId, String projectCode, String projectName,
            int vintage, int batchNumber, String methodologyVersion, CreditType creditType, String certifier,
            long issuedUnits, Instant issuedAt, long entryId) {
    }

    private static final String BATCH = """
            SELECT id, programme_prefix, project_id, project_code, project_name, vintage, batch_number,
                   methodology_version, credit_type, certifier, issued_units, issued_at, entry_id FROM registry_batch
            """;

    Optional<BatchRow> batch(long id) {
        return jdbc.sql(BATCH + " WHERE id = ?").param(id).query(this::mapBatch).optional();
    }

    List<BatchRow> batches(Collection<Long> ids) {
        return ids.isEmpty() ? List.of()
                : jdbc.sql(BATCH + " WHERE id IN (:ids) ORDER BY id").param("ids", ids).query(this::mapBatch).list();
    }

    Optional<BatchRow> batch(String prefix, String projectCode, int vintage, int batchNumber) {
        return jdbc.sql(BATCH + " WHERE programme_prefix = ? AND project_code = ? AND vintage = ? AND batch_number = ?")
                .params(prefix, projectCode, vintage, batchNumber).query(this::mapBatch).optional();
    }

    int nextBatchNumber(String prefix, String projectCode, int vintage) {
        return jdbc.sql("""
                SELECT COALESCE(MAX(batch_number), 0) + 1 FROM registry_batch
                 WHERE programme_prefix = ? AND project_code = ? AND vintage = ?
                """).params(prefix, projectCode, vintage).query(Integer.class).single();
    }

    long insertBatch(BatchRow batch) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO registry_batch (programme_prefix, project_id, project_code, project_name, vintage,
                       batch_number, methodology_version, credit_type, certifier, issued_units, issued_at, entry_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(batch.programmePrefix(), batch.projectId(), batch.projectCode(), batch.projectName(),
                batch.vintage(), batch.batchNumber(), batch.methodologyVersion(), batch.creditType().name(),
                batch.certifier(), batch.issuedUnits(), utc(batch.issuedAt()), batch.entryId()).update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    // ---- journal

    long nextEntryId() {
        return jdbc.sql("SELECT nextval('registry_journal_entry_seq')").query(Long.class).single();
    }

    void insertEntry(JournalEntry entry) {
        jdbc.sql("""
                INSERT INTO registry_journal_entry (id, operation, actor_user_id, idempotency_key, request_fingerprint,
                       credit_units, payload, recorded_at, chain_links, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(entry.id(), entry.operation().name(), entry.actorUserId(), entry.idempotencyKey(),
                entry.requestFingerprint(), entry.creditUnits(), entry.payload(), utc(entry.recordedAt()),
                entry.linksText(), entry.hash()).update();
        for (JournalEntry.Movement movement : entry.movements()) {
            jdbc.sql("""
                    INSERT INTO registry_movement (entry_id, batch_id, first_serial, last_serial, from_account_id,
                                                   to_account_id)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """).params(entry.id(), movement.batchId(), movement.firstSerial(), movement.lastSerial(),
                    movement.fromAccountId(), movement.toAccountId()).update();
        }
    }

    private static final String ENTRY = """
            SELECT id, operation, actor_user_id, idempotency_key, request_fingerprint, credit_units, payload,
                   recorded_at, chain_links, hash FROM registry_journal_entry
            """;

    Optional<JournalEntry> entryByKey(String idempotencyKey) {
        return jdbc.sql(ENTRY + " WHERE idempotency_key = ?").param(idempotencyKey).query(this::entryHead).optional()
                .map(this::withMovements);
    }

    Optional<JournalEntry> entry(long id) {
        return jdbc.sql(ENTRY + " WHERE id = ?").param(id).query(this::entryHead).optional().map(this::withMovements);
    }

    /** Entries with ids above {@code afterId}, in id order, with their movements. */
    List<JournalEntry> entriesAfter(long afterId, int limit) {
        List<JournalEntry> heads = jdbc.sql(ENTRY + " WHERE id > ? ORDER BY id LIMIT ?").params(afterId, limit)
                .query(this::entryHead).list();
        if (heads.isEmpty()) {
            return heads;
        }
        long last = heads.get(heads.size() - 1).id();
        java.util.Map<Long, List<JournalEntry.Movement>> moves = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT entry_id, batch_id, first_serial, last_serial, from_account_id, to_account_id
                  FROM registry_movement WHERE entry_id > ? AND entry_id <= ? ORDER BY entry_id, id
                """).params(afterId, last).query((row, n) -> {
                    moves.computeIfAbsent(row.getLong("entry_id"), id -> new java.util.ArrayList<>()).add(movement(row));
                    return null;
                }).list();
        return heads.stream().map(entry -> withMovements(entry, moves.getOrDefault(entry.id(), List.of()))).toList();
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

    // ---- retirements

    long insertRetirement(long entryId, long accountId, RetirementDisclosure disclosure, long units, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO registry_retirement (entry_id, account_id, beneficiary, purpose, emissions_offset,
                       reporting_year, note, credit_units, retired_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(entryId, accountId, disclosure.beneficiary(), disclosure.purpose().name(),
                disclosure.emissionsOffset(), disclosure.reportingYear(), disclosure.note(), units, utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    Optional<Long> retirementOfEntry(long entryId) {
        return jdbc.sql("SELECT id FROM registry_retirement WHERE entry_id = ?").param(entryId).query(Long.class)
                .optional();
    }

    // ---- the invariants' snapshot

    LedgerInvariants.Snapshot snapshot() {
        List<LedgerInvariants.Batch> batches = jdbc.sql("SELECT id, issued_units FROM registry_batch ORDER BY id")
                .query((row, n) -> new LedgerInvariants.Batch(row.getLong(1), row.getLong(2))).list();
        List<LedgerInvariants.Block> blocks = jdbc.sql(BLOCK).query(this::mapBlock).list();
        List<LedgerInvariants.AccountFlow> accounts = jdbc.sql("""
                SELECT a.id, a.kind,
                       COALESCE((SELECT SUM(m.last_serial - m.first_serial + 1) FROM registry_movement m
                                  WHERE m.to_account_id = a.id), 0) AS units_in,
                       COALESCE((SELECT SUM(m.last_serial - m.first_serial + 1) FROM registry_movement m
                                  WHERE m.from_account_id = a.id), 0) AS units_out
                  FROM registry_account a ORDER BY a.id
                """).query((row, n) -> new LedgerInvariants.AccountFlow(row.getLong(1),
                AccountKind.valueOf(row.getString(2)), row.getLong(3), row.getLong(4))).list();
        return new LedgerInvariants.Snapshot(batches, blocks, accounts);
    }

    // ---- mapping

    private AccountRow mapAccount(ResultSet row, int rowNumber) throws SQLException {
        return new AccountRow(row.getLong("id"), AccountKind.valueOf(row.getString("kind")),
                AccountStatus.valueOf(row.getString("status")), nullableLong(row, "owner_user_id"),
                nullableLong(row, "owner_organisation_id"), row.getObject("vintage", Integer.class),
                row.getString("holder_name"), instant(row, "requested_at"), instant(row, "decided_at"),
                row.getLong("head_entry_id"), row.getString("head_hash"));
    }

    private LedgerInvariants.Block mapBlock(ResultSet row, int rowNumber) throws SQLException {
        return new LedgerInvariants.Block(row.getLong("id"), row.getLong("batch_id"), row.getLong("first_serial"),
                row.getLong("last_serial"), row.getLong("account_id"), BlockStatus.valueOf(row.getString("status")));
    }

    private BatchRow mapBatch(ResultSet row, int rowNumber) throws SQLException {
        return new BatchRow(row.getLong("id"), row.getString("programme_prefix"), row.getLong("project_id"),
                row.getString("project_code"), row.getString("project_name"), row.getInt("vintage"),
                row.getInt("batch_number"), row.getString("methodology_version"),
                CreditType.valueOf(row.getString("credit_type")), row.getString("certifier"),
                row.getLong("issued_units"), instant(row, "issued_at"), row.getLong("entry_id"));
    }

    private JournalEntry entryHead(ResultSet row, int rowNumber) throws SQLException {
        return new JournalEntry(row.getLong("id"), Operation.valueOf(row.getString("operation")),
                nullableLong(row, "actor_user_id"), row.getString("idempotency_key"),
                row.getString("request_fingerprint"), row.getLong("credit_units"), row.getString("payload"),
                instant(row, "recorded_at"), JournalEntry.parseLinks(row.getString("chain_links")), List.of(),
                row.getString("hash"));
    }

    private JournalEntry withMovements(JournalEntry entry) {
        return withMovements(entry, movements(entry.id()));
    }

    private JournalEntry withMovements(JournalEntry entry, List<JournalEntry.Movement> movements) {
        return new JournalEntry(entry.id(), entry.operation(), entry.actorUserId(), entry.idempotencyKey(),
                entry.requestFingerprint(), entry.creditUnits(), entry.payload(), entry.recordedAt(), entry.links(),
                movements, entry.hash());
    }

    private static JournalEntry.Movement movement(ResultSet row) throws SQLException {
        return new JournalEntry.Movement(row.getLong("batch_id"), row.getLong("first_serial"),
                row.getLong("last_serial"), nullableLong(row, "from_account_id"), row.getLong("to_account_id"));
    }

    static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }
}
