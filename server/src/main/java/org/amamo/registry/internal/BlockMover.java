package org.amamo.registry.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.springframework.stereotype.Component;

/**
 * Moves serial ranges between accounts by splitting, shrinking and merging blocks. Callers hold the row locks of
 * every account whose blocks change (the sources and, for active units, the destination).
 *
 * <p>An operation may take several pieces (its serials may lie in several blocks), so the pieces
 * are moved together: the wholly taken blocks leave in one statement, the destination's neighbours of every piece are
 * read in one query, and the new blocks arrive in one multi-row insert. Only a partly taken block or a merge with a
 * neighbour costs a statement of its own.
 */
@Component
class BlockMover {

    private final BlockStore blockStore;

    BlockMover(BlockStore blockStore) {
        this.blockStore = blockStore;
    }

    /** Part of a block to take: serials {@code firstSerial..lastSerial} of {@code block}. */
    record Piece(LedgerInvariants.Block block, long firstSerial, long lastSerial) {

        Piece {
            if (firstSerial < block.firstSerial() || lastSerial > block.lastSerial() || lastSerial < firstSerial) {
                throw new IllegalArgumentException(
                        "a piece lies inside its block: " + firstSerial + ".." + lastSerial + " of " + block);
            }
        }

        long units() {
            return lastSerial - firstSerial + 1;
        }

        boolean wholeBlock() {
            return firstSerial == block.firstSerial() && lastSerial == block.lastSerial();
        }
    }

    /** Moves pieces to one account, where they take the given status; one journal movement per piece, in order. */
    List<JournalEntry.Movement> move(List<Piece> pieces, long toAccountId, BlockStatus status) {
        return move(pieces, piece -> toAccountId, status);
    }

    /**
     * Moves each piece to the account {@code destination} names for it, where it takes the given status; returns
     * one journal movement per piece, in the pieces' order. The pieces lie in distinct blocks, and active units never
     * move to the account they come from.
     */
    List<JournalEntry.Movement> move(List<Piece> pieces, ToLongFunction<Piece> destination, BlockStatus status) {
        Set<Long> blocks = new HashSet<>();
        List<JournalEntry.Movement> movements = new ArrayList<>(pieces.size());
        for (Piece piece : pieces) {
            long to = destination.applyAsLong(piece);
            if (!blocks.add(piece.block().id())
                    || (status == BlockStatus.ACTIVE && to == piece.block().accountId())) {
                throw new IllegalArgumentException("pieces must lie in distinct blocks of other accounts: " + pieces);
            }
            movements.add(new JournalEntry.Movement(
                    piece.block().batchId(),
                    piece.firstSerial(),
                    piece.lastSerial(),
                    piece.block().accountId(),
                    to));
        }
        blockStore.deleteBlocks(pieces.stream()
                .filter(Piece::wholeBlock)
                .map(piece -> piece.block().id())
                .toList());
        pieces.stream()
                .filter(piece -> !piece.wholeBlock())
                .forEach(piece -> cutPart(piece.block(), piece.firstSerial(), piece.lastSerial()));
        Map<Long, List<BlockStore.NewBlock>> arriving = new LinkedHashMap<>();
        for (JournalEntry.Movement movement : movements) {
            arriving.computeIfAbsent(movement.toAccountId(), account -> new ArrayList<>())
                    .add(new BlockStore.NewBlock(
                            movement.batchId(),
                            movement.firstSerial(),
                            movement.lastSerial(),
                            movement.toAccountId(),
                            status));
        }
        arriving.forEach((account, ranges) -> place(account, status, ranges));
        return movements;
    }

    /** Adds serials {@code first..last} of a batch to an account (issuance to an initial holder). */
    void place(long accountId, BlockStatus status, long batchId, long first, long last) {
        place(accountId, status, List.of(new BlockStore.NewBlock(batchId, first, last, accountId, status)));
    }

    /** Removes serials {@code first..last} from a block that holds more than them, splitting it if they lie inside. */
    private void cutPart(LedgerInvariants.Block block, long first, long last) {
        boolean fromStart = first == block.firstSerial();
        boolean toEnd = last == block.lastSerial();
        if (fromStart) {
            blockStore.resizeBlock(block.id(), last + 1, block.lastSerial());
        } else if (toEnd) {
            blockStore.resizeBlock(block.id(), block.firstSerial(), first - 1);
        } else {
            blockStore.resizeBlock(block.id(), block.firstSerial(), first - 1);
            blockStore.insertBlocks(List.of(new BlockStore.NewBlock(
                    block.batchId(), last + 1, block.lastSerial(), block.accountId(), block.status())));
        }
    }

