package org.amamo.exchange.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.amamo.exchange.internal.ExchangeViews.DepthLevel;

/**
 * The exchange's public market data as pages and the API show it: no identities, prices in whole yen per t-CO2,
 * quantities in trading units of 1 t-CO2.
 */
final class ExchangeDataViews {

    private ExchangeDataViews() {}

    /**
     * What the next auction would do with the book as it stands now ({@code CallAuction.run} on the orders that take
     * part in it): the indicative price ({@code null} and {@code executes} false when nothing would execute) and
     * volume, the reference price and limits it runs with, and the book per side and per price level. It changes
     * with every order until the order window closes.
     */
    record IndicativeView(
            long instrumentId,
            Instant auctionAt,
            long referencePriceJpy,
            long lowerLimitJpy,
            long upperLimitJpy,
            boolean executes,
            Long priceJpy,
            long tradingUnits,
            int buyOrders,
            long buyTradingUnits,
            int sellOrders,
            long sellTradingUnits,
            List<DepthLevel> depth) {}

    /**
     * One call auction of one instrument as it ran: the execution price ({@code null} and {@code executed} false:
     * no execution), the volume, the number of contracts, the book it saw per side, the reference price and limits it
     * ran with, and the next auction's reference price.
     */
    record AuctionResultView(
            long auctionId,
            long instrumentId,
            String programmeCode,
            String creditType,
            String ecosystemGroup,
            Instant auctionAt,
            LocalDate tradingDay,
            boolean executed,
            Long executionPriceJpy,
            long executedTradingUnits,
            int contracts,
            long referencePriceJpy,
            long lowerLimitJpy,
            long upperLimitJpy,
            int buyOrders,
            long buyTradingUnits,
            int sellOrders,
            long sellTradingUnits,
            long nextReferencePriceJpy) {}
}
