package org.amamo.methodology.calculation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One crediting year of a sheet, from {@code start} to the day before the same date one year later.
 * Lists may hold {@code null} entries (parts that could not be read), which validation reports.
 *
 * @param start              first day
 * @param end                last day as entered, or {@code null} to derive it from the start
 * @param components         the components measured in this year
 * @param baselineTonnesCo2  baseline uptake, t-CO2, or {@code null} for none entered (0 is assumed)
 * @param vessels            vessels used, possibly empty
 */
public record CreditingYear(
        LocalDate start,
        LocalDate end,
        List<Component> components,
        BigDecimal baselineTonnesCo2,
        List<Vessel> vessels) {

    /** Copies the lists (keeping {@code null} entries, which validation reports). */
    public CreditingYear {
        components = copy(components);
        vessels = copy(vessels);
    }

    static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
