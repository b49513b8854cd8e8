package org.amamo.registry.internal;

import java.util.List;
import org.amamo.registry.CreditBatch;
import org.amamo.registry.HeldCredits;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads of one batch's blocks within an account, for the market's operations ({@link MarketDesk}), which move units
 * of a named batch rather than the blocks a plain transfer draws on ({@link DrawRank}). Kept apart from
 * the stores ({@link BlockStore}) so that the plain operations' SQL stays as it is.
 */
@Repository
class BatchBlocks {

    private final JdbcClient jdbc;

    BatchBlocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An account's active blocks of one batch, lowest serial first, at most {@code limit}, locked. */
    List<LedgerInvariants.Block> activeLocked(long accountId, long batchId, int limit) {
        return jdbc.sql("""
                SELECT id, batch_id, first_serial, last_serial, account_id, status FROM registry_block
                 WHERE account_id = ? AND status = 'ACTIVE' AND batch_id = ? ORDER BY first_serial LIMIT ? FOR UPDATE
                """)
                .params(accountId, batchId, limit)
                .query((row, n) -> new LedgerInvariants.Block(
                        row.getLong(1),
                        row.getLong(2),
                        row.getLong(3),
                        row.getLong(4),
                        row.getLong(5),
                        BlockStatus.valueOf(row.getString(6))))
                .list();
    }

    /** The active units of one batch in an account. */
    long units(long accountId, long batchId) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(last_serial - first_serial + 1), 0) FROM registry_block
                 WHERE account_id = ? AND batch_id = ? AND status = 'ACTIVE'
                """).params(accountId, batchId).query(Long.class).single();
    }

    /** Units per batch in the open holding accounts of a user and of their organisation. */
    List<HeldCredits> held(long userId, Long organisationId) {
        return jdbc.sql("""
                SELECT a.id AS account_id, a.holder_name, b.id AS batch_id, b.programme_prefix, b.project_id,
                       b.project_code, b.project_name, b.vintage, b.batch_number,
                       SUM(k.last_serial - k.first_serial + 1) AS units
                  FROM registry_account a
                  JOIN registry_block k ON k.account_id = a.id AND k.status = 'ACTIVE'
                  JOIN registry_batch b ON b.id = k.batch_id
                 WHERE a.kind = 'HOLDING' AND a.status = 'OPEN'
                   AND (a.owner_user_id = :user OR a.owner_organisation_id = :organisation)
                 GROUP BY a.id, a.holder_name, b.id, b.programme_prefix, b.project_id, b.project_code, b.project_name,
                          b.vintage, b.batch_number
                 ORDER BY a.id, b.id
                """)
                .param("user", userId)
                .param("organisation", organisationId)
                .query((row, n) -> new HeldCredits(
                        row.getLong("account_id"),
                        row.getString("holder_name"),
                        batch(new BatchStore.BatchRow(
                                row.getLong("batch_id"),
                                row.getString("programme_prefix"),
                                row.getLong("project_id"),
                                row.getString("project_code"),
                                row.getString("project_name"),
                                row.getInt("vintage"),
                                row.getInt("batch_number"),
                                null,
                                null,
                                null,
                                0,
                                null,
                                0)),
                        row.getLong("units")))
                .list();
    }

    static CreditBatch batch(BatchStore.BatchRow row) {
        return new CreditBatch(
                row.id(),
                Journal.serialRange(row, 1, 1).batchText(),
                row.projectId(),
                row.projectCode(),
                row.projectName(),
                row.vintage());
    }
}
