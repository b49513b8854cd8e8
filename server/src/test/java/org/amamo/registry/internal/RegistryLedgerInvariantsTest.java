package org.amamo.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryLedgerInvariantsTest {

    private static final long HOLDER = 10;
    private static final long OTHER = 11;
    private static final long RETIRED = 20;

    @Test
    void holdsForBlocksCoveringTheBatchExactly() {
        LedgerInvariants.Check check = LedgerInvariants.check(snapshot(
                100,
                List.of(block(1, 1, 60, HOLDER, BlockStatus.ACTIVE), block(2, 61, 100, RETIRED, BlockStatus.RETIRED)),
                List.of(flow(HOLDER, AccountKind.HOLDING, 100, 40), flow(RETIRED, AccountKind.RETIREMENT, 40, 0))));
        assertThat(check.violations()).isEmpty();
        assertThat(check.issuedUnits()).isEqualTo(100);
        assertThat(check.activeUnits()).isEqualTo(60);
        assertThat(check.retiredUnits()).isEqualTo(40);
    }

    @Test
    void reportsOverlappingBlocks() {
        LedgerInvariants.Check check = LedgerInvariants.check(snapshot(
                100,
                List.of(block(1, 1, 60, HOLDER, BlockStatus.ACTIVE), block(2, 50, 100, OTHER, BlockStatus.ACTIVE)),
                List.of(flow(HOLDER, AccountKind.HOLDING, 60, 0), flow(OTHER, AccountKind.HOLDING, 51, 0))));
        assertThat(check.violations()).anyMatch(violation -> violation.contains("overlapping"));
    }

    @Test
    void reportsAGapAndAShortfall() {
        LedgerInvariants.Check check = LedgerInvariants.check(snapshot(
                100,
                List.of(block(1, 1, 10, HOLDER, BlockStatus.ACTIVE), block(2, 20, 90, HOLDER, BlockStatus.ACTIVE)),
                List.of(flow(HOLDER, AccountKind.HOLDING, 81, 0))));
        assertThat(check.violations())
                .anyMatch(violation -> violation.contains("gap"))
                .anyMatch(violation -> violation.contains("cover 1..90, issued 100"));
    }

    @Test
    void reportsABalanceThatDisagreesWithTheMovements() {
        LedgerInvariants.Check check = LedgerInvariants.check(snapshot(
                100,
                List.of(block(1, 1, 100, HOLDER, BlockStatus.ACTIVE)),
                List.of(flow(HOLDER, AccountKind.HOLDING, 90, 0))));
        assertThat(check.violations()).anyMatch(violation -> violation.contains("movements net 90"));
    }

    @Test
    void reportsRetiredUnitsThatMovedOrChangedStatus() {
        LedgerInvariants.Check check = LedgerInvariants.check(snapshot(
                100,
                List.of(block(1, 1, 100, RETIRED, BlockStatus.ACTIVE)),
                List.of(flow(RETIRED, AccountKind.RETIREMENT, 110, 10))));
        assertThat(check.violations())
                .anyMatch(violation -> violation.contains("is ACTIVE in RETIREMENT"))
                .anyMatch(violation -> violation.contains("let 10 units move out"));
    }

    @Test
    void bufferUnitsLeaveOnlyToBeCancelled() {
        long buffer = 30;
        long cancelled = 40;
        List<LedgerInvariants.Block> blocks = List.of(
                block(1, 1, 80, HOLDER, BlockStatus.ACTIVE),
                block(2, 81, 90, buffer, BlockStatus.ACTIVE),
                block(3, 91, 100, cancelled, BlockStatus.CANCELLED));
        LedgerInvariants.Check reversed = LedgerInvariants.check(snapshot(
                100,
                blocks,
                List.of(
                        flow(HOLDER, AccountKind.HOLDING, 80, 0),
                        new LedgerInvariants.AccountFlow(buffer, AccountKind.BUFFER, 20, 10, 10),
                        flow(cancelled, AccountKind.CANCELLATION, 10, 0))));
        assertThat(reversed.violations()).isEmpty();

        LedgerInvariants.Check leaked = LedgerInvariants.check(snapshot(
                100,
                List.of(block(1, 1, 90, HOLDER, BlockStatus.ACTIVE), block(2, 91, 100, buffer, BlockStatus.ACTIVE)),
                List.of(
                        flow(HOLDER, AccountKind.HOLDING, 90, 0),
                        new LedgerInvariants.AccountFlow(buffer, AccountKind.BUFFER, 20, 10, 0))));
        assertThat(leaked.violations()).anyMatch(violation -> violation.contains("move out uncancelled"));
    }

    @Test
    void listsAtMostTheLimitOfViolations() {
        List<LedgerInvariants.Block> blocks = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            blocks.add(block(i, 1, 1, HOLDER, BlockStatus.ACTIVE));
        }
        LedgerInvariants.Check check =
                LedgerInvariants.check(snapshot(1, blocks, List.of(flow(HOLDER, AccountKind.HOLDING, 1, 0))));
        assertThat(check.violations()).hasSize(LedgerInvariants.MAX_VIOLATIONS);
    }

    private static LedgerInvariants.Snapshot snapshot(
            long issued, List<LedgerInvariants.Block> blocks, List<LedgerInvariants.AccountFlow> accounts) {
        return new LedgerInvariants.Snapshot(List.of(new LedgerInvariants.Batch(1, issued)), blocks, accounts);
    }

    private static LedgerInvariants.Block block(long id, long first, long last, long account, BlockStatus status) {
        return new LedgerInvariants.Block(id, 1, first, last, account, status);
    }

    private static LedgerInvariants.AccountFlow flow(long account, AccountKind kind, long in, long out) {
        return new LedgerInvariants.AccountFlow(account, kind, in, out);
    }
}
