package org.amamo.methodology.calculation;

import static org.amamo.methodology.calculation.Sheets.d;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;

/** Properties of reduction credits: conservative rounding, never negative, monotonic, certainty only lowers. */
class ReductionPropertiesTest {

    @Provide
    Arbitrary<BigDecimal> certainties() {
        return Arbitraries.integers().between(1, 100).map(i -> BigDecimal.valueOf(i, 2));
    }

    /** Any fuel of the reduction table, in its unit: litres of a liquid fuel or tonnes of LNG. */
    @Provide
    Arbitrary<FuelQuantity> fuels() {
        Arbitrary<BigDecimal> litres =
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, d("500000")).ofScale(1);
        Arbitrary<BigDecimal> tonnes =
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, d("500")).ofScale(3);
        Arbitrary<String> liquids = Arbitraries.of("gasoline", "diesel", "heavy-oil-a");
        Arbitrary<FuelQuantity> liquid = Combinators.combine(liquids, litres).as(FuelQuantity::litres);
        return Arbitraries.oneOf(liquid, tonnes.map(t -> FuelQuantity.tonnes("lng", t)));
    }

    private static CalculationResult fuelSwitch(
            FuelQuantity baseline, FuelQuantity project, BigDecimal certainty, BigDecimal gridFactor) {
        Component tug = FuelSwitchComponent.of("tug", baseline, project, certainty);
        Component pump = new ElectricityComponent(
                "pump", d("150000"), null, null, d("100000"), gridFactor, "utility", certainty, null, null);
        return Sheets.calculate(Sheets.reduction(tug, pump));
    }

    @Property
    void creditNeverExceedsTheExactNetNorFallsBelowZero(
            @ForAll("fuels") FuelQuantity baseline,
            @ForAll("fuels") FuelQuantity project,
            @ForAll("certainties") BigDecimal certainty,
            @ForAll @BigRange(min = "0", max = "0.001") @Scale(6) BigDecimal gridFactor) {
        CalculationResult result = fuelSwitch(baseline, project, certainty, gridFactor);

        assertThat(result.netTonnesCo2()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
        assertThat(result.years())
                .allSatisfy(y -> assertThat(y.netTonnesCo2()).isGreaterThanOrEqualTo(BigDecimal.ZERO));
        assertThat(result.creditTonnesCo2())
                .isGreaterThanOrEqualTo(BigDecimal.ZERO)
                .isLessThanOrEqualTo(result.netTonnesCo2());
        assertThat(result.netTonnesCo2().subtract(result.creditTonnesCo2())).isLessThan(d("0.1"));
        assertThat(result.creditUnits())
                .isEqualTo(result.creditTonnesCo2().movePointRight(1).longValueExact());
    }

    @Property
    void creditIsMonotonicInTheBaselineQuantity(
            @ForAll @BigRange(min = "0", max = "200000") @Scale(1) BigDecimal baselineLitres,
            @ForAll @BigRange(min = "0", max = "50000") @Scale(1) BigDecimal moreLitres,
            @ForAll("fuels") FuelQuantity project,
            @ForAll("certainties") BigDecimal certainty,
            @ForAll @BigRange(min = "0", max = "0.001") @Scale(6) BigDecimal gridFactor) {
        long smaller = fuelSwitch(FuelQuantity.litres("diesel", baselineLitres), project, certainty, gridFactor)
                .creditUnits();
        long larger = fuelSwitch(
                        FuelQuantity.litres("diesel", baselineLitres.add(moreLitres)), project, certainty, gridFactor)
                .creditUnits();

        assertThat(larger).isGreaterThanOrEqualTo(smaller);
    }

    @Property
    void loweringCertaintyNeverRaisesTheCredit(
            @ForAll("fuels") FuelQuantity baseline,
            @ForAll("fuels") FuelQuantity project,
            @ForAll("certainties") BigDecimal first,
            @ForAll("certainties") BigDecimal second,
            @ForAll @BigRange(min = "0", max = "0.001") @Scale(6) BigDecimal gridFactor) {
        BigDecimal low = first.min(second);
        BigDecimal high = first.max(second);

        assertThat(fuelSwitch(baseline, project, low, gridFactor).creditUnits())
                .isLessThanOrEqualTo(
                        fuelSwitch(baseline, project, high, gridFactor).creditUnits());
    }

    @Property
    void transportCreditIsTheRoundedDownProduct(
            @ForAll @BigRange(min = "0", max = "10000000") @Scale(2) BigDecimal avoidedTonneKm,
            @ForAll @BigRange(min = "0", max = "0.01") @Scale(6) BigDecimal factor) {
        CalculationResult result = Sheets.calculate(Sheets.reduction(
                new TransportComponent("t", avoidedTonneKm, factor, "source", null, BigDecimal.ONE, null, null)));

        assertThat(result.creditTonnesCo2())
                .isEqualTo(avoidedTonneKm.multiply(factor).setScale(1, java.math.RoundingMode.DOWN));
    }
}
