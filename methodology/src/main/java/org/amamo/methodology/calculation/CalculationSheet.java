package org.amamo.methodology.calculation;

import java.time.LocalDate;
import java.util.List;
import org.amamo.methodology.CreditType;

/**
 * A CO2 calculation sheet (CO2吸収量算定フォーム): whether it certifies removals or reductions, the
 * methodology version, the application date and one or more contiguous crediting years. Build it from Java
 * objects or read it with {@link SheetJson#read}; then {@link CreditCalculator#calculate} validates and
 * calculates it.
 *
 * @param type               removal or reduction; {@code null} is reported by validation
 * @param methodologyVersion version key, e.g. {@code jbe-2.3}
 * @param applicationDate    date of the application
 * @param years              crediting years in order
 */
public record CalculationSheet(
        CreditType type, String methodologyVersion, LocalDate applicationDate, List<CreditingYear> years) {

    /** Copies the years (keeping {@code null} entries, which validation reports). */
    public CalculationSheet {
        years = CreditingYear.copy(years);
    }

    /**
     * A removal sheet, the kind every sheet was before reductions were added.
     *
     * @param methodologyVersion version key
     * @param applicationDate    date of the application
     * @param years              crediting years in order
     */
    public CalculationSheet(String methodologyVersion, LocalDate applicationDate, List<CreditingYear> years) {
        this(CreditType.REMOVAL, methodologyVersion, applicationDate, years);
    }
}
