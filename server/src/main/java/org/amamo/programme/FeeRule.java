package org.amamo.programme;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A programme's application fee (申請手数料): a flat amount plus an amount per tonne of the credit applied for, both
 * in whole yen. The amount owed is {@code flatYen + perTonneYen × tonnes}, rounded down to the yen, where the tonnes
 * are the credit of the submitted calculation sheet (units of 0.1 t-CO2). The seeds give no figure, so the rule is an
 * administrator's setting.
 *
 * @param flatYen     charged once per application, 0 to {@link #MAX_YEN}
 * @param perTonneYen charged per t-CO2 of the credit applied for, 0 to {@link #MAX_YEN}
 */
public record FeeRule(BigDecimal flatYen, BigDecimal perTonneYen) {

    /** The largest amount either part of the rule may name: one hundred million yen. */
    public static final BigDecimal MAX_YEN = new BigDecimal("100000000");

    public FeeRule {
        Objects.requireNonNull(flatYen, "flatYen");
        Objects.requireNonNull(perTonneYen, "perTonneYen");
        if (!wholeYen(flatYen) || !wholeYen(perTonneYen)) {
            throw new IllegalArgumentException("fee amounts are whole yen from 0 to " + MAX_YEN);
        }
    }

    /** Whether an amount may be part of a rule: whole yen, not negative, at most {@link #MAX_YEN}. */
    public static boolean wholeYen(BigDecimal amount) {
        return amount.signum() >= 0
                && amount.compareTo(MAX_YEN) <= 0
                && amount.stripTrailingZeros().scale() <= 0;
    }

    /** The fee owed for an application whose sheet credits {@code creditUnits} (0.1 t-CO2 each). */
    public BigDecimal amountYen(long creditUnits) {
        if (creditUnits < 0) {
            throw new IllegalArgumentException("credit units are never negative: " + creditUnits);
        }
        BigDecimal tonnes = BigDecimal.valueOf(creditUnits, 1);
        return flatYen.add(perTonneYen.multiply(tonnes)).setScale(0, RoundingMode.DOWN);
    }
}
