package org.amamo.exchange.internal;

import java.util.OptionalInt;

/**
 * The choice of the one execution price among the levels of an order book (see {@link org.amamo.exchange.CallAuction}
 * for the rule in full): among the executable levels, the largest volume, then the smallest imbalance, then the
 * price nearest the reference price, then the lower price.
 */
public final class ExecutionPrice {

    private ExecutionPrice() {}

    /** The level of the execution price, or empty when no level is executable (no buy crosses a sell). */
    public static OptionalInt choose(PriceLevels levels, long referencePriceJpy) {
        int best = -1;
        for (int level = 0; level < levels.count(); level++) {
            if (levels.executable(level) && (best < 0 || better(levels, level, best, referencePriceJpy))) {
                best = level;
            }
        }
        return best < 0 ? OptionalInt.empty() : OptionalInt.of(best);
    }

    /**
     * Whether {@code level} beats {@code best}. Levels are visited from the lowest price up, so a level that ties
     * on every criterion is higher and loses: the lower of two prices equally near the reference wins.
     */
    private static boolean better(PriceLevels levels, int level, int best, long referencePriceJpy) {
        int byVolume = Long.compare(levels.volume(level), levels.volume(best));
        if (byVolume != 0) {
            return byVolume > 0;
        }
        int byImbalance = Long.compare(levels.imbalance(level), levels.imbalance(best));
        if (byImbalance != 0) {
            return byImbalance < 0;
        }
        long distance = Math.abs(levels.priceJpy(level) - referencePriceJpy);
        long bestDistance = Math.abs(levels.priceJpy(best) - referencePriceJpy);
        return distance < bestDistance;
    }
}
