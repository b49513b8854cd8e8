package org.amamo.methodology.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import org.amamo.methodology.calculation.InputDistribution;

/** The triangular draw of a published coefficient range: inside the range, ordered by the uniform draw, peak at its share. */
class TriangularDrawProperties {

    @Property
    void everyDrawLiesInsideTheRangeAndGrowsWithTheUniformDraw(
            @ForAll @BigRange(min = "0", max = "20") @Scale(2) BigDecimal low,
            @ForAll @BigRange(min = "0", max = "20") @Scale(2) BigDecimal width,
            @ForAll @BigRange(min = "0", max = "1") @Scale(4) BigDecimal peakShare,
            @ForAll @BigRange(min = "0", max = "0.9999") @Scale(4) BigDecimal u,
            @ForAll @BigRange(min = "0", max = "0.9999") @Scale(4) BigDecimal v) {
        Assume.that(u.compareTo(v) <= 0);
        BigDecimal high = low.add(width);
        BigDecimal peak = low.add(width.multiply(peakShare));
        InputDistribution.Triangular range = new InputDistribution.Triangular(low, high);

        BigDecimal atU = UncertaintyEstimator.triangular(u, range, peak);
        BigDecimal atV = UncertaintyEstimator.triangular(v, range, peak);

        assertThat(atU).isBetween(low, high);
        assertThat(atV).isBetween(low, high);
        assertThat(atU).isLessThanOrEqualTo(atV);
    }

    @Property
    void theDrawAtThePeaksShareIsThePeak(
            @ForAll @BigRange(min = "0", max = "20") @Scale(2) BigDecimal low,
            @ForAll @BigRange(min = "0.01", max = "20") @Scale(2) BigDecimal width,
            @ForAll @BigRange(min = "0", max = "1") @Scale(2) BigDecimal peakShare) {
        BigDecimal peak = low.add(width.multiply(peakShare));

        BigDecimal drawn =
                UncertaintyEstimator.triangular(peakShare, new InputDistribution.Triangular(low, low.add(width)), peak);

        assertThat(drawn.subtract(peak).abs()).isLessThan(new BigDecimal("1E-20"));
    }
}
