package org.amamo.exchange;

import java.time.Instant;
import java.util.List;

/**
 * The exchange's executed prices, for features that publish prices (the market's published prices): one entry per
 * contract of every call auction that executed, at that auction's one execution price. The exchange never reads
 * another feature's prices, so publishing through this interface keeps the dependency one way.
 */
public interface ExchangePrices {

    /** Every contract of every auction, oldest first. */
    List<Contract> contracts();

    /**
     * One contract (約定) as prices see it.
     *
     * @param auctionAt the scheduled time of the auction that executed it
     * @param tradingUnits trading units of 1 t-CO2 (ten registry units each)
     * @param priceJpy the auction's execution price, whole yen per t-CO2
     * @param projectCode the project of the credits sold
     * @param projectName its name as the registry has it (the code when the registry has none)
     */
    record Contract(Instant auctionAt, long tradingUnits, long priceJpy, String projectCode, String projectName) {

        /** The quantity in the registry's units of 0.1 t-CO2. */
        public long creditUnits() {
            return tradingUnits * Order.REGISTRY_UNITS_PER_TRADING_UNIT;
        }
    }
}
