package org.amamo.methodology.calculation;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The figures of one crediting year: a {@link RemovalYearResult} or a {@link ReductionYearResult}, as the
 * sheet's type is.
 */
public sealed interface YearResult permits RemovalYearResult, ReductionYearResult {

    /**
     * First day of the crediting year.
     *
     * @return the start
     */
    LocalDate start();

    /**
     * Last day of the crediting year.
     *
     * @return the end
     */
    LocalDate end();

    /**
     * What the year adds to the sheet's total, unrounded: a removal year's net (may be negative), a reduction
     * year's reduction (never negative).
     *
     * @return the year's net, t-CO2
     */
    BigDecimal netTonnesCo2();
}
