package org.amamo.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.junit.jupiter.api.Test;

/**
 * The call auction ({@link CallAuction}) and its price limits, by worked examples. Examples 1 to 5 are those of
 * docs/exchange.md, book for book.
 */
class CallAuctionTest {

    private static Order buy(long id, long priceJpy, long tradingUnits, long entrySequence) {
        return new Order(id, Side.BUY, priceJpy, tradingUnits, entrySequence);
    }

    private static Order sell(long id, long priceJpy, long tradingUnits, long entrySequence) {
        return new Order(id, Side.SELL, priceJpy, tradingUnits, entrySequence);
    }

    private static List<String> fills(AuctionResult result) {
        return result.fills().stream()
                .map(fill -> fill.side() + " " + fill.orderId() + ":" + fill.tradingUnits())
                .toList();
    }

    @Test
    void example1FillsPriceThenTimeAtTheVolumeMaximisingPrice() {
        List<Order> book = List.of(
                buy(1, 1_020, 5, 1),
                buy(2, 1_000, 10, 2),
                sell(11, 970, 8, 3),
                buy(3, 1_000, 10, 4),
                buy(4, 980, 5, 5),
                sell(12, 1_000, 10, 6),
                sell(13, 1_030, 5, 7));

        AuctionResult result = CallAuction.run(book, 1_000);

        // Volumes at 970, 980, 1,000, 1,020, 1,030: 8, 8, 18, 5, 0.
        assertThat(result.executionPriceJpy()).hasValue(1_000);
        assertThat(result.executedTradingUnits()).isEqualTo(18);
        // Buy 1 is above the price: filled. The sells at or below (18) are the smaller side: all filled. The buys at
        // the price share 18 - 5 = 13 by time: buy 2 (entered 2nd) gets 10, buy 3 (entered 4th) the remaining 3.
        assertThat(fills(result)).containsExactly("BUY 1:5", "BUY 2:10", "SELL 11:8", "BUY 3:3", "SELL 12:10");
        assertThat(result.nextReferencePriceJpy()).isEqualTo(1_000);
    }

    @Test
    void example2BreaksAVolumeTieBySmallestImbalanceBeforeNearnessToTheReference() {
        List<Order> book = List.of(buy(1, 1_100, 10, 1), sell(11, 1_000, 10, 2), sell(12, 1_050, 4, 3));

        AuctionResult result = CallAuction.run(book, 1_100);

        // Volume 10 at 1,000, 1,050 and 1,100; imbalance 0, 4, 4: 1,000 wins though 1,100 is the reference.
        assertThat(result.executionPriceJpy()).hasValue(1_000);
        assertThat(fills(result)).containsExactly("BUY 1:10", "SELL 11:10");
        assertThat(result.nextReferencePriceJpy()).isEqualTo(1_000);
    }

    @Test
    void example3BreaksAFullTieByNearnessToTheReferenceThenTheLowerPrice() {
        List<Order> book = List.of(buy(1, 1_000, 10, 1), sell(11, 900, 10, 2));

        // Volume 10 and imbalance 0 at both 900 and 1,000.
        assertThat(CallAuction.run(book, 980).executionPriceJpy()).hasValue(1_000);
        assertThat(CallAuction.run(book, 920).executionPriceJpy()).hasValue(900);
        assertThat(CallAuction.run(book, 950).executionPriceJpy())
                .as("equally near: the lower")
                .hasValue(900);
        assertThat(fills(CallAuction.run(book, 950))).containsExactly("BUY 1:10", "SELL 11:10");
    }

    @Test
    void example4NeverLeavesABetterPricedOrderShortEvenAtTheReferencePrice() {
        List<Order> book = List.of(buy(1, 1_050, 10, 1), sell(11, 1_000, 5, 2));

        AuctionResult result = CallAuction.run(book, 1_000);

        // At 1,000 the buy (above the price) could get only 5 of 10: not executable. At 1,050 it is the larger side
        // at the price and gets 5 by time priority.
        assertThat(result.executionPriceJpy()).hasValue(1_050);
        assertThat(fills(result)).containsExactly("BUY 1:5", "SELL 11:5");
    }

    @Test
    void example5ExecutesNothingWithoutACrossInsideThePriceLimits() {
        // Limits around 1,000: 100 to 1,900. The pair at 2,000 and 1,950 would cross but is outside.
        List<Order> book =
                List.of(buy(1, 900, 10, 1), sell(11, 950, 10, 2), buy(2, 2_000, 10, 3), sell(12, 1_950, 10, 4));

        AuctionResult result = CallAuction.run(book, 1_000);

        assertThat(result.executed()).isFalse();
        assertThat(result.executionPriceJpy()).isEqualTo(OptionalLong.empty());
        assertThat(result.executedTradingUnits()).isZero();
        assertThat(result.fills()).isEmpty();
        assertThat(result.nextReferencePriceJpy()).isEqualTo(1_000);
    }

