package org.amamo.methodology.uncertainty;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.amamo.methodology.Verdict;
import org.amamo.methodology.calculation.AreaComponent;
import org.amamo.methodology.calculation.CalculationResult;
import org.amamo.methodology.calculation.CalculationSheet;
import org.amamo.methodology.calculation.Component;
import org.amamo.methodology.calculation.ComponentInput;
import org.amamo.methodology.calculation.CreditCalculator;
import org.amamo.methodology.calculation.InputDistribution;
import org.amamo.methodology.calculation.InputSampler;
import org.amamo.methodology.table.Coefficient;
import org.amamo.methodology.table.MethodologyTable;

/**
 * Seeded, reproducible Monte Carlo estimate of the 5th/50th/95th percentiles of a sheet's net and credit,
 * from the uncertainties attached to component inputs ({@code "uncertainty": {"areaHa": {"min": ...,
 * "max": ...}, "coefficient": {"sd": ...}}}) and, for an area component that uses its version's default
 * coefficient and states no uncertainty for it, from the range the version's table publishes for that
 * coefficient (methodology section 8). Uniform draws lie between min and max; normal draws are centred on the
 * entered value; a published range is drawn triangular between its ends, peaking at the coefficient. Draws are made as doubles and converted to BigDecimal; every calculation
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
        MethodologyTable table =
                calculator.tables().find(sheet.methodologyVersion()).orElseThrow();
        InputSampler sampler =
                (y, c, component, input, value) -> draw(random, distribution(table, component, input), input, value);
        List<BigDecimal> nets = new ArrayList<>(settings.samples());
        List<BigDecimal> credits = new ArrayList<>(settings.samples());
        for (int i = 0; i < settings.samples(); i++) {
            CalculationResult result = calculator.recalculate(sheet, sampler);
            nets.add(result.netTonnesCo2());
            credits.add(result.creditTonnesCo2());
        }
        int fromTable = tableRangeInputs(sheet, table);
        return new UncertaintyBand(
                settings.samples(),
                settings.seed(),
                statedInputs(sheet) + fromTable,
                fromTable,
                percentiles(nets, NET_DECIMALS),
                percentiles(credits, 1));
    }

    /** The sheet's own uncertainty of an input, else the table's published range of a default coefficient. */
    private static InputDistribution distribution(MethodologyTable table, Component component, ComponentInput input) {
        InputDistribution stated = component.uncertainties().get(input);
        return stated != null ? stated : tableRange(table, component, input);
    }

    private static InputDistribution tableRange(MethodologyTable table, Component component, ComponentInput input) {
        if (input != ComponentInput.COEFFICIENT
                || !(component instanceof AreaComponent area)
                || area.ownCoefficient() != null
                || component.uncertainties().containsKey(input)) {
            return null;
        }
        return table.coefficient(area.ecosystem())
                .map(Coefficient::range)
                .filter(range -> range != null && range.published())
                .map(range -> new InputDistribution.Triangular(range.low(), range.high()))
                .orElse(null);
    }

    private static BigDecimal draw(
            SplittableRandom random, InputDistribution distribution, ComponentInput input, BigDecimal value) {
        if (distribution == null) {
            return value;
        }
        BigDecimal drawn;
        if (distribution instanceof InputDistribution.Triangular triangular) {
            drawn = triangular(BigDecimal.valueOf(random.nextDouble()), triangular, value);
        } else if (distribution instanceof InputDistribution.Uniform uniform) {
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

    /**
     * The inverse of the triangular distribution's cumulative function at {@code u}: with {@code a}, {@code b} the
     * ends and {@code c} the peak, {@code a + sqrt(u (b - a)(c - a))} below the peak's share {@code (c - a)/(b - a)},
     * else {@code b - sqrt((1 - u)(b - a)(b - c))}.
     */
    static BigDecimal triangular(BigDecimal u, InputDistribution.Triangular range, BigDecimal peak) {
        MathContext mc = MathContext.DECIMAL128;
        BigDecimal a = range.min();
        BigDecimal b = range.max();
        BigDecimal c = peak.max(a).min(b);
        BigDecimal width = b.subtract(a);
        if (width.signum() == 0) {
            return a;
        }
        BigDecimal peakShare = c.subtract(a).divide(width, mc);
        if (u.compareTo(peakShare) < 0) {
            return a.add(u.multiply(width, mc).multiply(c.subtract(a), mc).sqrt(mc), mc);
        }
        BigDecimal rest = BigDecimal.ONE.subtract(u);
        return b.subtract(rest.multiply(width, mc).multiply(b.subtract(c), mc).sqrt(mc), mc);
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

    private static int statedInputs(CalculationSheet sheet) {
        return sheet.years().stream()
                .flatMap(y -> y.components().stream())
                .mapToInt(c -> c.uncertainties().size())
                .sum();
    }

    private static int tableRangeInputs(CalculationSheet sheet, MethodologyTable table) {
        return (int) sheet.years().stream()
                .flatMap(y -> y.components().stream())
                .filter(c -> tableRange(table, c, ComponentInput.COEFFICIENT) != null)
                .count();
    }
}
