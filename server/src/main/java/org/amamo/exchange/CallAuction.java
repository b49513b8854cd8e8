package org.amamo.exchange;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.amamo.exchange.internal.ExecutionPrice;
import org.amamo.exchange.internal.PriceLevels;
import org.amamo.exchange.internal.TimePriorityAllocation;

/**
 * The call auction (板寄せ) of one instrument: all its limit orders meet at one price. Pure and deterministic: the
 * same orders, in any order, give the same result.
 *
 * <p><b>Rule.</b>
 * <ol>
 * <li>Orders whose limit price is outside the price limits around the reference price ({@link PriceLimits}) take no
 * part (the orders API refuses them at entry).</li>
 * <li>The candidate prices are the limit prices of the remaining orders. At a candidate {@code p}, the demand is the
 * trading units of buys with a limit at or above {@code p}, the supply the units of sells with a limit at or below
 * {@code p}; the volume is the smaller of the two and the imbalance {@code |demand - supply|}.</li>
 * <li>A candidate is executable when its volume is positive and every buy strictly above {@code p} and every sell
 * strictly below {@code p} can fill completely: buy units above {@code p} ≤ volume and sell units below {@code p} ≤
 * volume. This leaves out only prices that tie with an executable one on volume and imbalance (docs/exchange.md has
 * the proof), so it never costs volume.</li>
 * <li>The execution price is the executable candidate with the largest volume; among equals, the smallest imbalance;
 * then the one nearest the reference price; of two equally near, the lower.</li>
 * <li>Every trade is at that one price. Buys above and sells below it fill completely. At the price, each side's
 * orders share what is left of the volume after that side's better-priced orders, earliest entry first ({@link
 * Order#EARLIEST_ENTRY}), the last served possibly in part: the smaller side's orders at the price fill completely,
 * the larger side's by time priority.</li>
 * <li>No executable candidate (no buy at or above a sell inside the limits): nothing is executed, and the reference
 * price stays as it was.</li>
 * </ol>
 *
 * <p>Cost: one sort of the orders by price, then one pass over the price levels and one over the orders:
 * O(n log n) for n orders.
 */
public final class CallAuction {

    private static final Comparator<Order> BY_PRICE =
            (first, second) -> Long.compare(first.limitPriceJpy(), second.limitPriceJpy());

    private CallAuction() {}

    /**
     * Runs the auction of {@code orders} (one instrument; order numbers unique) around {@code referencePriceJpy}:
     * the last auction's execution price, else the last reference price.
     */
    public static AuctionResult run(Collection<Order> orders, long referencePriceJpy) {
        PriceLimits limits = PriceLimits.around(referencePriceJpy);
        requireUniqueIds(orders);
        Order[] byPrice = admitted(orders, limits);
        Arrays.sort(byPrice, BY_PRICE);
        PriceLevels levels = PriceLevels.of(byPrice);
        OptionalInt chosen = ExecutionPrice.choose(levels, referencePriceJpy);
        if (chosen.isEmpty()) {
            return AuctionResult.none(referencePriceJpy, limits);
        }
        int level = chosen.getAsInt();
        List<Fill> fills = TimePriorityAllocation.fills(byPrice, levels, level);
        return new AuctionResult(
                referencePriceJpy, limits, OptionalLong.of(levels.priceJpy(level)), levels.volume(level), fills);
    }

    /** The orders inside the limits. Plain loops here and below: an auction runs twice a day, so it runs cold. */
    private static Order[] admitted(Collection<Order> orders, PriceLimits limits) {
        Order[] admitted = new Order[orders.size()];
        int count = 0;
        for (Order order : orders) {
            if (limits.admits(order.limitPriceJpy())) {
                admitted[count++] = order;
            }
        }
        return Arrays.copyOf(admitted, count);
    }

    private static void requireUniqueIds(Collection<Order> orders) {
        long[] ids = new long[orders.size()];
        int count = 0;
        for (Order order : orders) {
            ids[count++] = order.id();
        }
        Arrays.sort(ids);
        for (int i = 1; i < ids.length; i++) {
            if (ids[i] == ids[i - 1]) {
                throw new IllegalArgumentException("order " + ids[i] + " appears twice");
            }
        }
    }
}
