package org.amamo.methodology.calculation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Test fixtures: sheets built from Java objects. */
final class Sheets {

    static final LocalDate APPLICATION_DATE = LocalDate.parse("2024-06-01");
    static final LocalDate YEAR_START = LocalDate.parse("2023-04-01");

    private Sheets() {
    }

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    static CalculationSheet sheet(String version, Component... components) {
        return new CalculationSheet(version, APPLICATION_DATE,
                List.of(new CreditingYear(YEAR_START, null, List.of(components), BigDecimal.ZERO, List.of())));
    }

    static CalculationSheet withVessels(Component component, Vessel... vessels) {
        return new CalculationSheet("jbe-2.3", APPLICATION_DATE,
                List.of(new CreditingYear(YEAR_START, null, List.of(component), BigDecimal.ZERO, List.of(vessels))));
    }

    static AreaComponent seagrass(String areaHectares, String areaCertainty, String coefficientCertainty) {
        return AreaComponent.of("eelgrass", "seagrass", d(areaHectares), nullable(areaCertainty),
                nullable(coefficientCertainty));
    }

    static FarmBiomassComponent wakame(String biomassTonnesWetWeight, String certainty) {
        return new FarmBiomassComponent("wakame", d(biomassTonnesWetWeight), wakameSpecies(), nullable(certainty),
                null);
    }

    /** The species parameters of the worked example in methodology.md section 6. */
    static SpeciesParameters wakameSpecies() {
        return new SpeciesParameters(d("1.0"), d("0.9"), d("0.3"), d("0.1"), "methodology.md section 6 example");
    }

    static BigDecimal nullable(String value) {
        return value == null ? null : d(value);
    }

    static CalculationResult calculate(CalculationSheet sheet) {
        return CreditCalculator.standard().calculate(sheet).orElseThrow();
    }
}
