package org.amamo.registry.internal;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the whole ledger as {@link LedgerInvariants} checks it: batches, blocks, and each account's flows. */
@Repository
class InvariantSnapshot {

    private final JdbcClient jdbc;

    InvariantSnapshot(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The snapshot; consistent when read in one repeatable-read transaction ({@link LedgerAudit}). */
    LedgerInvariants.Snapshot snapshot() {
        List<LedgerInvariants.Batch> batches = jdbc.sql("SELECT id, issued_units FROM registry_batch ORDER BY id")
                .query((row, n) -> new LedgerInvariants.Batch(row.getLong(1), row.getLong(2)))
                .list();
        List<LedgerInvariants.Block> blocks =
                jdbc.sql(BlockStore.BLOCK).query(BlockStore::mapBlock).list();
        List<LedgerInvariants.AccountFlow> accounts = jdbc.sql("""
                SELECT a.id, a.kind,
                       COALESCE((SELECT SUM(m.last_serial - m.first_serial + 1) FROM registry_movement m
                                  WHERE m.to_account_id = a.id), 0) AS units_in,
                       COALESCE((SELECT SUM(m.last_serial - m.first_serial + 1) FROM registry_movement m
                                  WHERE m.from_account_id = a.id), 0) AS units_out,
                       CASE WHEN a.kind = 'BUFFER' THEN
                       COALESCE((SELECT SUM(m.last_serial - m.first_serial + 1) FROM registry_movement m
                                   JOIN registry_account c ON c.id = m.to_account_id AND c.kind = 'CANCELLATION'
                                  WHERE m.from_account_id = a.id), 0) ELSE 0 END AS units_cancelled
                  FROM registry_account a ORDER BY a.id
                """)
                .query((row, n) -> new LedgerInvariants.AccountFlow(
                        row.getLong(1),
                        AccountKind.valueOf(row.getString(2)),
                        row.getLong(3),
                        row.getLong(4),
                        row.getLong(5)))
                .list();
        return new LedgerInvariants.Snapshot(batches, blocks, accounts);
    }
}
