package org.amamo.methodology.calculation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.amamo.methodology.CreditType;

/** Test fixtures: sheets built from Java objects. */
final class Sheets {

    static final LocalDate APPLICATION_DATE = LocalDate.parse("2024-06-01");
    static final LocalDate YEAR_START = LocalDate.parse("2023-04-01");

    private Sheets() {}

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    static CalculationSheet sheet(String version, Component... components) {
        return new CalculationSheet(
                version,
                APPLICATION_DATE,
                List.of(new CreditingYear(YEAR_START, null, List.of(components), BigDecimal.ZERO, List.of())));
    }

    static CalculationSheet withVessels(Component component, Vessel... vessels) {
        return new CalculationSheet(
                "jbe-2.3",
                APPLICATION_DATE,
                List.of(new CreditingYear(YEAR_START, null, List.of(component), BigDecimal.ZERO, List.of(vessels))));
    }

    static AreaComponent seagrass(String areaHectares, String areaCertainty, String coefficientCertainty) {
        return AreaComponent.of(
                "eelgrass", "seagrass", d(areaHectares), nullable(areaCertainty), nullable(coefficientCertainty));
    }

    static FarmBiomassComponent wakame(String biomassTonnesWetWeight, String certainty) {
        return new FarmBiomassComponent(
                "wakame", d(biomassTonnesWetWeight), wakameSpecies(), nullable(certainty), null);
    }

    /** The species parameters of the worked example in methodology.md section 6. */
    static SpeciesParameters wakameSpecies() {
        return new SpeciesParameters(d("1.0"), d("0.9"), d("0.3"), d("0.1"), "methodology.md section 6 example");
    }

    /** A one-year reduction sheet under yokohama-2019-reduction: no removal baseline, no vessels. */
    static CalculationSheet reduction(Component... components) {
        return new CalculationSheet(
                CreditType.REDUCTION,
                "yokohama-2019-reduction",
                APPLICATION_DATE,
                List.of(new CreditingYear(YEAR_START, null, List.of(components), null, List.of())));
    }

    /** A tug switching fuel, without uncertainties. */
    static FuelSwitchComponent tug(FuelQuantity baseline, FuelQuantity project, String certainty) {
        return FuelSwitchComponent.of("tug", baseline, project, nullable(certainty));
    }

    static FuelQuantity dieselLitres(String litres) {
        return FuelQuantity.litres("diesel", d(litres));
    }

    static ElectricityComponent heatPump(
            String baselineKwh, FuelQuantity baselineFuel, String projectKwh, String gridFactor, String certainty) {
        return new ElectricityComponent(
                "heat-pump",
                nullable(baselineKwh),
                baselineFuel,
                null,
                d(projectKwh),
                d(gridFactor),
                "utility's published factor",
                nullable(certainty),
                null,
                null);
    }

    static TransportComponent localWakame(String avoidedTonneKm, String factor, String certainty) {
        return new TransportComponent(
                "local-wakame",
                d(avoidedTonneKm),
                d(factor),
                "published truck factor",
                null,
                nullable(certainty),
                null,
                null);
    }

    static BigDecimal nullable(String value) {
        return value == null ? null : d(value);
    }

    static CalculationResult calculate(CalculationSheet sheet) {
        return CreditCalculator.standard().calculate(sheet).orElseThrow();
    }
}
