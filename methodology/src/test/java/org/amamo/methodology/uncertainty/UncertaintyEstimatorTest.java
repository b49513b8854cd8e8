package org.amamo.methodology.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.amamo.methodology.EnglishError;
import org.amamo.methodology.calculation.AreaComponent;
import org.amamo.methodology.calculation.CalculationSheet;
import org.amamo.methodology.calculation.ComponentInput;
import org.amamo.methodology.calculation.CreditCalculator;
import org.amamo.methodology.calculation.CreditingYear;
import org.amamo.methodology.calculation.InputDistribution;
import org.amamo.methodology.calculation.SheetJson;
import org.junit.jupiter.api.Test;

/** The informative Monte Carlo band. */
class UncertaintyEstimatorTest {

    private static CalculationSheet eelgrass(Map<ComponentInput, InputDistribution> uncertainties) {
        return eelgrass("jbe-2.3", null, uncertainties);
    }

    private static CalculationSheet eelgrass(
            String version, BigDecimal ownCoefficient, Map<ComponentInput, InputDistribution> uncertainties) {
        AreaComponent component = new AreaComponent(
                "eelgrass",
                "seagrass",
                new BigDecimal("7.8"),
                ownCoefficient,
                ownCoefficient == null ? null : "literature",
                new BigDecimal("0.90"),
                new BigDecimal("1.00"),
                uncertainties);
        return new CalculationSheet(
                version,
                LocalDate.parse("2024-06-01"),
                List.of(new CreditingYear(
                        LocalDate.parse("2023-04-01"), null, List.of(component), BigDecimal.ZERO, List.of())));
    }

    private static final Map<ComponentInput, InputDistribution> AREA_RANGE =
            Map.of(ComponentInput.AREA_HA, new InputDistribution.Uniform(new BigDecimal("7.0"), new BigDecimal("8.6")));

    @Test
    void sameSeedGivesTheSameBand() {
        UncertaintySettings settings = new UncertaintySettings(2_000, 42);

        assertThat(UncertaintyEstimator.standard()
                        .estimate(eelgrass(AREA_RANGE), settings)
                        .orElseThrow())
                .isEqualTo(UncertaintyEstimator.standard()
                        .estimate(eelgrass(AREA_RANGE), settings)
                        .orElseThrow());
    }

    @Test
    void bandWithoutUncertaintiesCollapsesOnTheCertifiedFigure() {
        UncertaintyBand band = UncertaintyEstimator.standard()
                .estimate(eelgrass(Map.of()), new UncertaintySettings(10, 1))
                .orElseThrow();

        assertThat(band.netTonnesCo2())
                .isEqualTo(new Percentiles(
                        new BigDecimal("11.0916"), new BigDecimal("11.0916"), new BigDecimal("11.0916")));
        assertThat(band.creditTonnesCo2().p50()).isEqualByComparingTo("11.0");
    }

    @Test
    void uniformAreaRangeGivesTheExpectedPercentiles() {
        // area uniform in [7.0, 8.6] -> net = area x 1.58 x 0.90 uniform in [9.954, 12.2292]:
        // p5 = 10.0678, p50 = 11.0916, p95 = 12.1154 (within sampling error).
        UncertaintyBand band = UncertaintyEstimator.standard()
                .estimate(eelgrass(AREA_RANGE), new UncertaintySettings(20_000, 7))
                .orElseThrow();

        assertThat(band.netTonnesCo2().p5().doubleValue()).isBetween(10.02, 10.12);
        assertThat(band.netTonnesCo2().p50().doubleValue()).isBetween(11.04, 11.14);
        assertThat(band.netTonnesCo2().p95().doubleValue()).isBetween(12.07, 12.16);
        assertThat(band.uncertainInputs()).isEqualTo(1);
    }

    @Test
    void aVersionWithRangesDrawsTheDefaultCoefficientFromItsPublishedRange() {
        // coefficient triangular on [0.73, 3.08] peaking at 1.58; net = 7.8 x 0.90 x coefficient = 7.02 x coefficient:
        // p5 = 7.02 x (0.73 + sqrt(0.05 x 2.35 x 0.85)) = 7.02 x 1.0461 = 7.344,
        // p50 = 7.02 x (3.08 - sqrt(0.5 x 2.35 x 1.50)) = 7.02 x 1.7525 = 12.303,
        // p95 = 7.02 x (3.08 - sqrt(0.05 x 2.35 x 1.50)) = 7.02 x 2.6602 = 18.674 (within sampling error).
        UncertaintyBand band = UncertaintyEstimator.standard()
                .estimate(eelgrass("jbe-2.3-ranges", null, Map.of()), new UncertaintySettings(20_000, 11))
                .orElseThrow();

        assertThat(band.tableRangeInputs()).isEqualTo(1);
        assertThat(band.uncertainInputs()).isEqualTo(1);
        assertThat(band.netTonnesCo2().p5().doubleValue()).isBetween(7.20, 7.50);
        assertThat(band.netTonnesCo2().p50().doubleValue()).isBetween(12.15, 12.45);
        assertThat(band.netTonnesCo2().p95().doubleValue()).isBetween(18.50, 18.85);
    }

