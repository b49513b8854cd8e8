package org.amamo.exchange;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The outcome of one call auction of one instrument.
 *
 * @param referencePriceJpy the reference price the auction ran with
 * @param priceLimits the limits it derived from it
 * @param executionPriceJpy the one price of every trade, yen per t-CO2; empty when nothing was executed
 * @param executedTradingUnits the volume: the trading units bought, which equal the units sold; 0 when nothing was
 *     executed
 * @param fills one fill per order that traded, in time priority (entry sequence, then order number)
 */
public record AuctionResult(
        long referencePriceJpy,
        PriceLimits priceLimits,
        OptionalLong executionPriceJpy,
        long executedTradingUnits,
        List<Fill> fills) {

    public AuctionResult {
        Objects.requireNonNull(priceLimits, "priceLimits");
        Objects.requireNonNull(executionPriceJpy, "executionPriceJpy");
        fills = List.copyOf(fills);
        if (executionPriceJpy.isEmpty() != (executedTradingUnits == 0)) {
            throw new IllegalArgumentException("an execution has a price and a volume; none has neither");
        }
    }

    /** No execution: no order crossed inside the price limits. */
    static AuctionResult none(long referencePriceJpy, PriceLimits priceLimits) {
        return new AuctionResult(referencePriceJpy, priceLimits, OptionalLong.empty(), 0, List.of());
    }

    public boolean executed() {
        return executionPriceJpy.isPresent();
    }

    /** The reference price of the next auction: this auction's execution price, else the same reference price. */
    public long nextReferencePriceJpy() {
        return executionPriceJpy.orElse(referencePriceJpy);
    }
}
