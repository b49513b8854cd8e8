package org.amamo.registry.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The active blocks a group of operations works on ({@link OperationGroup}), held in memory while the operations are
 * applied one after the other, and written back at the end as the fewest row changes.
 *
 * <p>It starts from each source account's first blocks in draw order ({@link DrawRank}), enough for everything the
 * group may take from it, and its balance. Where an account has more blocks than were loaded, the last one loaded is
 * its boundary: every block not loaded ranks after it. A take that would need a block ranking after the boundary
 * cannot be decided here and takes nothing ({@link Draw.Kind#UNSEEN}); nor can a take from such an account once it
 * has received units in the group, since those units may join blocks not loaded and make a larger block than memory
 * shows. Every take decided here gives exactly the serials the operations applied one by one would give.
 * Units arriving at an account merge with its adjacent blocks of the same batch, those in memory at once, and those
 * only in the database at the end ({@link #probes}, {@link #coalesce}), so that blocks stay few and maximal.
 */
final class WorkingBlocks {

    /** Part of an account's holdings that an operation takes: serials {@code firstSerial..lastSerial} of a batch. */
    record Piece(long batchId, long firstSerial, long lastSerial) {

        long units() {
            return lastSerial - firstSerial + 1;
        }
    }

    /** What a take gave: the pieces taken, or why none. */
    record Draw(Kind kind, List<Piece> pieces) {

        enum Kind {
            /** The pieces were taken. */
            TAKEN,
            /** The units lie in more blocks than allowed; nothing was taken. */
            TOO_MANY,
            /** Memory does not show which blocks the units lie in; nothing was taken. */
            UNSEEN
        }

        static final Draw TOO_MANY = new Draw(Kind.TOO_MANY, List.of());
        static final Draw UNSEEN = new Draw(Kind.UNSEEN, List.of());

        boolean taken() {
            return kind == Kind.TAKEN;
        }
    }

    /** Where a block's neighbours could lie: the account, batch and serials of a block that is new or changed. */
    record Probe(long accountId, long batchId, long firstSerial, long lastSerial) {}

    /** What to write back: blocks to delete, to resize (same id, new serials), and to insert. */
    record Changes(List<Long> deleted, List<LedgerInvariants.Block> resized, List<BlockStore.NewBlock> inserted) {}

    /**
     * A block in memory; {@code id} is null for a block that is not in the database yet. Its serials change only
     * while it is out of its account's indexes ({@link Holder#detach}, {@link Holder#attach}).
     */
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

        DrawRank rank() {
            return DrawRank.of(batchId, first, last);
        }

        boolean changed() {
            return id == null || first != originalFirst || last != originalLast;
        }
    }

    /** A block's place in its account's serial order: batch, then first serial. */
    private record Position(long batchId, long firstSerial) implements Comparable<Position> {

        private static final Comparator<Position> ORDER =
                Comparator.comparingLong(Position::batchId).thenComparingLong(Position::firstSerial);

        static Position of(Held held) {
            return new Position(held.batchId, held.first);
        }

        @Override
        public int compareTo(Position other) {
            return ORDER.compare(this, other);
        }
    }

    /** One account's blocks in memory, by serial (to find neighbours) and in draw order, and what is known of it. */
    private static final class Holder {
        final TreeMap<Position, Held> bySerial = new TreeMap<>();
        final TreeSet<Held> byRank = new TreeSet<>(Comparator.comparing(Held::rank));
        /** The rank after which blocks may exist that were not loaded; null if all were. */
        DrawRank boundary;

        boolean received;
        long balance;

        void attach(Held held) {
            Held displaced = bySerial.put(Position.of(held), held);
            if (displaced != null && displaced != held) {
                throw new IllegalStateException("two blocks of account " + held.accountId + " start at serial "
                        + held.first + " of batch " + held.batchId);
            }
            byRank.add(held);
        }

        void detach(Held held) {
            bySerial.remove(Position.of(held));
            byRank.remove(held);
        }

        /** Whether every block ranking before {@code held} is in memory. */
        boolean seenUpTo(Held held) {
            return boundary == null || held.rank().compareTo(boundary) <= 0;
        }
    }

    private final Map<Long, Holder> accounts = new HashMap<>();
    private final Map<Long, Held> loaded = new HashMap<>();

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
        holder(held.accountId).attach(held);
    }

    /**
     * Sets an account's balance of active units as stored (all its blocks, loaded or not), or, where its loaded
     * blocks hold everything the group may take from it, no less than what they hold.
     */
    void balance(long accountId, long units) {
        holder(accountId).balance = units;
    }

    long balance(long accountId) {
        Holder holder = accounts.get(accountId);
        return holder == null ? 0 : holder.balance;
    }

    /** Notes that the account may have stored active blocks not loaded, all ranking after {@code rank}. */
    void boundary(long accountId, DrawRank rank) {
        holder(accountId).boundary = rank;
    }

    /**
     * Takes {@code units} serials of an account (which must hold them) in draw order ({@link DrawRank}), as at most
     * {@code maxPieces} pieces; takes nothing if they lie in more blocks than that, or if memory cannot tell.
     */
    Draw take(long accountId, long units, int maxPieces) {
        if (units < 1 || balance(accountId) < units) {
            throw new IllegalArgumentException("account " + accountId + " cannot give " + units + " units");
        }
        Holder holder = holder(accountId);
        if (holder.received && holder.boundary != null) {
            return Draw.UNSEEN;
        }
        List<Piece> pieces = new ArrayList<>();
        List<Held> taken = new ArrayList<>();
        long left = units;
        for (Held held : holder.byRank) {
            if (left == 0) {
                break;
            }
            if (pieces.size() == maxPieces) {
                return Draw.TOO_MANY;
            }
            if (!holder.seenUpTo(held)) {
                return Draw.UNSEEN;
            }
            long take = Math.min(left, held.units());
            pieces.add(new Piece(held.batchId, held.first, held.first + take - 1));
            taken.add(held);
            left -= take;
        }
        if (left > 0) {
            return pieces.size() == maxPieces ? Draw.TOO_MANY : Draw.UNSEEN;
        }
        for (int i = 0; i < taken.size(); i++) {
            Held held = taken.get(i);
            Piece piece = pieces.get(i);
            holder.detach(held);
            if (piece.lastSerial() < held.last) {
                held.first = piece.lastSerial() + 1;
                holder.attach(held);
            } else {
                held.deleted = true;
            }
        }
        holder.balance -= units;
        return new Draw(Draw.Kind.TAKEN, List.copyOf(pieces));
    }

    /** Adds serials to an account as active units, merged with its adjacent blocks of the same batch in memory. */
    void add(long accountId, Piece piece) {
        Holder holder = holder(accountId);
        Map.Entry<Position, Held> before =
                holder.bySerial.floorEntry(new Position(piece.batchId(), piece.firstSerial() - 1));
        Held left = before != null
                        && before.getValue().batchId == piece.batchId()
                        && before.getValue().last == piece.firstSerial() - 1
                ? before.getValue()
                : null;
        Held right = holder.bySerial.get(new Position(piece.batchId(), piece.lastSerial() + 1));
        if (left != null && right != null) {
            holder.detach(right);
            right.deleted = true;
            holder.detach(left);
            left.last = right.last;
            holder.attach(left);
        } else if (left != null) {
            holder.detach(left);
            left.last = piece.lastSerial();
            holder.attach(left);
        } else if (right != null) {
            holder.detach(right);
            right.first = piece.firstSerial();
            holder.attach(right);
        } else {
            holder.attach(new Held(null, accountId, piece.batchId(), piece.firstSerial(), piece.lastSerial()));
        }
        holder.balance += piece.units();
        holder.received = true;
    }

    /** The blocks that are new or changed, whose neighbours in the database (not loaded) could join them. */
    List<Probe> probes() {
        List<Probe> probes = new ArrayList<>();
        accounts.values()
                .forEach(holder -> holder.bySerial.values().stream()
                        .filter(Held::changed)
                        .forEach(held -> probes.add(new Probe(held.accountId, held.batchId, held.first, held.last))));
        return probes;
    }

    /**
     * Adds the stored active blocks found next to the {@link #probes} (blocks already loaded are ignored) and merges
     * every run of adjacent blocks of one batch in one account into one block, keeping a stored block's id.
     */
    void coalesce(Collection<LedgerInvariants.Block> neighbours) {
        neighbours.forEach(this::load);
        for (Holder holder : accounts.values()) {
            Held previous = null;
            for (Held held : List.copyOf(holder.bySerial.values())) {
                if (previous != null && previous.batchId == held.batchId && previous.last + 1 == held.first) {
                    holder.detach(held);
                    holder.detach(previous);
                    if (previous.id != null || held.id == null) {
                        held.deleted = true;
                        previous.last = held.last;
                        holder.attach(previous);
                        continue;
                    }
                    previous.deleted = true;
                    held.first = previous.first;
                    holder.attach(held);
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
                resized.add(new LedgerInvariants.Block(
                        held.id, held.batchId, held.first, held.last, held.accountId, BlockStatus.ACTIVE));
            }
        }
        List<BlockStore.NewBlock> inserted = new ArrayList<>();
        accounts.values()
                .forEach(holder -> holder.bySerial.values().stream()
                        .filter(held -> held.id == null)
                        .forEach(held -> inserted.add(new BlockStore.NewBlock(
                                held.batchId, held.first, held.last, held.accountId, BlockStatus.ACTIVE))));
        deleted.sort(null);
        resized.sort(Comparator.comparingLong(LedgerInvariants.Block::id));
        return new Changes(deleted, resized, inserted);
    }

    private Holder holder(long accountId) {
        return accounts.computeIfAbsent(accountId, id -> new Holder());
    }
}
