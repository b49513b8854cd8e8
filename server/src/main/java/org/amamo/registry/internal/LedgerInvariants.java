package org.amamo.registry.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ledger's promises, stated once (design.md "The registry is a ledger", issue 6 item 5):
 * <ol>
 * <li>the blocks of a batch cover exactly serials 1..issued, never overlapping and leaving no gap;</li>
 * <li>an account's active blocks are maximal: no two of one batch are adjacent (transfers and retirements draw on the
 * largest block first, {@link DrawRank}, so a block's size must be that of the run of serials it holds);</li>
 * <li>a block's status is the one its account's kind allows: active in holding, issuance and escrow accounts,
 * retired in retirement accounts, cancelled in the cancellation account;</li>
 * <li>an account's balance (the units of its blocks) equals what its journal movements brought in minus what they
 * took out;</li>
 * <li>retired and cancelled units never move: no movement ever leaves a retirement or cancellation account;</li>
 * <li>units leave a programme's buffer account only to be cancelled (by a reversal), never to a holder;</li>
 * <li>hence, for every batch, issued = active + retired + cancelled.</li>
 * </ol>
 * Checked after every operation in the tests and on demand by the secretariat (page and API).
 */
public final class LedgerInvariants {

    /** At most this many violations are listed; the first already says the ledger is broken. */
    static final int MAX_VIOLATIONS = 50;

    private LedgerInvariants() {}

    /** A batch and the units it was issued with. */
    record Batch(long id, long issuedUnits) {}

    /** A block as stored. */
    public record Block(long id, long batchId, long firstSerial, long lastSerial, long accountId, BlockStatus status) {
        long units() {
            return lastSerial - firstSerial + 1;
        }
    }

    /**
     * An account, its kind, the units its movements brought in and took out, and of those taken out, the units that
     * went to the cancellation account.
     */
    record AccountFlow(long accountId, AccountKind kind, long unitsIn, long unitsOut, long unitsCancelled) {

        AccountFlow(long accountId, AccountKind kind, long unitsIn, long unitsOut) {
            this(accountId, kind, unitsIn, unitsOut, 0);
        }
    }

    /** The whole ledger at one moment (read in one transaction). */
    record Snapshot(List<Batch> batches, List<Block> blocks, List<AccountFlow> accounts) {}

    /** The outcome: what is wrong (empty when the ledger is sound) and the totals over all batches. */
    public record Check(
            List<String> violations,
            long batchCount,
            long blockCount,
            long issuedUnits,
            long activeUnits,
            long retiredUnits,
            long cancelledUnits) {

        public boolean holds() {
            return violations.isEmpty();
        }
    }

    static Check check(Snapshot snapshot) {
        List<String> violations = new ArrayList<>();
        Map<Long, AccountFlow> accounts = new HashMap<>();
        snapshot.accounts().forEach(account -> accounts.put(account.accountId(), account));
        checkCoverage(snapshot, violations);
        checkStatusAndBalance(snapshot, accounts, violations);
        long[] byStatus = new long[BlockStatus.values().length];
        snapshot.blocks().forEach(block -> byStatus[block.status().ordinal()] += block.units());
        long issued = snapshot.batches().stream().mapToLong(Batch::issuedUnits).sum();
        long accounted = byStatus[0] + byStatus[1] + byStatus[2];
        if (issued != accounted) {
            add(violations, "issued " + issued + " != active + retired + cancelled " + accounted);
        }
        return new Check(
                List.copyOf(violations),
                snapshot.batches().size(),
                snapshot.blocks().size(),
                issued,
                byStatus[BlockStatus.ACTIVE.ordinal()],
                byStatus[BlockStatus.RETIRED.ordinal()],
                byStatus[BlockStatus.CANCELLED.ordinal()]);
    }

    private static void checkCoverage(Snapshot snapshot, List<String> violations) {
        Map<Long, List<Block>> byBatch = new HashMap<>();
        for (Block block : snapshot.blocks()) {
            if (block.firstSerial() < 1 || block.lastSerial() < block.firstSerial()) {
                add(violations, "block " + block.id() + " has an empty or negative range");
            }
            byBatch.computeIfAbsent(block.batchId(), id -> new ArrayList<>()).add(block);
        }
        for (Batch batch : snapshot.batches()) {
            List<Block> blocks = byBatch.getOrDefault(batch.id(), List.of());
            blocks.sort(Comparator.comparingLong(Block::firstSerial));
            long next = 1;
            Block previous = null;
            for (Block block : blocks) {
                if (previous != null
                        && previous.status() == BlockStatus.ACTIVE
                        && block.status() == BlockStatus.ACTIVE
                        && previous.accountId() == block.accountId()
                        && previous.lastSerial() + 1 == block.firstSerial()) {
                    add(
                            violations,
                            "batch " + batch.id() + ": active blocks " + previous.id() + " and " + block.id()
                                    + " of account " + block.accountId() + " are adjacent and should be one block");
                }
                previous = block;
                if (block.firstSerial() != next) {
                    add(
                            violations,
                            "batch " + batch.id() + ": block " + block.id() + " starts at " + block.firstSerial()
                                    + (block.firstSerial() < next ? " overlapping" : " leaving a gap") + ", expected "
                                    + next);
                }
                next = Math.max(next, block.lastSerial() + 1);
            }
            if (next - 1 != batch.issuedUnits()) {
                add(
                        violations,
                        "batch " + batch.id() + ": blocks cover 1.." + (next - 1) + ", issued " + batch.issuedUnits());
            }
            byBatch.remove(batch.id());
        }
        byBatch.keySet().forEach(batchId -> add(violations, "blocks of unknown batch " + batchId));
    }

    private static void checkStatusAndBalance(
            Snapshot snapshot, Map<Long, AccountFlow> accounts, List<String> violations) {
        Map<Long, Long> held = new HashMap<>();
        for (Block block : snapshot.blocks()) {
            AccountFlow account = accounts.get(block.accountId());
            if (account == null) {
                add(violations, "block " + block.id() + " lies in unknown account " + block.accountId());
                continue;
            }
            if (account.kind().blockStatus() != block.status()) {
                add(
                        violations,
                        "block " + block.id() + " is " + block.status() + " in " + account.kind() + " account "
                                + account.accountId());
            }
            held.merge(block.accountId(), block.units(), Long::sum);
        }
        for (AccountFlow account : snapshot.accounts()) {
            long balance = held.getOrDefault(account.accountId(), 0L);
            if (account.unitsIn() - account.unitsOut() != balance) {
                add(
                        violations,
                        "account " + account.accountId() + " holds " + balance + " units but its movements net "
                                + (account.unitsIn() - account.unitsOut()));
            }
            boolean finalResting =
                    account.kind() == AccountKind.RETIREMENT || account.kind() == AccountKind.CANCELLATION;
            if (finalResting && account.unitsOut() != 0) {
                add(
                        violations,
                        account.kind() + " account " + account.accountId() + " let " + account.unitsOut()
                                + " units move out");
            }
            if (account.kind() == AccountKind.BUFFER && account.unitsOut() != account.unitsCancelled()) {
                add(
                        violations,
                        "BUFFER account " + account.accountId() + " let "
                                + (account.unitsOut() - account.unitsCancelled()) + " units move out uncancelled");
            }
        }
    }

    private static void add(List<String> violations, String violation) {
        if (violations.size() < MAX_VIOLATIONS) {
            violations.add(violation);
        }
    }
}
