package org.amamo.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link WorkingBlocks}, the memory a group of operations works in, against a model that knows the owner of every
 * serial: whatever the stored blocks and the moves, each take that memory decides gives the serials the model gives
 * in draw order ({@link DrawRank}), the first take always is decided, and the written-back rows hold exactly the
 * model's serials, with no two adjacent blocks of one batch left unmerged. A take memory cannot decide takes nothing
 * (the group leaves it to a later group), so the model does not apply it either.
 */
class RegistryWorkingBlocksProperties {

    static final int ACCOUNTS = 3;
    static final int RETIRE = -1;
    static final int MAX_PIECES = 1_000;

    /** A move of {@code units} from one account to another, or out of the active blocks (to {@link #RETIRE}). */
    record Move(int from, int to, long units) {}

    /** Stored owners of two batches' serials (account per serial) and moves to apply to them as one group. */
    record Story(int[] firstBatch, int[] secondBatch, List<Move> moves) {}

    @Property(tries = 300)
    void takesAndWritesBackExactlyWhatTheOperationsOneByOneWould(@ForAll("stories") Story story) {
        Map<Long, int[]> owners = new HashMap<>();
        owners.put(1L, story.firstBatch().clone());
        owners.put(2L, story.secondBatch().clone());
        List<LedgerInvariants.Block> stored = blocksOf(owners);
        WorkingBlocks blocks = new WorkingBlocks();
        loadLikeTheGroup(blocks, stored, story.moves());

        boolean first = true;
        for (Move move : story.moves()) {
            long balance = balance(owners, move.from());
            assertThat(blocks.balance(move.from())).isEqualTo(balance);
            if (balance < move.units()) {
                continue;
            }
            WorkingBlocks.Draw draw = blocks.take(move.from(), move.units(), MAX_PIECES);
            if (!first && draw.kind() == WorkingBlocks.Draw.Kind.UNSEEN) {
                continue;
            }
            first = false;
            List<WorkingBlocks.Piece> pieces = draw.pieces();
            assertThat(draw.kind()).as("%s", move).isEqualTo(WorkingBlocks.Draw.Kind.TAKEN);
            assertThat(pieces).as("%s", move).isEqualTo(inDrawOrder(owners, move.from(), move.units()));
            for (WorkingBlocks.Piece piece : pieces) {
                for (long serial = piece.firstSerial(); serial <= piece.lastSerial(); serial++) {
                    owners.get(piece.batchId())[(int) serial - 1] = move.to();
                }
                if (move.to() != RETIRE) {
                    blocks.add(move.to(), piece);
                }
            }
        }
        List<WorkingBlocks.Probe> probes = blocks.probes();
        blocks.coalesce(stored.stream()
                .filter(block -> probes.stream().anyMatch(probe -> touches(block, probe)))
                .toList());
        List<LedgerInvariants.Block> written = writeBack(stored, blocks.changes());

        assertThat(written)
                .as("the stored blocks after the group")
                .containsExactlyInAnyOrderElementsOf(withoutIds(blocksOf(owners)));
    }

    @Test
    void aTakeSpreadOverMoreBlocksThanAllowedTakesNothing() {
        WorkingBlocks blocks = new WorkingBlocks();
        for (long serial = 1; serial <= 5; serial += 2) {
            blocks.load(new LedgerInvariants.Block(serial, 1, serial, serial, 0, BlockStatus.ACTIVE));
        }
        blocks.balance(0, 3);

        assertThat(blocks.take(0, 3, 2)).isEqualTo(WorkingBlocks.Draw.TOO_MANY);
        assertThat(blocks.take(0, 3, 3).pieces())
                .containsExactly(
                        new WorkingBlocks.Piece(1, 1, 1),
                        new WorkingBlocks.Piece(1, 3, 3),
                        new WorkingBlocks.Piece(1, 5, 5));
        assertThat(blocks.balance(0)).isZero();
    }

