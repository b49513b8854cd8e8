package org.amamo.market.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.amamo.market.internal.AllocationRule.Award;
import org.amamo.market.internal.AllocationRule.Bid;
import org.amamo.market.internal.AllocationRule.Lot;
import org.junit.jupiter.api.Test;

/** The allocation rule ({@link AllocationRule}): worked examples, then properties over random rounds. */
class MarketAllocationRuleTest {

    private static final BigDecimal MINIMUM = new BigDecimal("10000");
    private static final Instant T0 = Instant.parse("2025-06-01T00:00:00Z");

    private static Bid bid(long id, String project, long units, String price, int minute) {
        return new Bid(id, project, units, new BigDecimal(price), T0.plusSeconds(60L * minute));
    }

    private static List<String> summary(List<Award> awards) {
        return awards.stream()
                .map(a -> a.bidId() + "<-" + a.lotId() + ":" + a.units() + "@" + a.priceJpy())
                .toList();
    }

    @Test
    void servesTheHighestPriceFirstAndEachBidPaysItsOwnPrice() {
        List<Lot> lots = List.of(new Lot(1, "A", 100));
        List<Bid> bids =
                List.of(bid(1, null, 60, "12000", 0), bid(2, null, 60, "15000", 5), bid(3, null, 10, "11000", 1));
        assertThat(summary(AllocationRule.allocate(lots, bids, MINIMUM)))
                .containsExactly("2<-1:60@15000", "1<-1:40@12000");
    }

    @Test
    void sharesProRataAtTheMarginalPriceWithTheRemainderToTheEarliestBids() {
        // 10 units for 3 bids of 4, 4 and 4 at one price: 10*4/12 = 3.33 each -> 3, 3, 3 and 1 left for the earliest.
        List<Lot> lots = List.of(new Lot(1, "A", 10));
        List<Bid> bids = List.of(bid(7, null, 4, "20000", 2), bid(8, null, 4, "20000", 1), bid(9, null, 4, "20000", 3));
        assertThat(summary(AllocationRule.allocate(lots, bids, MINIMUM)))
                .containsExactly("8<-1:4@20000", "7<-1:3@20000", "9<-1:3@20000");
    }

    @Test
    void fillsEveryBidAtAPriceWhenTheSupplyCoversThem() {
        List<Lot> lots = List.of(new Lot(1, "A", 10), new Lot(2, "A", 10));
        List<Bid> bids = List.of(bid(1, null, 12, "20000", 1), bid(2, null, 8, "20000", 0));
        assertThat(summary(AllocationRule.allocate(lots, bids, MINIMUM)))
                .containsExactly("2<-1:8@20000", "1<-1:2@20000", "1<-2:10@20000");
    }

    @Test
    void bidsNamingAProjectAreServedFromItFirstThenAnyProjectFromTheRest() {
        List<Lot> lots = List.of(new Lot(1, "A", 50), new Lot(2, "B", 30));
        List<Bid> bids =
                List.of(bid(1, null, 40, "20000", 0), bid(2, "B", 20, "20000", 5), bid(3, "A", 30, "20000", 9));
        assertThat(summary(AllocationRule.allocate(lots, bids, MINIMUM)))
                .containsExactly("3<-1:30@20000", "2<-2:20@20000", "1<-1:20@20000", "1<-2:10@20000");
    }

    @Test
    void aBidNamingAProjectGetsNothingOfAnotherProject() {
        List<Lot> lots = List.of(new Lot(1, "A", 50));
        assertThat(AllocationRule.allocate(lots, List.of(bid(1, "B", 10, "30000", 0)), MINIMUM))
                .isEmpty();
    }

    @Test
    void bidsBelowTheMinimumGetNothing() {
        List<Lot> lots = List.of(new Lot(1, "A", 50));
        assertThat(summary(AllocationRule.allocate(
                        lots, List.of(bid(1, null, 10, "9999", 0), bid(2, null, 10, "10000", 1)), MINIMUM)))
                .containsExactly("2<-1:10@10000");
    }

    @Test
    void roundsTheAmountHalfUpToWholeYen() {
        // 0.3 t at 13,157 JPY/t = 3,947.1 -> 3,947; 0.5 t at 13,157 = 6,578.5 -> 6,579.
        assertThat(AllocationRule.amountJpy(3, new BigDecimal("13157"))).isEqualByComparingTo("3947");
        assertThat(AllocationRule.amountJpy(5, new BigDecimal("13157"))).isEqualByComparingTo("6579");
        assertThat(AllocationRule.amountJpy(228, new BigDecimal("72816"))).isEqualByComparingTo("1660205");
    }

    // ---- properties

    record Round(List<Lot> lots, List<Bid> bids) {}

    @Provide
    Arbitrary<Round> rounds() {
        Arbitrary<String> project = Arbitraries.of("A", "B", "C");
        Arbitrary<Lot> lot = Combinators.combine(project, Arbitraries.longs().between(1, 500))
                .as((code, units) -> new Lot(0, code, units));
        Arbitrary<Bid> bid = Combinators.combine(
                        Arbitraries.of("A", "B", "C", null),
                        Arbitraries.longs().between(1, 400),
                        Arbitraries.of("9000", "10000", "12000", "15000", "15000"),
                        Arbitraries.integers().between(0, 30))
                .as((code, units, price, minute) ->
                        new Bid(0, code, units, new BigDecimal(price), T0.plusSeconds(60L * minute)));
        return Combinators.combine(
                        lot.list().ofMinSize(1).ofMaxSize(5), bid.list().ofMaxSize(12))
                .as((lots, bids) -> {
                    List<Lot> numberedLots = new ArrayList<>();
                    for (int i = 0; i < lots.size(); i++) {
                        numberedLots.add(new Lot(
                                i + 1, lots.get(i).projectCode(), lots.get(i).units()));
                    }
                    List<Bid> numberedBids = new ArrayList<>();
                    for (int i = 0; i < bids.size(); i++) {
                        Bid b = bids.get(i);
                        numberedBids.add(new Bid(100 + i, b.projectCode(), b.units(), b.priceJpy(), b.placedAt()));
                    }
                    return new Round(numberedLots, numberedBids);
                });
    }

