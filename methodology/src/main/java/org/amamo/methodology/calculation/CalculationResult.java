package org.amamo.methodology.calculation;

import java.math.BigDecimal;
import java.util.List;
import org.amamo.methodology.CreditType;
import org.amamo.methodology.Warning;

/**
 * The calculated sheet. {@code creditTonnesCo2} and {@code creditUnits} are the certified quantity; the
 * other figures are exact at {@link java.math.MathContext#DECIMAL128} so that a reviewer can retrace them.
 *
 * @param methodologyVersion the version whose table was used
 * @param type               removal or reduction, as the sheet
 * @param provisional        true when a certainty factor was not yet scored (1.00 assumed)
 * @param years              figures per crediting year: {@link RemovalYearResult}s or {@link ReductionYearResult}s
 * @param netTonnesCo2       sum of the years' nets, unrounded
 * @param creditTonnesCo2    the net rounded down to 0.1 t-CO2, never negative
 * @param creditUnits        the credit in units of 0.1 t-CO2 (12.3 t = 123 units)
 * @param warnings           things a reviewer should know, each with its path; never errors
 */
public record CalculationResult(
        String methodologyVersion,
        CreditType type,
        boolean provisional,
        List<YearResult> years,
        BigDecimal netTonnesCo2,
        BigDecimal creditTonnesCo2,
        long creditUnits,
        List<Warning> warnings) {

    /** Copies the lists. */
    public CalculationResult {
        years = List.copyOf(years);
        warnings = List.copyOf(warnings);
    }

    /**
     * The years of a removal sheet.
     *
     * @return the years, empty for a reduction sheet
     */
    public List<RemovalYearResult> removalYears() {
        return years.stream()
                .filter(RemovalYearResult.class::isInstance)
                .map(RemovalYearResult.class::cast)
                .toList();
    }

    /**
     * The years of a reduction sheet.
     *
     * @return the years, empty for a removal sheet
     */
    public List<ReductionYearResult> reductionYears() {
        return years.stream()
                .filter(ReductionYearResult.class::isInstance)
                .map(ReductionYearResult.class::cast)
                .toList();
    }
}
