package org.amamo.methodology.calculation;

import static org.amamo.methodology.calculation.Sheets.d;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;

/** Properties of the credit: conservative rounding, monotonicity, additivity. */
class CreditCalculatorPropertiesTest {

    private static final List<String> ECOSYSTEMS =
            List.of("seagrass", "mangrove", "sargassum", "kelp", "eisenia", "tidal-flat");

    @Provide
    Arbitrary<BigDecimal> certainties() {
        return Arbitraries.integers().between(1, 100).map(i -> BigDecimal.valueOf(i, 2));
    }

    @Provide
    Arbitrary<String> ecosystems() {
        return Arbitraries.of(ECOSYSTEMS);
    }

    @Provide
    Arbitrary<Vessel> vessels() {
        return Combinators.combine(
                        Arbitraries.of("gasoline", "diesel", "heavy-oil-a"),
                        Arbitraries.bigDecimals()
                                .between(BigDecimal.ZERO, d("2000"))
                                .ofScale(1))
                .as((fuel, litres) -> Vessel.measured("boat", fuel, litres));
    }

    private static CalculationResult areaResult(
            String ecosystem,
            BigDecimal area,
            BigDecimal areaCertainty,
            BigDecimal coefficientCertainty,
            Vessel vessel) {
        AreaComponent component = AreaComponent.of("bed", ecosystem, area, areaCertainty, coefficientCertainty);
        return Sheets.calculate(Sheets.withVessels(component, vessel));
    }

    @Property
    void creditNeverExceedsTheExactNetAndLosesLessThanOneUnit(
            @ForAll("ecosystems") String ecosystem,
            @ForAll @BigRange(min = "0", max = "100000") @Scale(4) BigDecimal area,
            @ForAll("certainties") BigDecimal areaCertainty,
            @ForAll("certainties") BigDecimal coefficientCertainty,
            @ForAll("vessels") Vessel vessel) {
        CalculationResult result = areaResult(ecosystem, area, areaCertainty, coefficientCertainty, vessel);

        BigDecimal net = result.netTonnesCo2();
        assertThat(result.creditTonnesCo2()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
        if (net.signum() > 0) {
            assertThat(result.creditTonnesCo2()).isLessThanOrEqualTo(net);
            assertThat(net.subtract(result.creditTonnesCo2())).isLessThan(d("0.1"));
        } else {
            assertThat(result.creditTonnesCo2()).isEqualByComparingTo("0");
        }
        assertThat(result.creditUnits())
                .isEqualTo(result.creditTonnesCo2().movePointRight(1).longValueExact());
    }

    @Property
    void creditIsMonotonicInArea(
            @ForAll("ecosystems") String ecosystem,
            @ForAll @BigRange(min = "0", max = "10000") @Scale(3) BigDecimal area,
            @ForAll @BigRange(min = "0", max = "100") @Scale(3) BigDecimal more,
            @ForAll("certainties") BigDecimal certainty,
            @ForAll("vessels") Vessel vessel) {
        long smaller = areaResult(ecosystem, area, certainty, certainty, vessel).creditUnits();
        long larger = areaResult(ecosystem, area.add(more), certainty, certainty, vessel)
                .creditUnits();

        assertThat(larger).isGreaterThanOrEqualTo(smaller);
    }

    @Property
    void creditIsMonotonicInCertainty(
            @ForAll("ecosystems") String ecosystem,
            @ForAll @BigRange(min = "0", max = "10000") @Scale(2) BigDecimal area,
            @ForAll("certainties") BigDecimal first,
            @ForAll("certainties") BigDecimal second,
            @ForAll("certainties") BigDecimal other,
            @ForAll("vessels") Vessel vessel) {
        BigDecimal low = first.min(second);
        BigDecimal high = first.max(second);

        assertThat(areaResult(ecosystem, area, high, other, vessel).creditUnits())
                .isGreaterThanOrEqualTo(
                        areaResult(ecosystem, area, low, other, vessel).creditUnits());
        assertThat(areaResult(ecosystem, area, other, high, vessel).creditUnits())
                .isGreaterThanOrEqualTo(
                        areaResult(ecosystem, area, other, low, vessel).creditUnits());
    }

    @Property
    void loweringAnyCertaintyNeverRaisesTheCredit(
            @ForAll @BigRange(min = "0", max = "1000") @Scale(2) BigDecimal area,
            @ForAll @BigRange(min = "0", max = "1000") @Scale(3) BigDecimal biomass,
            @ForAll("certainties") BigDecimal areaCertainty,
            @ForAll("certainties") BigDecimal coefficientCertainty,
            @ForAll("certainties") BigDecimal farmCertainty,
            @ForAll("certainties") BigDecimal ropeCertainty,
            @ForAll("certainties") BigDecimal lowered,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 3) int which) {
        BigDecimal[] certainties = {areaCertainty, coefficientCertainty, farmCertainty, ropeCertainty};
        long before = mixedCredit(area, biomass, certainties);
        Assume.that(lowered.compareTo(certainties[which]) <= 0);
        certainties[which] = lowered;

        assertThat(mixedCredit(area, biomass, certainties)).isLessThanOrEqualTo(before);
    }

    private static long mixedCredit(BigDecimal area, BigDecimal biomass, BigDecimal[] certainties) {
        Component bed = AreaComponent.of("bed", "kelp", area, certainties[0], certainties[1]);
        Component farm = new FarmBiomassComponent("farm", biomass, Sheets.wakameSpecies(), certainties[2], null);
        Component rope =
                new RopeLengthComponent("rope", d("1200"), d("5"), Sheets.wakameSpecies(), certainties[3], null);
        CalculationSheet sheet = Sheets.sheet("jbe-2.3", bed, farm, rope);
        return Sheets.calculate(sheet).creditUnits();
    }

    @Property
    void splittingASiteIntoTwoComponentsGivesTheSameUptake(
            @ForAll("ecosystems") String ecosystem,
            @ForAll @BigRange(min = "0", max = "10000") @Scale(4) BigDecimal first,
            @ForAll @BigRange(min = "0", max = "10000") @Scale(4) BigDecimal second,
            @ForAll("certainties") BigDecimal areaCertainty,
            @ForAll("certainties") BigDecimal coefficientCertainty) {
        CalculationResult whole = Sheets.calculate(Sheets.sheet(
                "jbe-2.3",
                AreaComponent.of("whole", ecosystem, first.add(second), areaCertainty, coefficientCertainty)));
        CalculationResult split = Sheets.calculate(Sheets.sheet(
                "jbe-2.3",
                AreaComponent.of("west", ecosystem, first, areaCertainty, coefficientCertainty),
                AreaComponent.of("east", ecosystem, second, areaCertainty, coefficientCertainty)));

        // Exact up to the working precision's last digit (34 significant digits).
        BigDecimal splitGross = split.removalYears().get(0).grossTonnesCo2();
        assertThat(splitGross
                        .subtract(whole.removalYears().get(0).grossTonnesCo2())
                        .abs())
                .isLessThanOrEqualTo(d("1e-25"));
        assertThat(split.creditUnits()).isEqualTo(whole.creditUnits());
    }
}
