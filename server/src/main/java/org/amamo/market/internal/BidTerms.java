package org.amamo.market.internal;

import java.math.BigDecimal;

/**
 * What a buyer bids: the project preferred ({@code null}: any project), units of 0.1 t-CO2, price per t-CO2 in whole
 * yen, the intended use (a retirement purpose), whether the registry is to retire the credits at once on the
 * buyer's behalf (then with the beneficiary and the emissions offset, which the retirement record discloses), and
 * whether the results may name the buyer.
 */
record BidTerms(
        String projectCode,
        long creditUnits,
        BigDecimal priceJpy,
        String purpose,
        boolean retireAtOnce,
        String beneficiary,
        String emissionsOffset,
        boolean discloseName) {}
