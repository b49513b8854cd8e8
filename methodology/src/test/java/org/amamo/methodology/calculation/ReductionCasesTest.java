package org.amamo.methodology.calculation;

import static org.amamo.methodology.calculation.Sheets.calculate;
import static org.amamo.methodology.calculation.Sheets.d;
import static org.amamo.methodology.calculation.Sheets.dieselLitres;
import static org.amamo.methodology.calculation.Sheets.heatPump;
import static org.amamo.methodology.calculation.Sheets.localWakame;
import static org.amamo.methodology.calculation.Sheets.reduction;
import static org.amamo.methodology.calculation.Sheets.tug;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.amamo.methodology.CreditType;
import org.amamo.methodology.Warning;
import org.junit.jupiter.api.Test;

/** Reduction sheets (methodology.md section 7): the Blue Resource cases of seed 001, computed by hand. */
class ReductionCasesTest {

    private static ReductionResult only(CalculationResult result) {
        return result.reductionYears().get(0).components().get(0);
    }

    @Test
    void hybridTugReplacingADieselTugReduces103Point2Tonnes() {
        // Baseline: the diesel tug would have burnt 100,000 L for the same towing work: 100 kL x 2.58 = 258 t-CO2.
        // Project: the hybrid tug burnt 60,000 L of diesel: 60 kL x 2.58 = 154.8 t-CO2.
        // Reduction: 258 - 154.8 = 103.2 t-CO2 (40 kL x 2.58), x certainty 1.00 -> credit 103.2 t = 1032 units.
        CalculationResult result = calculate(reduction(tug(dieselLitres("100000"), dieselLitres("60000"), "1.00")));

        ReductionResult tug = only(result);
        assertThat(tug.baselineEmissionsTonnesCo2()).isEqualByComparingTo("258");
        assertThat(tug.projectEmissionsTonnesCo2()).isEqualByComparingTo("154.8");
        assertThat(tug.reductionTonnesCo2()).isEqualByComparingTo("103.2");
        assertThat(result.type()).isEqualTo(CreditType.REDUCTION);
        assertThat(result.creditTonnesCo2()).isEqualTo(d("103.2"));
        assertThat(result.creditUnits()).isEqualTo(1032);
        assertThat(result.provisional()).isFalse();
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void lngTugIsMeasuredInTonnesAt2Point70PerTonne() {
        // Baseline: 50,000 L diesel = 50 kL x 2.58 = 129 t-CO2. Project: 30.5 t LNG x 2.70 t-CO2/t = 82.35 t-CO2.
        // Reduction 129 - 82.35 = 46.65; x certainty 0.90 = 41.985 -> credit 41.9 t (rounded down once).
        CalculationResult result =
                calculate(reduction(tug(dieselLitres("50000"), FuelQuantity.tonnes("lng", d("30.5")), "0.90")));

        ReductionResult tug = only(result);
        assertThat(tug.projectEmissionsTonnesCo2()).isEqualByComparingTo("82.35");
        assertThat(tug.reductionBeforeCertaintyTonnesCo2()).isEqualByComparingTo("46.65");
        assertThat(tug.reductionTonnesCo2()).isEqualByComparingTo("41.985");
        assertThat(result.creditTonnesCo2()).isEqualTo(d("41.9"));
        assertThat(result.creditUnits()).isEqualTo(419);
    }

    @Test
    void seawaterHeatPumpReplacingAnOilBoiler() {
        // Baseline: the heavy oil A boiler would have burnt 20,000 L: 20 kL x 2.71 = 54.2 t-CO2.
        // Project: 60,000 kWh x 0.000441 t-CO2/kWh (the year's grid factor) = 26.46 t-CO2.
        // Reduction 54.2 - 26.46 = 27.74; x 0.95 = 26.353 -> 26.3 t.
        CalculationResult result = calculate(
                reduction(heatPump(null, FuelQuantity.litres("heavy-oil-a", d("20000")), "60000", "0.000441", "0.95")));

        ReductionResult pump = only(result);
        assertThat(pump.baselineEmissionsTonnesCo2()).isEqualByComparingTo("54.2");
        assertThat(pump.projectEmissionsTonnesCo2()).isEqualByComparingTo("26.46");
        assertThat(pump.reductionTonnesCo2()).isEqualByComparingTo("26.353");
        assertThat(result.creditTonnesCo2()).isEqualTo(d("26.3"));
    }

    @Test
    void seawaterHeatPumpReplacingAnAirSourceHeatPump() {
        // Both on the grid: (150,000 - 100,000) kWh x 0.000457 t-CO2/kWh = 68.55 - 45.7 = 22.85 -> 22.8 t.
        CalculationResult result = calculate(reduction(heatPump("150000", null, "100000", "0.000457", "1")));

        ReductionResult pump = only(result);
        assertThat(pump.baselineEmissionsTonnesCo2()).isEqualByComparingTo("68.55");
        assertThat(pump.projectEmissionsTonnesCo2()).isEqualByComparingTo("45.7");
        assertThat(result.creditTonnesCo2()).isEqualTo(d("22.8"));
    }

    @Test
    void localWakameAvoidsTransport() {
        // 12,000 t-km avoided x 0.000216 t-CO2/t-km = 2.592 t-CO2; certainty not yet scored: 1.00 assumed,
        // provisional, with a warning -> 2.5 t.
        CalculationResult result = calculate(reduction(localWakame("12000", "0.000216", null)));

        ReductionResult wakame = only(result);
        assertThat(wakame.baselineEmissionsTonnesCo2()).isEqualByComparingTo("2.592");
        assertThat(wakame.projectEmissionsTonnesCo2()).isEqualByComparingTo("0");
        assertThat(result.creditTonnesCo2()).isEqualTo(d("2.5"));
        assertThat(result.provisional()).isTrue();
        assertThat(result.warnings())
                .extracting(Warning::line)
                .containsExactly("$.years[0].components[0].certainty: not yet scored; 1.00 was "
                        + "assumed and the result is provisional");
    }

    @Test
    void componentsOfAYearOffsetEachOtherAndAnIncreaseIsNotDiscountedByCertainty() {
        // Tug A: 10 kL -> 12 kL diesel: 25.8 - 30.96 = -5.16 (an increase: counted in full, certainty 0.50 ignored).
        // Tug B: 10 kL -> 7 kL diesel: 25.8 - 18.06 = 7.74, x 0.50 = 3.87. Year: 3.87 - 5.16 = -1.29 -> 0.
        FuelSwitchComponent worse =
                FuelSwitchComponent.of("a", dieselLitres("10000"), dieselLitres("12000"), d("0.50"));
        FuelSwitchComponent better =
                FuelSwitchComponent.of("b", dieselLitres("10000"), dieselLitres("7000"), d("0.50"));

        CalculationResult result = calculate(reduction(worse, better));

        ReductionYearResult year = result.reductionYears().get(0);
        assertThat(year.components())
                .extracting(ReductionResult::reductionTonnesCo2)
                .usingComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .containsExactly(d("-5.16"), d("3.87"));
        assertThat(year.reductionTonnesCo2()).isEqualByComparingTo("-1.29");
        assertThat(year.netTonnesCo2()).isEqualByComparingTo("0");
        assertThat(result.creditUnits()).isZero();
        assertThat(result.warnings())
                .extracting(Warning::line)
                .containsExactly(
                        "$.years[0].components[0]: project emissions exceed baseline emissions by 5.16 t-CO2; the increase "
                                + "counts in full, without certainty",
                        "$.years[0]: the reduction is -1.29 t-CO2, at or below zero, so this year contributes 0 t-CO2 (a "
                                + "reduction year never offsets another)",
                        "$.years: the total net is 0 t-CO2, at or below zero, so the credit is 0");
    }

    @Test
    void aYearBelowZeroDoesNotCancelAnotherYear() {
        // Year 1: 103.2 (the hybrid tug). Year 2: 10 kL -> 12 kL: -5.16 -> contributes 0. Total 103.2, not 98.04.
        CreditingYear first = new CreditingYear(
                Sheets.YEAR_START.minusYears(1),
                null,
                List.of(tug(dieselLitres("100000"), dieselLitres("60000"), "1")),
                null,
                List.of());
        CreditingYear second = new CreditingYear(
                Sheets.YEAR_START,
                null,
                List.of(tug(dieselLitres("10000"), dieselLitres("12000"), "1")),
                null,
                List.of());

        CalculationResult result = calculate(new CalculationSheet(
                CreditType.REDUCTION, "yokohama-2019-reduction", Sheets.APPLICATION_DATE, List.of(first, second)));

        assertThat(result.years())
                .extracting(YearResult::netTonnesCo2)
                .usingComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .containsExactly(d("103.2"), d("0"));
        assertThat(result.creditTonnesCo2()).isEqualTo(d("103.2"));
    }

    @Test
    void reductionSheetJsonCarriesTypeAndEmissionFigures() {
        String json = SheetJson.write(calculate(reduction(tug(dieselLitres("100000"), dieselLitres("60000"), "1"))));

        assertThat(json)
                .contains(
                        "\"type\": \"reduction\"",
                        "\"baselineEmissionsT\": \"258\"",
                        "\"projectEmissionsT\": \"154.8\"",
                        "\"reductionT\": \"103.2\"",
                        "\"creditT\": \"103.2\"",
                        "\"creditUnits\": 1032")
                .doesNotContain("vesselEmissionsT", "uptakeT", "grossT");
    }

    @Test
    void removalSheetsSayRemoval() {
        CalculationResult result = calculate(Sheets.sheet("jbe-2.3", Sheets.seagrass("7.8", "1", "1")));

        assertThat(result.type()).isEqualTo(CreditType.REMOVAL);
        assertThat(SheetJson.write(result)).contains("\"type\": \"removal\"");
        assertThat(result.reductionYears()).isEmpty();
    }
}
