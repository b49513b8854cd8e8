package org.amamo.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.platform.Outcome;
import org.amamo.platform.RefusalKind;
import org.amamo.registry.MarketMove;
import org.amamo.registry.MarketSettlement;
import org.amamo.registry.RetirementOrder;
import org.amamo.registry.internal.RegistryFixture.Holder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The registry's side of the market: escrowed units are nobody's (their former holder can neither transfer nor
 * retire them, the secretariat cannot cancel them), delivery, retirement on a buyer's behalf and release move one
 * batch's units once per key, and the ledger's invariants and journal hold after settlement and after a lapse.
 */
@SpringBootTest
@Import(RegistryFixture.class)
class RegistryMarketSettlementTest {

    @Autowired
    RegistryFixture fixture;

    @Autowired
    MarketSettlement market;

    @AfterEach
    void ledgerStaysSound() {
        fixture.assertLedgerSound();
    }

    private long escrow() {
        return market.openEscrow("test-" + System.nanoTime(), "Escrow of a test round");
    }

    private static RetirementDisclosure disclosure() {
        return new RetirementDisclosure("株式会社テスト", RetirementPurpose.CORPORATE, "2024年度の排出", 2024, null);
    }

    @Test
    void escrowedUnitsCannotBeTransferredRetiredOrCancelledByAnyoneButTheMarket() {
        Holder seller = fixture.holder();
        Holder other = fixture.holder();
        Receipt issued = fixture.issue(2024, 100, seller);
        long escrow = escrow();
        MarketMove consigned = market.consign(seller.user(), seller.accountId(), escrow, issued.batchId(), 100, "c-1");
        assertThat(consigned.refusals()).isEmpty();
        assertThat(fixture.balance(seller)).isZero();
        assertThat(fixture.blockStore.balance(escrow)).isEqualTo(100);

        Outcome<Receipt> transfer =
                fixture.registry.transfer(seller.actor(), new Registry.Transfer(escrow, other.accountId(), 10), null);
        assertThat(transfer.kind()).isEqualTo(RefusalKind.FORBIDDEN);
        Outcome<Receipt> retire =
                fixture.registry.retire(seller.actor(), new Registry.Retirement(escrow, 10, disclosure()), null);
        assertThat(retire.kind()).isEqualTo(RefusalKind.FORBIDDEN);
        Outcome<Receipt> into =
                fixture.registry.transfer(other.actor(), new Registry.Transfer(other.accountId(), escrow, 1), null);
        assertThat(into.refused()).isTrue();
        Outcome<Receipt> cancel = fixture.registry.cancel(
                Actor.of(fixture.secretariat()),
                new Registry.Cancellation(consigned.serialRanges().get(0), "誤り"),
                null);
        assertThat(cancel.refusals()).extracting(r -> r.messageKey()).containsExactly("registry.cancel.escrowed");
        assertThat(fixture.blockStore.balance(escrow)).isEqualTo(100);
    }

    @Test
    void consignmentNeedsTheHoldersOwnAccountAndEnoughUnitsOfThatBatch() {
        Holder seller = fixture.holder();
        Holder stranger = fixture.holder();
        Receipt first = fixture.issue(2024, 50, seller);
        Receipt second = fixture.issue(2024, 50, seller);
        long escrow = escrow();

        assertThat(market.consign(stranger.user(), seller.accountId(), escrow, first.batchId(), 10, null)
                        .refusals())
                .extracting(r -> r.messageKey())
                .containsExactly("registry.account.not-yours");
        assertThat(market.consign(seller.user(), seller.accountId(), escrow, first.batchId(), 51, null)
                        .refusals())
                .extracting(r -> r.messageKey())
                .containsExactly("registry.batch.insufficient");
        assertThat(market.consign(seller.user(), seller.accountId(), escrow, first.batchId(), 0, null)
                        .done())
                .isFalse();
        assertThat(fixture.balance(seller)).isEqualTo(100);

        MarketMove moved = market.consign(seller.user(), seller.accountId(), escrow, second.batchId(), 20, null);
        assertThat(moved.serialRanges())
                .containsExactly(market.batch(second.batchId()).orElseThrow().batchSerial() + "-000001-000020");
        assertThat(market.unitsOfBatch(escrow, second.batchId())).isEqualTo(20);
        assertThat(market.unitsOfBatch(seller.accountId(), first.batchId())).isEqualTo(50);
    }

