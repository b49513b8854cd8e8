package org.amamo.disclosure.internal;

import java.math.BigDecimal;

/**
 * One fiscal year of the certification record (seed 002, これまでの認証実績): sites certified, t-CO2
 * certified, hectares certified and the average price per t-CO2 where known. {@code imported} marks a
 * row entered by the secretariat from records kept before the system, as opposed to one the system counts.
 * A counted year's average price is the volume-weighted average of the market's solicitation-round sales settled
 * in that fiscal year; {@code reportedAveragePriceJpy} is that of bilateral trades reported with a price, shown
 * apart because nobody verified them; {@code exchangeAveragePriceJpy} is that of the exchange's call auction contracts
 * of the year, at their execution prices (null: none).
 *
 * <p>{@code removalTonnes} and {@code reductionTonnes} split the certified t-CO2 by credit type (seed 001 table 6:
 * blue carbon = removals, blue resource = reductions); both are null where the record does not say (a year entered
 * by the secretariat as a total). {@code programmeCode} names the programme of a row imported from that
 * programme's history CSV, whose sites and hectares are not recorded (null); it is null for the other rows.
 * {@code noteEn} is the optional English version of the secretariat's {@code note} (null: none).
 */
record YearlyStatistic(
        int fiscalYear,
        Integer certifiedSites,
        BigDecimal certifiedTonnes,
        BigDecimal certifiedHectares,
        BigDecimal averagePriceJpy,
        boolean imported,
        String note,
        BigDecimal reportedAveragePriceJpy,
        BigDecimal removalTonnes,
        BigDecimal reductionTonnes,
        String programmeCode,
        String noteEn,
        BigDecimal exchangeAveragePriceJpy) {

    /** A year entered by the secretariat as a total, without a split by credit type. */
    static YearlyStatistic enteredTotal(
            int fiscalYear,
            int certifiedSites,
            BigDecimal certifiedTonnes,
            BigDecimal certifiedHectares,
            BigDecimal averagePriceJpy,
            String note,
            String noteEn) {
        return new YearlyStatistic(
                fiscalYear,
                certifiedSites,
                certifiedTonnes,
                certifiedHectares,
                averagePriceJpy,
                true,
                note,
                null,
                null,
                null,
                null,
                noteEn,
                null);
    }
}