    @Property(tries = 1000)
    void neverGivesMoreThanALotHoldsOrABidAskedNorBelowTheMinimum(@ForAll("rounds") Round round) {
        List<Award> awards = AllocationRule.allocate(round.lots(), round.bids(), MINIMUM);
        Map<Long, Long> perLot = new HashMap<>();
        Map<Long, Long> perBid = new HashMap<>();
        for (Award award : awards) {
            assertThat(award.units()).isPositive();
            assertThat(award.priceJpy()).isGreaterThanOrEqualTo(MINIMUM);
            perLot.merge(award.lotId(), award.units(), Long::sum);
            perBid.merge(award.bidId(), award.units(), Long::sum);
        }
        round.lots()
                .forEach(lot -> assertThat(perLot.getOrDefault(lot.id(), 0L)).isLessThanOrEqualTo(lot.units()));
        for (Bid bid : round.bids()) {
            assertThat(perBid.getOrDefault(bid.id(), 0L)).isLessThanOrEqualTo(bid.units());
            Bid found = bid;
            awards.stream().filter(a -> a.bidId() == found.id()).forEach(a -> {
                assertThat(a.priceJpy()).isEqualByComparingTo(found.priceJpy());
                String project = round.lots().stream()
                        .filter(l -> l.id() == a.lotId())
                        .findFirst()
                        .orElseThrow()
                        .projectCode();
                if (found.projectCode() != null) {
                    assertThat(project).isEqualTo(found.projectCode());
                }
            });
        }
    }

    @Property(tries = 500)
    void isDeterministicWhateverTheOrderOfLotsAndBids(@ForAll("rounds") Round round, @ForAll long seed) {
        List<Lot> lots = new ArrayList<>(round.lots());
        List<Bid> bids = new ArrayList<>(round.bids());
        Collections.shuffle(lots, new Random(seed));
        Collections.shuffle(bids, new Random(seed + 1));
        assertThat(AllocationRule.allocate(lots, bids, MINIMUM))
                .isEqualTo(AllocationRule.allocate(round.lots(), round.bids(), MINIMUM));
    }

    @Property(tries = 1000)
    void aHigherPricedBidIsFilledBeforeALowerPricedOneTakesFromItsLots(@ForAll("rounds") Round round) {
        List<Award> awards = AllocationRule.allocate(round.lots(), round.bids(), MINIMUM);
        Map<Long, Long> perBid = new HashMap<>();
        awards.forEach(a -> perBid.merge(a.bidId(), a.units(), Long::sum));
        for (Award award : awards) {
            Bid lower = round.bids().stream()
                    .filter(b -> b.id() == award.bidId())
                    .findFirst()
                    .orElseThrow();
            String project = round.lots().stream()
                    .filter(l -> l.id() == award.lotId())
                    .findFirst()
                    .orElseThrow()
                    .projectCode();
            for (Bid higher : round.bids()) {
                boolean couldTake =
                        higher.projectCode() == null || higher.projectCode().equals(project);
                if (couldTake && higher.priceJpy().compareTo(lower.priceJpy()) > 0) {
                    assertThat(perBid.getOrDefault(higher.id(), 0L))
                            .as("bid %d outbid by %d", higher.id(), lower.id())
                            .isEqualTo(higher.units());
                }
            }
        }
    }

    @Property(tries = 1000)
    void sharesAShortSupplyProRataInWholeUnitsWithTheRemainderToTheEarliest(
            @ForAll("groups") List<Bid> group, @ForAll("supplies") long supply) {
        List<Bid> ordered = group.stream().sorted(AllocationRule.EARLIEST).toList();
        Map<Long, Long> shares = AllocationRule.shares(ordered, supply);
        long demand = group.stream().mapToLong(Bid::units).sum();
        long total = shares.values().stream().mapToLong(Long::longValue).sum();
        assertThat(total).isEqualTo(Math.min(supply, demand));
        if (demand <= supply) {
            ordered.forEach(bid -> assertThat(shares.get(bid.id())).isEqualTo(bid.units()));
            return;
        }
        boolean extraSeen = true;
        for (Bid bid : ordered) {
            long floor = bid.units() * supply / demand;
            long share = shares.get(bid.id());
            assertThat(share).isBetween(floor, floor + 1);
            // The extra units go to a prefix of the bids in time order: once a bid gets none, no later bid gets one.
            if (share == floor) {
                extraSeen = false;
            } else {
                assertThat(extraSeen).as("remainder to the earliest").isTrue();
            }
        }
    }

    @Provide
    Arbitrary<List<Bid>> groups() {
        return Combinators.combine(
                        Arbitraries.longs().between(1, 1000),
                        Arbitraries.integers().between(0, 50))
                .as((units, minute) -> new Bid(0, null, units, MINIMUM, T0.plusSeconds(60L * minute)))
                .list()
                .ofMinSize(1)
                .ofMaxSize(15)
                .map(bids -> {
                    List<Bid> numbered = new ArrayList<>();
                    for (int i = 0; i < bids.size(); i++) {
                        Bid b = bids.get(i);
                        numbered.add(new Bid(i + 1, null, b.units(), b.priceJpy(), b.placedAt()));
                    }
                    return numbered;
                });
    }

    @Provide
    Arbitrary<Long> supplies() {
        return Arbitraries.longs().between(0, 5000);
    }
}
