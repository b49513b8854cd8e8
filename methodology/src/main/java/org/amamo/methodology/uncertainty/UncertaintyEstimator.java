package org.amamo.methodology.uncertainty;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.amamo.methodology.Verdict;
import org.amamo.methodology.calculation.CalculationResult;
import org.amamo.methodology.calculation.CalculationSheet;
import org.amamo.methodology.calculation.Component;
import org.amamo.methodology.calculation.ComponentInput;
import org.amamo.methodology.calculation.CreditCalculator;
import org.amamo.methodology.calculation.InputDistribution;
import org.amamo.methodology.calculation.InputSampler;

/**
 * Seeded, reproducible Monte Carlo estimate of the 5th/50th/95th percentiles of a sheet's net and credit,
 * from the uncertainties attached to component inputs ({@code "uncertainty": {"areaHa": {"min": ...,
 * "max": ...}, "coefficient": {"sd": ...}}}). Uniform draws lie between min and max; normal draws are
 * centred on the entered value. Draws are made as doubles and converted to BigDecimal; every calculation
 * then runs exactly as the certified one. A draw outside an input's domain is clamped to it (zero or more;
 * fractions and certainties within [0, 1]).
 */
public final class UncertaintyEstimator {

    /** Net percentiles are rounded to this many decimals, since the band is informative. */
    static final int NET_DECIMALS = 4;

    private final CreditCalculator calculator;

    /**
     * An estimator over a calculator.
     *
     * @param calculator the calculator whose tables are used
     */
    public UncertaintyEstimator(CreditCalculator calculator) {
        this.calculator = calculator;
    }

    /**
     * An estimator over the standard tables.
     *
     * @return the estimator
     */
    public static UncertaintyEstimator standard() {
        return new UncertaintyEstimator(CreditCalculator.standard());
    }

    /**
     * Validates the sheet, then draws the band.
     *
     * @param sheet    the sheet with uncertainties on some inputs
     * @param settings samples and seed
     * @return the band, or the sheet's errors
     */
    public Verdict<UncertaintyBand> estimate(CalculationSheet sheet, UncertaintySettings settings) {
        return calculator.calculate(sheet).map(certified -> band(sheet, settings));
    }

    private UncertaintyBand band(CalculationSheet sheet, UncertaintySettings settings) {
        SplittableRandom random = new SplittableRandom(settings.seed());
        InputSampler sampler = (y, c, component, input, value) -> draw(random, component, input, value);
        List<BigDecimal> nets = new ArrayList<>(settings.samples());
        List<BigDecimal> credits = new ArrayList<>(settings.samples());
        for (int i = 0; i < settings.samples(); i++) {
            CalculationResult result = calculator.recalculate(sheet, sampler);
            nets.add(result.netTonnesCo2());
            credits.add(result.creditTonnesCo2());
        }
        return new UncertaintyBand(
                settings.samples(),
                settings.seed(),
                uncertainInputs(sheet),
                percentiles(nets, NET_DECIMALS),
                percentiles(credits, 1));
    }

    private static BigDecimal draw(
            SplittableRandom random, Component component, ComponentInput input, BigDecimal value) {
        InputDistribution distribution = component.uncertainties().get(input);
        if (distribution == null) {
            return value;
        }
        BigDecimal drawn;
        if (distribution instanceof InputDistribution.Uniform uniform) {
            BigDecimal fraction = BigDecimal.valueOf(random.nextDouble());
            drawn = uniform.min()
                    .add(
                            uniform.max().subtract(uniform.min()).multiply(fraction, MathContext.DECIMAL128),
                            MathContext.DECIMAL128);
        } else {
            BigDecimal deviation = BigDecimal.valueOf(random.nextGaussian());
            BigDecimal standardDeviation = ((InputDistribution.Normal) distribution).standardDeviation();
            drawn = value.add(standardDeviation.multiply(deviation, MathContext.DECIMAL128), MathContext.DECIMAL128);
        }
        return clamp(drawn, input.domain());
    }

    private static BigDecimal clamp(BigDecimal value, ComponentInput.Domain domain) {
        BigDecimal atLeastZero = value.max(BigDecimal.ZERO);
        return domain == ComponentInput.Domain.FRACTION ? atLeastZero.min(BigDecimal.ONE) : atLeastZero;
    }

    /** Nearest-rank percentiles: the smallest value with at least p% of the draws at or below it. */
    static Percentiles percentiles(List<BigDecimal> values, int decimals) {
        List<BigDecimal> sorted = new ArrayList<>(values);
        sorted.sort(BigDecimal::compareTo);
        return new Percentiles(rank(sorted, 5, decimals), rank(sorted, 50, decimals), rank(sorted, 95, decimals));
    }

    private static BigDecimal rank(List<BigDecimal> sorted, int percent, int decimals) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        BigDecimal value = sorted.get(Math.max(0, index));
        return decimals == 1 ? value : value.setScale(decimals, RoundingMode.HALF_EVEN);
    }

    private static int uncertainInputs(CalculationSheet sheet) {
        return sheet.years().stream()
                .flatMap(y -> y.components().stream())
                .mapToInt(c -> c.uncertainties().size())
                .sum();
    }
}