    @Test
    void executesNothingOnAnEmptyBookOrOneSide() {
        assertThat(CallAuction.run(List.of(), 500).executed()).isFalse();
        assertThat(CallAuction.run(List.of(buy(1, 500, 1, 1), buy(2, 600, 1, 2)), 500)
                        .executed())
                .isFalse();
    }

    @Test
    void givesTheSameResultWhateverTheOrderOfTheInput() {
        List<Order> book = new ArrayList<>(List.of(
                buy(1, 1_020, 5, 1),
                buy(2, 1_000, 10, 2),
                sell(11, 970, 8, 3),
                buy(3, 1_000, 10, 4),
                buy(4, 980, 5, 5),
                sell(12, 1_000, 10, 6),
                sell(13, 1_030, 5, 7)));
        AuctionResult expected = CallAuction.run(book, 1_000);
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(book, random);
            assertThat(CallAuction.run(book, 1_000)).isEqualTo(expected);
        }
    }

    @Test
    void breaksEqualEntrySequencesByOrderNumber() {
        List<Order> book = List.of(buy(2, 100, 5, 1), buy(1, 100, 5, 1), sell(11, 100, 6, 1));

        assertThat(fills(CallAuction.run(book, 100))).containsExactly("BUY 1:5", "BUY 2:1", "SELL 11:6");
    }

    @Test
    void refusesAnOrderNumberTwice() {
        assertThatThrownBy(() -> CallAuction.run(List.of(buy(1, 100, 1, 1), sell(1, 100, 1, 2)), 100))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void setsPriceLimitsNinetyPercentAroundTheReferenceRoundedInwards() {
        assertThat(PriceLimits.around(1)).isEqualTo(new PriceLimits(1, 1));
        assertThat(PriceLimits.around(5)).isEqualTo(new PriceLimits(1, 9));
        assertThat(PriceLimits.around(10)).isEqualTo(new PriceLimits(1, 19));
        assertThat(PriceLimits.around(11)).isEqualTo(new PriceLimits(2, 20));
        assertThat(PriceLimits.around(1_000)).isEqualTo(new PriceLimits(100, 1_900));
        assertThat(PriceLimits.around(1_234)).isEqualTo(new PriceLimits(124, 2_344));
        assertThat(PriceLimits.around(PriceLimits.MAX_REFERENCE_PRICE_JPY).upperJpy())
                .isEqualTo(19_000_000_000L);
        assertThatThrownBy(() -> PriceLimits.around(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PriceLimits.around(PriceLimits.MAX_REFERENCE_PRICE_JPY + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void admitsPricesOnTheLimitsAndRefusesOnePast() {
        PriceLimits limits = PriceLimits.around(1_000);

        assertThat(limits.check("limitPriceJpy", 100).value()).isEqualTo(100);
        assertThat(limits.check("limitPriceJpy", 1_900).isDone()).isTrue();
        assertThat(limits.check("limitPriceJpy", 99).kind()).isEqualTo(RefusalKind.INVALID);
        assertThat(limits.check("limitPriceJpy", 1_901).refusals())
                .containsExactly(Refusal.of("limitPriceJpy", "exchange.order.price-outside-limits", 100L, 1_900L));
    }

    @Test
    void leavesOutAnOrderOutsideTheLimitsAndNeverTradesThere() {
        // Limits around 100: 10 to 190. The buy at 191 is left out; the buy at 190 trades.
        List<Order> book = List.of(buy(1, 191, 5, 1), buy(2, 190, 5, 2), sell(11, 9, 5, 3), sell(12, 10, 10, 4));

        AuctionResult result = CallAuction.run(book, 100);

        assertThat(result.priceLimits()).isEqualTo(new PriceLimits(10, 190));
        // Volume 5 and imbalance 5 at 10 and at 190, but at 190 the sell below it could get only 5 of its 10: not
        // executable. At 10 the sell is the larger side at the price and gets 5.
        assertThat(result.executionPriceJpy()).hasValue(10);
        assertThat(fills(result)).containsExactly("BUY 2:5", "SELL 12:5");
    }

    @Test
    void holdsAnOrderToOneToAMillionTradingUnitsOfTenRegistryUnitsEach() {
        assertThat(buy(1, 100, Order.MAX_TRADING_UNITS, 1).registryUnits()).isEqualTo(10_000_000);
        assertThatThrownBy(() -> buy(1, 100, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> buy(1, 100, Order.MAX_TRADING_UNITS + 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> buy(1, 0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
