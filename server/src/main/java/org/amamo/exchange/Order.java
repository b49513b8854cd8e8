package org.amamo.exchange;

import java.util.Comparator;
import java.util.Objects;

/**
 * A limit order as the call auction sees it. Limit orders only: there are no market orders.
 *
 * @param id the order's number, unique within an auction
 * @param side buy or sell
 * @param limitPriceJpy the limit price in whole yen per t-CO2 (the tick is one yen, so every whole price is a
 *     valid step): a buy trades at this price or lower, a sell at this price or higher
 * @param tradingUnits the quantity in trading units of one t-CO2 each, that is {@link #REGISTRY_UNITS_PER_TRADING_UNIT}
 *     registry units of 0.1 t-CO2
 * @param entrySequence the order's place in time: assigned when the order is entered, in the order of entry, so a
 *     lower number was entered earlier (time priority)
 */
public record Order(long id, Side side, long limitPriceJpy, long tradingUnits, long entrySequence) {

    /** One trading unit is one t-CO2, ten of the registry's units of 0.1 t-CO2. */
    public static final long REGISTRY_UNITS_PER_TRADING_UNIT = 10;

    /**
     * The largest quantity of one order: a million t-CO2, more than a year's issuance of the whole scheme. It keeps
     * every sum of an auction far inside a {@code long}.
     */
    public static final long MAX_TRADING_UNITS = 1_000_000;

    /** Time priority: the earlier entry first; the order number settles equal sequences, so the order is total. */
    public static final Comparator<Order> EARLIEST_ENTRY = (first, second) -> {
        int bySequence = Long.compare(first.entrySequence(), second.entrySequence());
        return bySequence != 0 ? bySequence : Long.compare(first.id(), second.id());
    };

    public Order {
        Objects.requireNonNull(side, "side");
        if (limitPriceJpy < 1) {
            throw new IllegalArgumentException("a limit price is at least 1 yen: " + limitPriceJpy);
        }
        if (tradingUnits < 1 || tradingUnits > MAX_TRADING_UNITS) {
            throw new IllegalArgumentException(
                    "an order is for 1 to " + MAX_TRADING_UNITS + " trading units: " + tradingUnits);
        }
    }

    /** The quantity in the registry's units of 0.1 t-CO2. */
    public long registryUnits() {
        return tradingUnits * REGISTRY_UNITS_PER_TRADING_UNIT;
    }
}
