package org.amamo.methodology.calculation;

import java.math.BigDecimal;
import java.util.List;

/**
 * The calculated sheet. {@code creditTonnesCo2} and {@code creditUnits} are the certified quantity; the
 * other figures are exact at {@link java.math.MathContext#DECIMAL128} so that a reviewer can retrace them.
 *
 * @param methodologyVersion the version whose table was used
 * @param provisional        true when a certainty factor was not yet scored (1.00 assumed)
 * @param years              figures per crediting year
 * @param netTonnesCo2       sum of the years' net uptake, unrounded
 * @param creditTonnesCo2    the net rounded down to 0.1 t-CO2, never negative
 * @param creditUnits        the credit in units of 0.1 t-CO2 (12.3 t = 123 units)
 * @param warnings           things a reviewer should know, each {@code path: message}; never errors
 */
public record CalculationResult(String methodologyVersion, boolean provisional, List<YearResult> years,
                                BigDecimal netTonnesCo2, BigDecimal creditTonnesCo2, long creditUnits,
                                List<String> warnings) {

    /** Copies the lists. */
    public CalculationResult {
        years = List.copyOf(years);
        warnings = List.copyOf(warnings);
    }
}
