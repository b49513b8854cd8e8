package org.amamo.application.internal;

import java.math.BigDecimal;
import org.amamo.programme.FeeRule;

/**
 * The application fee (申請手数料) owed under the programme's rule for the credit the submitted sheet applies for.
 *
 * @param creditUnits the sheet's credit in units of 0.1 t-CO2
 * @param amountYen   {@link FeeRule#amountYen(long)} of those units
 */
record ApplicationFee(FeeRule rule, long creditUnits, BigDecimal amountYen) {

    static ApplicationFee of(FeeRule rule, long creditUnits) {
        return new ApplicationFee(rule, creditUnits, rule.amountYen(creditUnits));
    }

    /** Public, because the page template reads it. */
    public BigDecimal creditTonnes() {
        return BigDecimal.valueOf(creditUnits, 1);
    }
}
