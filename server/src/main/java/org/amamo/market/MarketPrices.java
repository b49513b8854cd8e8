package org.amamo.market;

import java.util.List;

/**
 * Published prices of J Blue Credits per fiscal year (April to March, Japan time): sales settled in solicitation
 * rounds, the exchange's call auctions' contracts and, apart, prices reported for bilateral trades, which nobody has
 * verified.
 */
public interface MarketPrices {

    /** One row per fiscal year and source, oldest first. */
    List<PriceStatistic> byFiscalYear();
}
