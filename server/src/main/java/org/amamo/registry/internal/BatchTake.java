package org.amamo.registry.internal;

import java.util.ArrayList;
import java.util.List;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.springframework.stereotype.Component;

/**
 * Takes the lowest serials of one batch from a locked account: what the market's moves ({@link MarketDesk}) and a
 * holder's selected transfers and retirements ({@link Registry}) take, rather than the largest blocks first.
 */
@Component
class BatchTake {

    private final BatchBlocks blocks;

    BatchTake(BatchBlocks blocks) {
        this.blocks = blocks;
    }

    /** The active units of one batch in an account. */
    long held(long accountId, long batchId) {
        return blocks.units(accountId, batchId);
    }

    /** The lowest serials worth {@code units} of one batch in a locked account, in at most {@code maxBlocks}. */
    Outcome<List<BlockMover.Piece>> take(long accountId, long batchId, long units, int maxBlocks) {
        long held = blocks.units(accountId, batchId);
        if (held < units) {
            return Outcome.refused(
                    RefusalKind.CONFLICT, Refusal.of("creditUnits", "registry.batch.insufficient", units, held));
        }
        List<BlockMover.Piece> pieces = new ArrayList<>();
        long left = units;
        for (LedgerInvariants.Block block : blocks.activeLocked(accountId, batchId, maxBlocks)) {
            long part = Math.min(left, block.units());
            pieces.add(new BlockMover.Piece(block, block.firstSerial(), block.firstSerial() + part - 1));
            left -= part;
            if (left == 0) {
                return Outcome.done(pieces);
            }
        }
        return Outcome.refused(
                RefusalKind.CONFLICT,
                Refusal.of("creditUnits", "registry.blocks.too-many", Registry.MAX_BLOCKS_PER_OPERATION));
    }
}