    @Test
    void deliversToTheBuyerOpeningTheirAccountRetiresOnTheirBehalfAndReleasesTheRestOncePerKey() {
        Holder seller = fixture.holder();
        AmamoPrincipal buyer = fixture.users.create(Role.HOLDER);
        Receipt issued = fixture.issue(2024, 100, seller);
        long escrow = escrow();
        market.consign(seller.user(), seller.accountId(), escrow, issued.batchId(), 100, "k-consign");

        MarketMove delivered = market.deliver(escrow, issued.batchId(), 30, buyer.userId(), null, "k-deliver");
        assertThat(delivered.refusals()).isEmpty();
        long buyerAccount = delivered.toAccountId();
        assertThat(fixture.accountStore.account(buyerAccount).orElseThrow().ownerUserId())
                .isEqualTo(buyer.userId());
        assertThat(fixture.blockStore.balance(buyerAccount)).isEqualTo(30);
        MarketMove again = market.deliver(escrow, issued.batchId(), 30, buyer.userId(), null, "k-deliver");
        assertThat(again.replayed()).isTrue();
        assertThat(fixture.blockStore.balance(buyerAccount)).isEqualTo(30);
        assertThat(market.deliver(escrow, issued.batchId(), 31, buyer.userId(), null, "k-deliver")
                        .refusals())
                .extracting(r -> r.messageKey())
                .containsExactly("registry.idempotency.reused");

        RetirementOrder order = new RetirementOrder("株式会社テスト", "CORPORATE", "本社の電力", null, null);
        MarketMove retired = market.retireFor(escrow, issued.batchId(), 20, order, null, "k-retire");
        assertThat(retired.retirementId()).isNotNull();
        assertThat(market.retireFor(escrow, issued.batchId(), 20, order, null, "k-retire")
                        .retirementId())
                .isEqualTo(retired.retirementId());
        assertThat(market.retireFor(
                                escrow,
                                issued.batchId(),
                                1,
                                new RetirementOrder("", "NOPE", "", null, null),
                                null,
                                null)
                        .refusals())
                .extracting(r -> r.field())
                .contains("beneficiary", "purpose", "emissionsOffset");

        // The unsold rest, as after a lapsed allocation, goes back to the consignor.
        MarketMove released = market.release(escrow, issued.batchId(), 50, seller.accountId(), null, "k-release");
        assertThat(released.refusals()).isEmpty();
        assertThat(fixture.balance(seller)).isEqualTo(50);
        assertThat(fixture.blockStore.balance(escrow)).isZero();
        assertThat(market.release(escrow, issued.batchId(), 1, seller.accountId(), null, null)
                        .done())
                .isFalse();
    }

    @Test
    void tellsWhatAMoveUnderAKeyCameToWithoutMovingAnything() {
        Holder seller = fixture.holder();
        Receipt issued = fixture.issue(2024, 100, seller);
        long escrow = escrow();
        String key = "k-by-key-" + System.nanoTime();

        assertThat(market.moveByKey(key + "-consign")).isEmpty();
        assertThat(market.moveByKey("")).isEmpty();
        MarketMove consigned =
                market.consign(seller.user(), seller.accountId(), escrow, issued.batchId(), 40, key + "-consign");
        MarketMove found = market.moveByKey(key + "-consign").orElseThrow();
        assertThat(found.done()).isTrue();
        assertThat(found.replayed()).isTrue();
        assertThat(found.entryId()).isEqualTo(consigned.entryId());
        assertThat(found.creditUnits()).isEqualTo(40);
        assertThat(found.serialRanges()).isEqualTo(consigned.serialRanges());
        assertThat(found.toAccountId()).isEqualTo(escrow);

        // A refusal the ledger gave is kept under its key, and told as such: nothing moved under it.
        assertThat(market.release(escrow, issued.batchId(), 41, seller.accountId(), null, key + "-release")
                        .done())
                .isFalse();
        MarketMove refused = market.moveByKey(key + "-release").orElseThrow();
        assertThat(refused.done()).isFalse();
        assertThat(refused.refusals()).extracting(r -> r.messageKey()).containsExactly("registry.batch.insufficient");

        assertThat(fixture.balance(seller)).isEqualTo(60);
        assertThat(fixture.blockStore.balance(escrow)).isEqualTo(40);
    }

    @Test
    void transfersUnitsOfTheNamedBatchNotTheLowest() {
        Holder seller = fixture.holder();
        Holder buyer = fixture.holder();
        Receipt first = fixture.issue(2023, 10, seller);
        Receipt second = fixture.issue(2024, 10, seller);
        MarketMove moved =
                market.transferBatch(seller.user(), seller.accountId(), buyer.accountId(), second.batchId(), 4, null);
        assertThat(moved.refusals()).isEmpty();
        assertThat(market.unitsOfBatch(buyer.accountId(), second.batchId())).isEqualTo(4);
        assertThat(market.unitsOfBatch(seller.accountId(), first.batchId())).isEqualTo(10);
        assertThat(market.transferBatch(buyer.user(), seller.accountId(), buyer.accountId(), second.batchId(), 1, null)
                        .refusals())
                .extracting(r -> r.messageKey())
                .containsExactly("registry.account.not-yours");
        assertThat(market.holdings(seller.user()))
                .extracting(h -> h.creditUnits())
                .containsExactly(10L, 6L);
    }

    @Test
    void openingAnEscrowTwiceWithOneReferenceGivesOneAccount() {
        assertThat(market.openEscrow("same-ref", "a")).isEqualTo(market.openEscrow("same-ref", "a"));
        assertThat(fixture.accountStore
                        .accountByOwnerKey("E:same-ref")
                        .orElseThrow()
                        .kind())
                .isEqualTo(AccountKind.ESCROW);
        assertThat(List.of(market.retirementPurposes())).isNotEmpty();
    }
}