    @Test
    void theLargestBlockIsDrawnOnFirstFromItsLowestSerials() {
        WorkingBlocks blocks = new WorkingBlocks();
        blocks.load(new LedgerInvariants.Block(1, 1, 1, 2, 0, BlockStatus.ACTIVE));
        blocks.load(new LedgerInvariants.Block(2, 2, 1, 10, 0, BlockStatus.ACTIVE));
        blocks.load(new LedgerInvariants.Block(3, 1, 5, 14, 0, BlockStatus.ACTIVE));
        blocks.balance(0, 22);

        assertThat(blocks.take(0, 4, 10).pieces())
                .as("ten serials in batch 1 rank before ten in batch 2")
                .containsExactly(new WorkingBlocks.Piece(1, 5, 8));
        assertThat(blocks.take(0, 12, 10).pieces())
                .as("then the ten of batch 2, then the six left in batch 1")
                .containsExactly(new WorkingBlocks.Piece(2, 1, 10), new WorkingBlocks.Piece(1, 9, 10));
    }

    @Test
    void aTakeReachingPastTheBoundaryOrFromAnAccountThatReceivedIsLeftUndecided() {
        WorkingBlocks blocks = new WorkingBlocks();
        blocks.load(new LedgerInvariants.Block(1, 1, 1, 10, 0, BlockStatus.ACTIVE));
        blocks.load(new LedgerInvariants.Block(2, 1, 21, 25, 0, BlockStatus.ACTIVE));
        blocks.boundary(0, DrawRank.of(1, 21, 25));
        blocks.balance(0, 15);

        assertThat(blocks.take(0, 8, 10).pieces()).containsExactly(new WorkingBlocks.Piece(1, 1, 8));
        assertThat(blocks.take(0, 6, 10))
                .as("after serials 21..25, a block not loaded may outrank serials 9..10")
                .isEqualTo(WorkingBlocks.Draw.UNSEEN);
        assertThat(blocks.balance(0)).as("an undecided take takes nothing").isEqualTo(7);
        assertThat(blocks.take(0, 5, 10).pieces())
                .as("the boundary block itself outranks every block not loaded")
                .containsExactly(new WorkingBlocks.Piece(1, 21, 25));

        WorkingBlocks other = new WorkingBlocks();
        other.load(new LedgerInvariants.Block(1, 1, 1, 10, 0, BlockStatus.ACTIVE));
        other.boundary(0, DrawRank.of(1, 1, 10));
        other.balance(0, 10);
        other.add(0, new WorkingBlocks.Piece(1, 30, 30));
        assertThat(other.take(0, 1, 10))
                .as("serial 30 may join a stored block next to it")
                .isEqualTo(WorkingBlocks.Draw.UNSEEN);
    }

    /**
     * As {@link OperationGroup}: each source's balance and first blocks in draw order up to what all its moves may
     * take, and its boundary where blocks are left unread.
     */
    private static void loadLikeTheGroup(WorkingBlocks blocks, List<LedgerInvariants.Block> stored, List<Move> moves) {
        Map<Integer, Long> demand = new HashMap<>();
        moves.forEach(move -> demand.merge(move.from(), move.units(), Long::sum));
        demand.forEach((account, units) -> {
            List<LedgerInvariants.Block> held = stored.stream()
                    .filter(block -> block.accountId() == account)
                    .sorted(Comparator.comparing(DrawRank::of))
                    .toList();
            blocks.balance(
                    account,
                    held.stream().mapToLong(LedgerInvariants.Block::units).sum());
            long upto = 0;
            for (LedgerInvariants.Block block : held) {
                if (upto >= units) {
                    blocks.boundary(account, DrawRank.of(held.get(held.indexOf(block) - 1)));
                    break;
                }
                blocks.load(block);
                upto += block.units();
            }
        });
    }

