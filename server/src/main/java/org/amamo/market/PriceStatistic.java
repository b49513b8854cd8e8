package org.amamo.market;

import java.math.BigDecimal;

/**
 * The prices of one fiscal year from one source ({@link PriceSource}): the number of trades (allocations settled,
 * or trades reported), the units of 0.1 t-CO2 sold, and the lowest, volume-weighted average and highest price in
 * JPY per t-CO2. The average is {@code Σ(units × price) / Σ units}, rounded half up to whole yen.
 */
public record PriceStatistic(
        int fiscalYear,
        PriceSource source,
        long trades,
        long creditUnits,
        BigDecimal minimumPriceJpy,
        BigDecimal averagePriceJpy,
        BigDecimal maximumPriceJpy) {}
