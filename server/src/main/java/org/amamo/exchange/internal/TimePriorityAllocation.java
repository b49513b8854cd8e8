package org.amamo.exchange.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.amamo.exchange.Fill;
import org.amamo.exchange.Order;
import org.amamo.exchange.Side;

/**
 * The fills of an auction at a chosen level: every buy above and every sell below the price fills completely; at the
 * price, each side shares what is left of the volume once its better-priced orders are filled, earliest entry first,
 * the last order served possibly in part. The smaller side's orders at the price are thus all filled, the larger
 * side's by time priority.
 */
public final class TimePriorityAllocation {

    private TimePriorityAllocation() {}

    /** The fills of {@code byPrice} (sorted by price, lowest first) at {@code level}, in time priority. */
    public static List<Fill> fills(Order[] byPrice, PriceLevels levels, int level) {
        long priceJpy = levels.priceJpy(level);
        List<Filled> filled = new ArrayList<>();
        List<Order> atPrice = new ArrayList<>();
        for (Order order : byPrice) {
            long price = order.limitPriceJpy();
            if (price == priceJpy) {
                atPrice.add(order);
            } else if (order.side() == Side.BUY ? price > priceJpy : price < priceJpy) {
                filled.add(new Filled(order, order.tradingUnits()));
            }
        }
        atPrice.sort(Order.EARLIEST_ENTRY);
        long volume = levels.volume(level);
        allocate(atPrice, volume - levels.demandAbove(level), volume - levels.supplyBelow(level), filled);
        return inTimePriority(filled);
    }

    /**
     * Shares {@code buyUnits} among the buys and {@code sellUnits} among the sells of {@code atPrice} (earliest
     * first), adding their fills to {@code filled}. The executable condition guarantees that both fit.
     */
    private static void allocate(List<Order> atPrice, long buyUnits, long sellUnits, List<Filled> filled) {
        long buysLeft = buyUnits;
        long sellsLeft = sellUnits;
        for (Order order : atPrice) {
            boolean buy = order.side() == Side.BUY;
            long units = Math.min(order.tradingUnits(), buy ? buysLeft : sellsLeft);
            if (units > 0) {
                filled.add(new Filled(order, units));
                if (buy) {
                    buysLeft -= units;
                } else {
                    sellsLeft -= units;
                }
            }
        }
        if (buysLeft != 0 || sellsLeft != 0) {
            throw new IllegalStateException("the orders at the price could not take the volume");
        }
    }

    private static List<Fill> inTimePriority(List<Filled> filled) {
        Filled[] sorted = filled.toArray(Filled[]::new);
        Arrays.sort(sorted, (first, second) -> Order.EARLIEST_ENTRY.compare(first.order(), second.order()));
        List<Fill> fills = new ArrayList<>(sorted.length);
        for (Filled each : sorted) {
            fills.add(new Fill(each.order().id(), each.order().side(), each.units()));
        }
        return fills;
    }

    /** An order and the units it got, before the fills are put in time priority. */
    private record Filled(Order order, long units) {}
}
