package org.amamo.methodology.calculation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The figures of one crediting year of a reduction sheet: the components' reductions after certainty are
 * summed; a sum at or below zero contributes nothing (net 0), so a bad year never cancels a good one.
 *
 * @param start                      first day
 * @param end                        last day
 * @param components                 each component's figures
 * @param baselineEmissionsTonnesCo2 sum of the components' baseline emissions
 * @param projectEmissionsTonnesCo2  sum of the components' project emissions
 * @param reductionTonnesCo2         sum of the components' reductions after certainty (may be negative)
 * @param netTonnesCo2               the reduction, or 0 when it is at or below zero
 */
public record ReductionYearResult(
        LocalDate start,
        LocalDate end,
        List<ReductionResult> components,
        BigDecimal baselineEmissionsTonnesCo2,
        BigDecimal projectEmissionsTonnesCo2,
        BigDecimal reductionTonnesCo2,
        BigDecimal netTonnesCo2)
        implements YearResult {

    /** Copies the component list and checks that the year never subtracts from the sheet. */
    public ReductionYearResult {
        components = List.copyOf(components);
        if (netTonnesCo2.signum() < 0) {
            throw new IllegalArgumentException("a reduction year's net is never negative; got " + netTonnesCo2);
        }
    }
}
