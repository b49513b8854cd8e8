package org.amamo.methodology.calculation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The figures of one crediting year of a removal sheet: net = gross - baseline - vessel emissions.
 *
 * @param start                  first day
 * @param end                    last day
 * @param components             each component's uptake
 * @param grossTonnesCo2         sum of the components' uptake after certainty
 * @param baselineTonnesCo2      baseline uptake
 * @param vesselEmissionsTonnesCo2 CO2 emitted by the vessels
 * @param netTonnesCo2           the year's net uptake (may be negative)
 */
public record RemovalYearResult(
        LocalDate start,
        LocalDate end,
        List<ComponentResult> components,
        BigDecimal grossTonnesCo2,
        BigDecimal baselineTonnesCo2,
        BigDecimal vesselEmissionsTonnesCo2,
        BigDecimal netTonnesCo2)
        implements YearResult {

    /** Copies the component list. */
    public RemovalYearResult {
        components = List.copyOf(components);
    }
}