    /**
     * Adds ranges to an account. Active units merge with the account's adjacent active blocks of the same batch, so
     * that blocks stay few however often units go back and forth; retired and cancelled units keep their own block,
     * which never changes again.
     */
    private void place(long accountId, BlockStatus status, List<BlockStore.NewBlock> ranges) {
        if (status != BlockStatus.ACTIVE) {
            blockStore.insertBlocks(ranges);
            return;
        }
        List<BlockStore.NewBlock> joined = joined(ranges);
        Neighbours neighbours = new Neighbours(blockStore.activeTouching(joined.stream()
                .map(range ->
                        new WorkingBlocks.Probe(accountId, range.batchId(), range.firstSerial(), range.lastSerial()))
                .toList()));
        List<BlockStore.NewBlock> inserts = new ArrayList<>();
        for (BlockStore.NewBlock range : joined) {
            Neighbours.Mutable left = neighbours.endingAt(range.batchId(), range.firstSerial() - 1);
            Neighbours.Mutable right = neighbours.startingAt(range.batchId(), range.lastSerial() + 1);
            if (left != null && right != null) {
                neighbours.remove(right);
                neighbours.extend(left, left.first, right.last);
            } else if (left != null) {
                neighbours.extend(left, left.first, range.lastSerial());
            } else if (right != null) {
                neighbours.extend(right, range.firstSerial(), right.last);
            } else {
                inserts.add(range);
            }
        }
        blockStore.deleteBlocks(neighbours.removed);
        for (Neighbours.Mutable block : neighbours.changed()) {
            blockStore.resizeBlock(block.id, block.first, block.last);
        }
        blockStore.insertBlocks(inserts);
    }

    /** The ranges in serial order, adjacent ranges of one batch joined into one. */
    private static List<BlockStore.NewBlock> joined(List<BlockStore.NewBlock> ranges) {
        List<BlockStore.NewBlock> sorted = ranges.stream()
                .sorted(Comparator.comparingLong(BlockStore.NewBlock::batchId)
                        .thenComparingLong(BlockStore.NewBlock::firstSerial))
                .toList();
        List<BlockStore.NewBlock> joined = new ArrayList<>();
        for (BlockStore.NewBlock range : sorted) {
            BlockStore.NewBlock last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            if (last != null && last.batchId() == range.batchId() && last.lastSerial() + 1 == range.firstSerial()) {
                joined.set(
                        joined.size() - 1,
                        new BlockStore.NewBlock(
                                last.batchId(),
                                last.firstSerial(),
                                range.lastSerial(),
                                last.accountId(),
                                last.status()));
            } else {
                joined.add(range);
            }
        }
        return joined;
    }

    /** The destination's blocks that touch the arriving ranges, as they grow by merging. */
    private static final class Neighbours {

        private static final class Mutable {
            final long id;
            final long batchId;
            final long originalFirst;
            final long originalLast;
            long first;
            long last;

            Mutable(LedgerInvariants.Block block) {
                this.id = block.id();
                this.batchId = block.batchId();
                this.originalFirst = block.firstSerial();
                this.originalLast = block.lastSerial();
                this.first = originalFirst;
                this.last = originalLast;
            }
        }

        private final Map<List<Long>, Mutable> byFirst = new HashMap<>();
        private final Map<List<Long>, Mutable> byLast = new HashMap<>();
        private final List<Mutable> all = new ArrayList<>();
        final List<Long> removed = new ArrayList<>();

        Neighbours(List<LedgerInvariants.Block> blocks) {
            for (LedgerInvariants.Block block : blocks) {
                Mutable mutable = new Mutable(block);
                all.add(mutable);
                byFirst.put(List.of(block.batchId(), block.firstSerial()), mutable);
                byLast.put(List.of(block.batchId(), block.lastSerial()), mutable);
            }
        }

        Mutable endingAt(long batchId, long last) {
            return byLast.get(List.of(batchId, last));
        }

        Mutable startingAt(long batchId, long first) {
            return byFirst.get(List.of(batchId, first));
        }

        void extend(Mutable block, long first, long last) {
            byFirst.remove(List.of(block.batchId, block.first));
            byLast.remove(List.of(block.batchId, block.last));
            block.first = first;
            block.last = last;
            byFirst.put(List.of(block.batchId, first), block);
            byLast.put(List.of(block.batchId, last), block);
        }

        void remove(Mutable block) {
            byFirst.remove(List.of(block.batchId, block.first));
            byLast.remove(List.of(block.batchId, block.last));
            all.remove(block);
            removed.add(block.id);
        }

        List<Mutable> changed() {
            return all.stream()
                    .filter(block -> block.first != block.originalFirst || block.last != block.originalLast)
                    .toList();
        }
    }
}
