package org.amamo.methodology.calculation;

import java.time.LocalDate;
import java.util.List;

/**
 * A CO2 calculation sheet (CO2吸収量算定フォーム): the methodology version, the application date and one
 * or more contiguous crediting years. Build it from Java objects or read it with {@link SheetJson#parse};
 * then {@link CreditCalculator#calculate} validates and calculates it.
 *
 * @param methodologyVersion version key, e.g. {@code jbe-2.3}
 * @param applicationDate    date of the application
 * @param years              crediting years in order
 */
public record CalculationSheet(String methodologyVersion, LocalDate applicationDate, List<CreditingYear> years) {

    /** Copies the years (keeping {@code null} entries, which validation reports). */
    public CalculationSheet {
        years = CreditingYear.copy(years);
    }
}