    private static boolean touches(LedgerInvariants.Block block, WorkingBlocks.Probe probe) {
        return block.accountId() == probe.accountId()
                && block.batchId() == probe.batchId()
                && (block.lastSerial() == probe.firstSerial() - 1 || block.firstSerial() == probe.lastSerial() + 1);
    }

    /** The stored blocks with the changes applied: deleted ones gone, resized ones changed, new ones added. */
    private static List<LedgerInvariants.Block> writeBack(
            List<LedgerInvariants.Block> stored, WorkingBlocks.Changes changes) {
        Map<Long, LedgerInvariants.Block> byId = new HashMap<>();
        stored.forEach(block -> byId.put(block.id(), block));
        changes.deleted().forEach(byId::remove);
        changes.resized().forEach(block -> {
            assertThat(byId).containsKey(block.id());
            byId.put(block.id(), block);
        });
        List<LedgerInvariants.Block> written = new ArrayList<>(byId.values());
        changes.inserted()
                .forEach(block -> written.add(new LedgerInvariants.Block(
                        0,
                        block.batchId(),
                        block.firstSerial(),
                        block.lastSerial(),
                        block.accountId(),
                        block.status())));
        return withoutIds(written);
    }

    private static List<LedgerInvariants.Block> withoutIds(List<LedgerInvariants.Block> blocks) {
        return blocks.stream()
                .map(block -> new LedgerInvariants.Block(
                        0, block.batchId(), block.firstSerial(), block.lastSerial(), block.accountId(), block.status()))
                .toList();
    }

    /** The maximal runs of one owner's serials, as blocks (retired serials have none), ids from 1. */
    private static List<LedgerInvariants.Block> blocksOf(Map<Long, int[]> owners) {
        List<LedgerInvariants.Block> blocks = new ArrayList<>();
        for (long batch = 1; batch <= owners.size(); batch++) {
            int[] serials = owners.get(batch);
            int start = 0;
            for (int i = 1; i <= serials.length; i++) {
                if (i == serials.length || serials[i] != serials[start]) {
                    if (serials[start] != RETIRE) {
                        blocks.add(new LedgerInvariants.Block(
                                blocks.size() + 1, batch, start + 1, i, serials[start], BlockStatus.ACTIVE));
                    }
                    start = i;
                }
            }
        }
        return blocks;
    }

    private static long balance(Map<Long, int[]> owners, int account) {
        return owners.values().stream()
                .mapToLong(serials -> java.util.Arrays.stream(serials)
                        .filter(owner -> owner == account)
                        .count())
                .sum();
    }

    /** The account's {@code units} serials in draw order: its maximal runs, largest first, lowest serials first. */
    private static List<WorkingBlocks.Piece> inDrawOrder(Map<Long, int[]> owners, int account, long units) {
        List<WorkingBlocks.Piece> pieces = new ArrayList<>();
        long left = units;
        for (LedgerInvariants.Block run : blocksOf(owners).stream()
                .filter(block -> block.accountId() == account)
                .sorted(Comparator.comparing(DrawRank::of))
                .toList()) {
            if (left == 0) {
                break;
            }
            long take = Math.min(left, run.units());
            pieces.add(new WorkingBlocks.Piece(run.batchId(), run.firstSerial(), run.firstSerial() + take - 1));
            left -= take;
        }
        return pieces;
    }

    @Provide
    Arbitrary<Story> stories() {
        Arbitrary<int[]> batch = Arbitraries.integers()
                .between(0, ACCOUNTS - 1)
                .array(int[].class)
                .ofMinSize(1)
                .ofMaxSize(60);
        Arbitrary<Move> move = Combinators.combine(
                        Arbitraries.integers().between(0, ACCOUNTS - 1),
                        Arbitraries.integers().between(RETIRE, ACCOUNTS - 1),
                        Arbitraries.longs().between(1, 40))
                .filter((from, to, units) -> !from.equals(to))
                .as(Move::new);
        return Combinators.combine(batch, batch, move.list().ofMinSize(1).ofMaxSize(12))
                .as(Story::new);
    }
}
