package org.amamo.registry.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The active blocks a group of operations works on ({@link OperationGroup}), held in memory while the operations are
 * applied one after the other, and written back at the end as the fewest row changes.
 *
 * <p>It starts from each source account's lowest blocks, enough for everything the group may take from it, and its
 * balance. Taking the lowest serials from such an account never reaches a block that was not loaded: the loaded
 * blocks lie below every other block of the account and hold at least what all the group's operations may take. So
 * the blocks moving, and each operation's pieces and movements, are exactly those of the operations applied one by
 * one. Units arriving at an account merge with its adjacent blocks of the same batch, those in memory at once, and
 * those only in the database at the end ({@link #probes}, {@link #coalesce}), so that blocks stay few.
 */
final class WorkingBlocks {

    /** Part of an account's holdings that an operation takes: serials {@code firstSerial..lastSerial} of a batch. */
    record Piece(long batchId, long firstSerial, long lastSerial) {

        long units() {
            return lastSerial - firstSerial + 1;
        }
    }

    /** Where a block's neighbours could lie: the account, batch and serials of a block that is new or changed. */
    record Probe(long accountId, long batchId, long firstSerial, long lastSerial) {
    }

    /** What to write back: blocks to delete, to resize (same id, new serials), and to insert. */
    record Changes(List<Long> deleted, List<LedgerInvariants.Block> resized, List<LedgerStore.NewBlock> inserted) {
    }

    /** A block in memory; {@code id} is null for a block that is not in the database yet. */
    private static final class Held {
        final Long id;
        final long accountId;
        final long batchId;
        final long originalFirst;
        final long originalLast;
        long first;
        long last;
        boolean deleted;

        Held(Long id, long accountId, long batchId, long first, long last) {
            this.id = id;
            this.accountId = accountId;
            this.batchId = batchId;
            this.originalFirst = first;
            this.originalLast = last;
            this.first = first;
            this.last = last;
        }

        long units() {
            return last - first + 1;
        }

        boolean changed() {
            return id == null || first != originalFirst || last != originalLast;
        }
    }

    /** A block's place in its account's order: lowest batch, then lowest serial. */
    private record Position(long batchId, long firstSerial) implements Comparable<Position> {

        private static final Comparator<Position> ORDER = Comparator.comparingLong(Position::batchId)
                .thenComparingLong(Position::firstSerial);

        @Override
        public int compareTo(Position other) {
            return ORDER.compare(this, other);
        }
    }

    private final Map<Long, TreeMap<Position, Held>> accounts = new HashMap<>();
    private final Map<Long, Held> loaded = new HashMap<>();
    private final Map<Long, Long> balances = new HashMap<>();

    /** Adds an active block as stored. Loading the same block twice keeps the first. */
    void load(LedgerInvariants.Block block) {
        if (block.status() != BlockStatus.ACTIVE) {
            throw new IllegalArgumentException("only active blocks move: " + block);
        }
        if (loaded.containsKey(block.id())) {
            return;
        }
        Held held = new Held(block.id(), block.accountId(), block.batchId(), block.firstSerial(), block.lastSerial());
        loaded.put(block.id(), held);
        put(held);
    }

    /**
     * Sets an account's balance of active units as stored (all its blocks, loaded or not), or, where its loaded
     * blocks hold everything the group may take from it, no less than what they hold.
     */
    void balance(long accountId, long units) {
        balances.put(accountId, units);
    }

    long balance(long accountId) {
        return balances.getOrDefault(accountId, 0L);
    }

    /**
     * Takes the lowest {@code units} serials of an account (which must hold them), as at most {@code maxPieces}
     * pieces; returns null, taking nothing, if they lie in more blocks than that or beyond the loaded ones.
     */
    List<Piece> take(long accountId, long units, int maxPieces) {
        if (units < 1 || balance(accountId) < units) {
            throw new IllegalArgumentException("account " + accountId + " cannot give " + units + " units");
        }
        List<Piece> pieces = new ArrayList<>();
        List<Held> taken = new ArrayList<>();
        long left = units;
        for (Held held : blocksOf(accountId).values()) {
            if (left == 0) {
                break;
            }
            if (pieces.size() == maxPieces) {
                return null;
            }
            long take = Math.min(left, held.units());
            pieces.add(new Piece(held.batchId, held.first, held.first + take - 1));
            taken.add(held);
            left -= take;
        }
        if (left > 0) {
            return null;
        }
        for (int i = 0; i < taken.size(); i++) {
            Held held = taken.get(i);
            Piece piece = pieces.get(i);
            remove(held);
            if (piece.lastSerial() < held.last) {
                held.first = piece.lastSerial() + 1;
                put(held);
            } else {
                held.deleted = true;
            }
        }
        balances.merge(accountId, -units, Long::sum);
        return pieces;
    }

    /** Adds serials to an account as active units, merged with its adjacent blocks of the same batch in memory. */
    void add(long accountId, Piece piece) {
        TreeMap<Position, Held> blocks = blocksOf(accountId);
        Map.Entry<Position, Held> before = blocks.floorEntry(new Position(piece.batchId(), piece.firstSerial() - 1));
        Held left = before != null && before.getValue().batchId == piece.batchId()
                && before.getValue().last == piece.firstSerial() - 1 ? before.getValue() : null;
        Held right = blocks.get(new Position(piece.batchId(), piece.lastSerial() + 1));
        if (left != null && right != null) {
            remove(right);
            right.deleted = true;
            left.last = right.last;
        } else if (left != null) {
            left.last = piece.lastSerial();
        } else if (right != null) {
            remove(right);
            right.first = piece.firstSerial();
            put(right);
        } else {
            put(new Held(null, accountId, piece.batchId(), piece.firstSerial(), piece.lastSerial()));
        }
        balances.merge(accountId, piece.units(), Long::sum);
    }

    /** The blocks that are new or changed, whose neighbours in the database (not loaded) could join them. */
    List<Probe> probes() {
        List<Probe> probes = new ArrayList<>();
        accounts.values().forEach(blocks -> blocks.values().stream().filter(Held::changed)
                .forEach(held -> probes.add(new Probe(held.accountId, held.batchId, held.first, held.last))));
        return probes;
    }

    /**
     * Adds the stored active blocks found next to the {@link #probes} (blocks already loaded are ignored) and merges
     * every run of adjacent blocks of one batch in one account into one block, keeping a stored block's id.
     */
    void coalesce(Collection<LedgerInvariants.Block> neighbours) {
        neighbours.forEach(this::load);
        for (TreeMap<Position, Held> blocks : accounts.values()) {
            Held previous = null;
            for (Held held : List.copyOf(blocks.values())) {
                if (previous != null && previous.batchId == held.batchId && previous.last + 1 == held.first) {
                    if (previous.id != null || held.id == null) {
                        blocks.remove(position(held));
                        held.deleted = true;
                        previous.last = held.last;
                        continue;
                    }
                    blocks.remove(position(previous));
                    previous.deleted = true;
                    blocks.remove(position(held));
                    held.first = previous.first;
                    blocks.put(position(held), held);
                }
                previous = held;
            }
        }
    }

    /** The row changes that bring the database to this state. */
    Changes changes() {
        List<Long> deleted = new ArrayList<>();
        List<LedgerInvariants.Block> resized = new ArrayList<>();
        for (Held held : loaded.values()) {
            if (held.deleted) {
                deleted.add(held.id);
            } else if (held.changed()) {
                resized.add(new LedgerInvariants.Block(held.id, held.batchId, held.first, held.last, held.accountId,
                        BlockStatus.ACTIVE));
            }
        }
        List<LedgerStore.NewBlock> inserted = new ArrayList<>();
        accounts.values().forEach(blocks -> blocks.values().stream().filter(held -> held.id == null)
                .forEach(held -> inserted.add(new LedgerStore.NewBlock(held.batchId, held.first, held.last,
                        held.accountId, BlockStatus.ACTIVE))));
        deleted.sort(null);
        resized.sort(Comparator.comparingLong(LedgerInvariants.Block::id));
        return new Changes(deleted, resized, inserted);
    }

    private TreeMap<Position, Held> blocksOf(long accountId) {
        return accounts.computeIfAbsent(accountId, id -> new TreeMap<>());
    }

    private void put(Held held) {
        Held displaced = blocksOf(held.accountId).put(position(held), held);
        if (displaced != null && displaced != held) {
            throw new IllegalStateException("two blocks of account " + held.accountId + " start at serial "
                    + held.first + " of batch " + held.batchId);
        }
    }

    private void remove(Held held) {
        blocksOf(held.accountId).remove(position(held));
    }

    private static Position position(Held held) {
        return new Position(held.batchId, held.first);
    }
}
