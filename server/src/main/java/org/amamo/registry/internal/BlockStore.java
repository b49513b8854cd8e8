package org.amamo.registry.internal;

import static org.amamo.registry.internal.StatementChunks.forEachChunk;
import static org.amamo.registry.internal.StatementChunks.placeholders;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ledger's blocks: which account holds which serials of a credit batch, with what status. Every change to an
 * account's blocks happens under the account's row lock ({@link AccountStore#lockAccounts}).
 */
@Repository
public class BlockStore {

    static final String BLOCK =
            "SELECT id, batch_id, first_serial, last_serial, account_id, status FROM registry_block ";

    /** Rows per multi-row statement, far below either database's limit on parameters. */
    private static final int ROWS_PER_STATEMENT = 200;

    private final JdbcClient jdbc;
    private final JdbcTemplate statements;

    BlockStore(JdbcClient jdbc, JdbcTemplate statements) {
        this.jdbc = jdbc;
        this.statements = statements;
    }

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
                .query(BlockStore::mapBlock)
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
                """.formatted(DrawRank.SQL_ORDER, placeholders(ids.size(), "?"), cases);
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
    public List<LedgerInvariants.Block> overlapping(long batchId, long first, long last, boolean lock) {
        return overlapping(batchId, first, last, lock, Integer.MAX_VALUE);
    }

    /** The first {@code limit} blocks of {@link #overlapping(long, long, long, boolean)}, by serial. */
    public List<LedgerInvariants.Block> overlapping(long batchId, long first, long last, boolean lock, int limit) {
        return jdbc.sql(BLOCK + """
                WHERE batch_id = :batch AND first_serial <= :last AND last_serial >= :first
                  AND first_serial >= COALESCE((SELECT MAX(first_serial) FROM registry_block
                                                 WHERE batch_id = :batch AND first_serial <= :first), 0)
                ORDER BY first_serial LIMIT :limit""" + (lock ? " FOR UPDATE" : ""))
                .param("batch", batchId)
                .param("first", first)
                .param("last", last)
                .param("limit", limit)
                .query(BlockStore::mapBlock)
                .list();
    }

    /** A block to add: serials {@code firstSerial..lastSerial} of a batch, held by an account with a status. */
    record NewBlock(long batchId, long firstSerial, long lastSerial, long accountId, BlockStatus status) {}

    /** Adds blocks, many per statement. */
    void insertBlocks(List<NewBlock> blocks) {
        forEachChunk(blocks, ROWS_PER_STATEMENT, chunk -> {
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
                            + placeholders(chunk.size(), "(?, ?, ?, ?, ?)"))
                    .params(params)
                    .update();
        });
    }

    void resizeBlock(long blockId, long first, long last) {
        jdbc.sql("UPDATE registry_block SET first_serial = ?, last_serial = ? WHERE id = ?")
                .params(first, last, blockId)
                .update();
    }

    /** Removes blocks, many per statement. */
    void deleteBlocks(List<Long> blockIds) {
        forEachChunk(
                blockIds,
                ROWS_PER_STATEMENT,
                chunk -> jdbc.sql("DELETE FROM registry_block WHERE id IN (:ids)")
                        .param("ids", chunk)
                        .update());
    }

    /**
     * For each probe (an account and a range of serials of a batch), the account's active block of that batch that
     * starts just after the range and the one that ends just before it, if any, in one query per {@value #ROWS_PER_STATEMENT} probes. Both are found through the index on
     * (batch, first serial): the block ending at serial s is the block holding s, the one with the greatest first
     * serial at or below s, since the blocks of a batch never overlap.
     */
    List<LedgerInvariants.Block> activeTouching(List<WorkingBlocks.Probe> probes) {
        List<LedgerInvariants.Block> touching = new ArrayList<>();
        forEachChunk(probes, ROWS_PER_STATEMENT, chunk -> {
            List<Object> values = new ArrayList<>(chunk.size() * 4);
            for (WorkingBlocks.Probe probe : chunk) {
                values.addAll(
                        List.of(probe.accountId(), probe.batchId(), probe.firstSerial() - 1, probe.lastSerial() + 1));
            }
            List<Object> params = new ArrayList<>(values);
            params.addAll(values);
            touching.addAll(jdbc.sql("""
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
                    """.formatted(placeholders(chunk.size(), "(?, ?, ?, ?)")))
                    .params(params)
                    .query(BlockStore::mapBlock)
                    .list());
        });
        return touching;
    }

    /** Gives blocks new serials (same ids, accounts and status), in one statement batch. */
    void resizeBlocks(List<LedgerInvariants.Block> blocks) {
        statements.batchUpdate(
                "UPDATE registry_block SET first_serial = ?, last_serial = ? WHERE id = ?",
                blocks.stream()
                        .map(block -> new Object[] {block.firstSerial(), block.lastSerial(), block.id()})
                        .toList());
    }

    static LedgerInvariants.Block mapBlock(ResultSet row, int rowNumber) throws SQLException {
        return new LedgerInvariants.Block(
                row.getLong("id"),
                row.getLong("batch_id"),
                row.getLong("first_serial"),
                row.getLong("last_serial"),
                row.getLong("account_id"),
                BlockStatus.valueOf(row.getString("status")));
    }
}
