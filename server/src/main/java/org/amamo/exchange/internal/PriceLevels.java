package org.amamo.exchange.internal;

import java.util.Arrays;
import org.amamo.exchange.Order;
import org.amamo.exchange.Side;

/**
 * The order book of one auction seen as its distinct limit prices (levels), lowest first, with the cumulative
 * volumes the call auction compares: at each level {@code p}, the demand (trading units of buys with a limit at or
 * above {@code p}) and the supply (units of sells with a limit at or below {@code p}). Built in one pass over orders
 * already sorted by price, so an auction costs one sort, O(n log n), and then O(levels).
 */
public final class PriceLevels {

    private final long[] pricesJpy;
    private final long[] buyUnits;
    private final long[] sellUnits;
    private final long[] demand;
    private final long[] supply;

    private PriceLevels(long[] pricesJpy, long[] buyUnits, long[] sellUnits) {
        this.pricesJpy = pricesJpy;
        this.buyUnits = buyUnits;
        this.sellUnits = sellUnits;
        int levels = pricesJpy.length;
        demand = new long[levels];
        supply = new long[levels];
        long sold = 0;
        for (int level = 0; level < levels; level++) {
            sold = Math.addExact(sold, sellUnits[level]);
            supply[level] = sold;
        }
        long bought = 0;
        for (int level = levels - 1; level >= 0; level--) {
            bought = Math.addExact(bought, buyUnits[level]);
            demand[level] = bought;
        }
    }

    /** The levels of {@code byPrice}, which must be sorted by limit price, lowest first. */
    public static PriceLevels of(Order[] byPrice) {
        long[] prices = new long[byPrice.length];
        long[] buys = new long[byPrice.length];
        long[] sells = new long[byPrice.length];
        int levels = 0;
        for (Order order : byPrice) {
            if (levels == 0 || prices[levels - 1] != order.limitPriceJpy()) {
                if (levels > 0 && prices[levels - 1] > order.limitPriceJpy()) {
                    throw new IllegalArgumentException("orders not sorted by price");
                }
                prices[levels++] = order.limitPriceJpy();
            }
            long[] side = order.side() == Side.BUY ? buys : sells;
            side[levels - 1] += order.tradingUnits();
        }
        return new PriceLevels(
                Arrays.copyOf(prices, levels), Arrays.copyOf(buys, levels), Arrays.copyOf(sells, levels));
    }

    public int count() {
        return pricesJpy.length;
    }

    public long priceJpy(int level) {
        return pricesJpy[level];
    }

    /** Trading units of buys with a limit at or above this level's price. */
    public long demand(int level) {
        return demand[level];
    }

    /** Trading units of sells with a limit at or below this level's price. */
    public long supply(int level) {
        return supply[level];
    }

    /** Trading units of buys with a limit strictly above this level's price: they must all fill here. */
    public long demandAbove(int level) {
        return demand[level] - buyUnits[level];
    }

    /** Trading units of sells with a limit strictly below this level's price: they must all fill here. */
    public long supplyBelow(int level) {
        return supply[level] - sellUnits[level];
    }

    /** What an auction at this level's price executes: the smaller of demand and supply. */
    public long volume(int level) {
        return Math.min(demand[level], supply[level]);
    }

    /** The units left unmatched at this level's price: |demand - supply|. */
    public long imbalance(int level) {
        return Math.abs(demand[level] - supply[level]);
    }

    /**
     * Whether the auction may execute at this level's price: something trades, and every buy above and every sell
     * below the price can be filled completely (the larger side's orders at the price take what is left).
     */
    public boolean executable(int level) {
        long volume = volume(level);
        return volume > 0 && demandAbove(level) <= volume && supplyBelow(level) <= volume;
    }
}
