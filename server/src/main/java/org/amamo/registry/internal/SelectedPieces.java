package org.amamo.registry.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.amamo.registry.SerialRange;
import org.springframework.stereotype.Component;

/**
 * The serials a holder's selection ({@link CreditSelection}) names within a locked account: the batches it stands
 * for, then the pieces of the account's active blocks that a transfer or retirement of the selected credits takes.
 */
@Component
class SelectedPieces {

    private final BatchStore batchStore;
    private final BlockStore blockStore;
    private final BatchTake batchTake;

    SelectedPieces(BatchStore batchStore, BlockStore blockStore, BatchTake batchTake) {
        this.batchStore = batchStore;
        this.blockStore = blockStore;
        this.batchTake = batchTake;
    }

    /** The batches the selection names, lowest batch number first, or not found (naming the selection's field). */
    Outcome<List<BatchStore.BatchRow>> batches(CreditSelection selection) {
        if (selection instanceof CreditSelection.ByBatch batch) {
            return batchStore
                    .batch(batch.programmePrefix(), batch.projectCode(), batch.vintage(), batch.batchNumber())
                    .map(row -> Outcome.done(List.of(row)))
                    .orElseGet(() -> notFound("batch", "registry.selection.batch-not-found"));
        }
        if (selection instanceof CreditSelection.BySerialRange selected) {
            SerialRange range = selected.range();
            Optional<BatchStore.BatchRow> row = batchStore
                    .batch(range.programmePrefix(), range.projectCode(), range.vintage(), range.batchNumber())
                    .filter(found -> range.firstSerial() <= found.issuedUnits());
            if (row.isEmpty()) {
                return notFound("serialRange", "registry.serial.not-found");
            }
            if (range.lastSerial() > row.get().issuedUnits()) {
                // The range starts in the batch and runs on past its last serial: a range lies within one batch.
                return Outcome.refused(
                        RefusalKind.CONFLICT,
                        Refusal.of(
                                "serialRange",
                                "registry.selection.beyond-batch",
                                range.batchText(),
                                row.get().issuedUnits()));
            }
            return Outcome.done(List.of(row.get()));
        }
        CreditSelection.ByProjectVintage project = (CreditSelection.ByProjectVintage) selection;
        List<BatchStore.BatchRow> rows = batchStore.batchesOf(project.projectCode(), project.vintage());
        return rows.isEmpty() ? notFound("projectCode", "registry.selection.project-not-found") : Outcome.done(rows);
    }

    /** The pieces worth {@code units} of the selected batches that the locked account gives, or why not. */
    Outcome<List<BlockMover.Piece>> take(
            long accountId, CreditSelection selection, List<BatchStore.BatchRow> batches, long units) {
        if (selection instanceof CreditSelection.BySerialRange selected) {
            return range(accountId, batches.get(0).id(), selected.range());
        }
        String field = selection instanceof CreditSelection.ByBatch ? "batch" : "projectCode";
        long held = batches.stream()
                .mapToLong(batch -> batchTake.held(accountId, batch.id()))
                .sum();
        if (held < units) {
            return Outcome.refused(
                    RefusalKind.CONFLICT, Refusal.of(field, "registry.selection.insufficient", units, held));
        }
        List<BlockMover.Piece> pieces = new ArrayList<>();
        long left = units;
        for (BatchStore.BatchRow batch : batches) {
            long part = Math.min(left, batchTake.held(accountId, batch.id()));
            if (part == 0) {
                continue;
            }
            Outcome<List<BlockMover.Piece>> taken =
                    batchTake.take(accountId, batch.id(), part, Registry.MAX_BLOCKS_PER_OPERATION - pieces.size());
            if (taken.refused()) {
                return taken;
            }
            pieces.addAll(taken.value());
            left -= part;
            if (left == 0) {
                break;
            }
        }
        return Outcome.done(pieces);
    }

    /**
     * Exactly the serials of the range, which must all lie in the account's active blocks; otherwise a conflict that
     * says what is not the account's to give: retired, cancelled, or held by another account.
     */
    private Outcome<List<BlockMover.Piece>> range(long accountId, long batchId, SerialRange range) {
        // The account's row lock guards its blocks; the others are only read to say why they cannot be taken. The
        // read stops one block past the limit, however fragmented the batch is within the range.
        List<LedgerInvariants.Block> blocks = blockStore.overlapping(
                batchId, range.firstSerial(), range.lastSerial(), false, Registry.MAX_RANGE_PIECES + 1);
        if (blocks.size() > Registry.MAX_RANGE_PIECES) {
            return Outcome.refused(
                    RefusalKind.CONFLICT,
                    Refusal.of(
                            "serialRange",
                            "registry.selection.range-too-fragmented",
                            range.format(),
                            Registry.MAX_RANGE_PIECES));
        }
        List<BlockMover.Piece> pieces = new ArrayList<>();
        long covered = 0;
        for (LedgerInvariants.Block block : blocks) {
            if (block.status() != BlockStatus.ACTIVE || block.accountId() != accountId) {
                String why = block.status() == BlockStatus.RETIRED
                        ? "registry.selection.retired"
                        : block.status() == BlockStatus.CANCELLED
                                ? "registry.selection.cancelled"
                                : "registry.selection.not-held";
                return Outcome.refused(RefusalKind.CONFLICT, Refusal.of("serialRange", why, range.format()));
            }
            long first = Math.max(block.firstSerial(), range.firstSerial());
            long last = Math.min(block.lastSerial(), range.lastSerial());
            pieces.add(new BlockMover.Piece(block, first, last));
            covered += last - first + 1;
        }
        if (covered != range.creditUnits()) {
            return Outcome.refused(
                    RefusalKind.CONFLICT, Refusal.of("serialRange", "registry.selection.not-held", range.format()));
        }
        return Outcome.done(pieces);
    }

    private static <T> Outcome<T> notFound(String field, String messageKey) {
        return Outcome.refused(RefusalKind.NOT_FOUND, Refusal.of(field, messageKey));
    }
}