    @Test
    void theSameSheetUnderTheVersionWithoutRangesHasNoBand() {
        UncertaintyBand band = UncertaintyEstimator.standard()
                .estimate(eelgrass("jbe-2.3", null, Map.of()), new UncertaintySettings(100, 11))
                .orElseThrow();

        assertThat(band.tableRangeInputs()).isZero();
        assertThat(band.netTonnesCo2().p5()).isEqualTo(band.netTonnesCo2().p95());
    }

    @Test
    void anOwnCoefficientOrAStatedUncertaintyIsNotReplacedByTheTableRange() {
        UncertaintyBand own = UncertaintyEstimator.standard()
                .estimate(eelgrass("jbe-2.3-ranges", new BigDecimal("1.20"), Map.of()), new UncertaintySettings(100, 5))
                .orElseThrow();
        UncertaintyBand stated = UncertaintyEstimator.standard()
                .estimate(
                        eelgrass(
                                "jbe-2.3-ranges",
                                null,
                                Map.of(
                                        ComponentInput.COEFFICIENT,
                                        new InputDistribution.Uniform(new BigDecimal("1.50"), new BigDecimal("1.60")))),
                        new UncertaintySettings(2_000, 5))
                .orElseThrow();

        assertThat(own.tableRangeInputs()).isZero();
        assertThat(own.netTonnesCo2().p5())
                .isEqualByComparingTo(own.netTonnesCo2().p95());
        assertThat(stated.tableRangeInputs()).isZero();
        assertThat(stated.uncertainInputs()).isEqualTo(1);
        // 7.02 x [1.50, 1.60] = [10.53, 11.232]
        assertThat(stated.netTonnesCo2().p5().doubleValue()).isBetween(10.53, 11.232);
        assertThat(stated.netTonnesCo2().p95().doubleValue()).isBetween(10.53, 11.232);
    }

    @Test
    void certifiedFiguresAreUnaffectedByUncertainties() {
        assertThat(CreditCalculator.standard()
                        .calculate(eelgrass(AREA_RANGE))
                        .orElseThrow()
                        .creditUnits())
                .isEqualTo(110);
    }

    @Test
    void normalDrawsAreClampedToTheInputDomain() {
        Map<ComponentInput, InputDistribution> wide =
                Map.of(ComponentInput.AREA_CERTAINTY, new InputDistribution.Normal(new BigDecimal("5")));

        UncertaintyBand band = UncertaintyEstimator.standard()
                .estimate(eelgrass(wide), new UncertaintySettings(1_000, 3))
                .orElseThrow();

        // certainty clamped to [0, 1]: net within [0, 7.8 x 1.58] = [0, 12.324]
        assertThat(band.netTonnesCo2().p5()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
        assertThat(band.netTonnesCo2().p95()).isLessThanOrEqualTo(new BigDecimal("12.324"));
    }

    @Test
    void rejectsRangeWithMinAboveMax() {
        String json = """
                {"methodologyVersion": "jbe-2.3", "applicationDate": "2024-06-01", "years": [{"start": "2023-04-01",
                 "baselineT": "0", "components": [{"id": "e", "method": "area", "ecosystem": "seagrass",
                 "areaHa": "7.8", "uncertainty": {"areaHa": {"min": "9", "max": "7"}, "pb": {"sd": "1"}}}]}]}""";

        assertThat(EnglishError.all(CreditCalculator.standard().calculate(json).errors()))
                .containsExactly(
                        new EnglishError("$.years[0].components[0].uncertainty.areaHa", "min 9 is greater than max 7"),
                        new EnglishError(
                                "$.years[0].components[0].uncertainty.pb",
                                "not an input of method area; use one of "
                                        + "areaHa, coefficient, areaCertainty, coefficientCertainty"));
        assertThat(SheetJson.read(json).errors()).isEmpty();
    }
}
