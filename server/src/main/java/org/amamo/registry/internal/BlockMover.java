package org.amamo.registry.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Moves serial ranges between accounts by splitting, shrinking and merging blocks. Callers hold the row locks of
 * every account whose blocks change (the source and, for active units, the destination).
 */
@Component
class BlockMover {

    private final LedgerStore store;

    BlockMover(LedgerStore store) {
        this.store = store;
    }

    /** Part of a block to take: serials {@code firstSerial..lastSerial} of {@code block}. */
    record Piece(LedgerInvariants.Block block, long firstSerial, long lastSerial) {

        long units() {
            return lastSerial - firstSerial + 1;
        }
    }

    /** What an account can give: its balance, and the pieces of its lowest serials (null: too many blocks). */
    record Taken(long balance, List<Piece> pieces) {
    }

    /**
     * The account's balance and the lowest {@code units} serials of its active blocks (lowest batch first, then
     * lowest serial), read in one query. The pieces are null if the balance falls short or the serials are spread
     * over more than {@code maxBlocks} blocks. The caller holds the account's row lock.
     */
    Taken lowest(long accountId, long units, int maxBlocks) {
        LedgerStore.Lowest lowest = store.lowestActive(accountId, units, maxBlocks);
        List<Piece> pieces = new ArrayList<>();
        long left = units;
        for (LedgerInvariants.Block block : lowest.blocks()) {
            long take = Math.min(left, block.units());
            pieces.add(new Piece(block, block.firstSerial(), block.firstSerial() + take - 1));
            left -= take;
            if (left == 0) {
                return new Taken(lowest.balance(), pieces);
            }
        }
        return new Taken(lowest.balance(), null);
    }

    /** Moves a piece to an account, where it takes the given status; returns the journal's movement. */
    JournalEntry.Movement move(Piece piece, long toAccountId, BlockStatus status) {
        LedgerInvariants.Block block = piece.block();
        cut(block, piece.firstSerial(), piece.lastSerial());
        place(toAccountId, status, block.batchId(), piece.firstSerial(), piece.lastSerial());
        return new JournalEntry.Movement(block.batchId(), piece.firstSerial(), piece.lastSerial(), block.accountId(),
                toAccountId);
    }

    /** Removes serials {@code first..last} from a block that contains them, splitting it if they lie inside. */
    private void cut(LedgerInvariants.Block block, long first, long last) {
        boolean fromStart = first == block.firstSerial();
        boolean toEnd = last == block.lastSerial();
        if (fromStart && toEnd) {
            store.deleteBlock(block.id());
        } else if (fromStart) {
            store.resizeBlock(block.id(), last + 1, block.lastSerial());
        } else if (toEnd) {
            store.resizeBlock(block.id(), block.firstSerial(), first - 1);
        } else {
            store.resizeBlock(block.id(), block.firstSerial(), first - 1);
            store.insertBlock(block.batchId(), last + 1, block.lastSerial(), block.accountId(), block.status());
        }
    }

    /**
     * Adds serials to an account. Active units merge with the account's adjacent active blocks of the same batch, so
     * that blocks stay few however often units go back and forth; retired and cancelled units keep their own block,
     * which never changes again.
     */
    void place(long accountId, BlockStatus status, long batchId, long first, long last) {
        if (status != BlockStatus.ACTIVE) {
            store.insertBlock(batchId, first, last, accountId, status);
            return;
        }
        List<LedgerInvariants.Block> touching = store.activeTouching(accountId, batchId, first, last);
        var left = touching.stream().filter(block -> block.lastSerial() == first - 1).findFirst();
        var right = touching.stream().filter(block -> block.firstSerial() == last + 1).findFirst();
        if (left.isPresent() && right.isPresent()) {
            store.deleteBlock(right.get().id());
            store.resizeBlock(left.get().id(), left.get().firstSerial(), right.get().lastSerial());
        } else if (left.isPresent()) {
            store.resizeBlock(left.get().id(), left.get().firstSerial(), last);
        } else if (right.isPresent()) {
            store.resizeBlock(right.get().id(), first, right.get().lastSerial());
        } else {
            store.insertBlock(batchId, first, last, accountId, status);
        }
    }
}
