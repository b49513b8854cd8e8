package org.amamo.disclosure.internal;

import java.math.BigDecimal;

/**
 * One fiscal year of the certification record (seed 002, これまでの認証実績): sites certified, t-CO2
 * certified, hectares certified and the average price per t-CO2 where known. {@code imported} marks a
 * row entered by the secretariat from records kept before the system, as opposed to one the system counts.
 * A counted year's average price is the volume-weighted average of the market's solicitation-round sales settled
 * in that fiscal year; {@code reportedAveragePriceJpy} is that of bilateral trades reported with a price, shown
 * apart because nobody verified them.
 */
record YearlyStatistic(
        int fiscalYear,
        int certifiedSites,
        BigDecimal certifiedTonnes,
        BigDecimal certifiedHectares,
        BigDecimal averagePriceJpy,
        boolean imported,
        String note,
        BigDecimal reportedAveragePriceJpy) {

    YearlyStatistic(
            int fiscalYear,
            int certifiedSites,
            BigDecimal certifiedTonnes,
            BigDecimal certifiedHectares,
            BigDecimal averagePriceJpy,
            boolean imported,
            String note) {
        this(fiscalYear, certifiedSites, certifiedTonnes, certifiedHectares, averagePriceJpy, imported, note, null);
    }
}
